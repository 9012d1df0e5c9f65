import { ImportsList } from "@/features/intake/components/imports-list";
import { IntakeUpload } from "@/features/intake/components/intake-upload";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Bulk intake");
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Bulk intake</h1>
        <p className="text-sm text-muted-foreground">
          Files of incidents from the desk or from partners become claims, checked line by line as a first notice of
          loss is.
        </p>
      </div>
      <IntakeUpload />
      <ImportsList />
    </div>
  );
}
