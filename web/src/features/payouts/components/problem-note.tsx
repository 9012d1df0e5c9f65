import { AlertCircle } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { isApiError } from "@/lib/api";

/** A failed request in the API's one problem shape: its sentence, and the messages it gave per field or none. */
export function ProblemNote({ error, fallback = "That did not work." }: { error: unknown; fallback?: string }) {
  if (error == null) return null;
  let title = fallback;
  let details: string[] = [];
  if (isApiError(error)) {
    title = error.message || fallback;
    details = error.problem.errors
      .map((item) => (item.field ? `${item.field}: ${item.message}` : item.message))
      .filter((message) => message && message !== title);
  } else if (error instanceof Error && error.message) {
    title = error.message;
  }
  return (
    <Alert variant="destructive">
      <AlertCircle aria-hidden="true" />
      <AlertTitle className="line-clamp-none">{title}</AlertTitle>
      {details.length > 0 && (
        <AlertDescription>
          <ul className="list-disc pl-4">
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        </AlertDescription>
      )}
    </Alert>
  );
}
