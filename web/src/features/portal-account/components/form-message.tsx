import { CheckCircle2 } from "lucide-react";
import type { ReactNode } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { useT } from "@/lib/i18n";

import { accountErrorKey } from "../account-errors";

/** A refused request as one sentence (role="alert" through Alert). */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <Alert variant="destructive">
      <AlertDescription>{t(accountErrorKey(error))}</AlertDescription>
    </Alert>
  );
}

/** A success, announced politely. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="flex items-start gap-2 text-sm text-green-800">
      <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}
