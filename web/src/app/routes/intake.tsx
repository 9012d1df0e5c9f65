import { Link } from "react-router";

import { ImportsList } from "@/features/intake/components/imports-list";
import { IntakeUpload } from "@/features/intake/components/intake-upload";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";

export function Component() {
  useDocumentTitle("Bulk intake");
  const user = useUser();
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Bulk intake</h1>
        <p className="text-sm text-muted-foreground">
          Files of incidents from the desk or from partners become claims, checked line by line as a first notice of
          loss is.
        </p>
        {user.role === "admin" ? (
          <p className="mt-1 text-sm">
            <Link to="/intake/partners" className="font-medium underline underline-offset-4">
              Manage partners and their API keys
            </Link>
          </p>
        ) : null}
      </div>
      <IntakeUpload />
      <ImportsList />
    </div>
  );
}
