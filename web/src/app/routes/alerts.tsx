import { AlertsList } from "@/features/alerts/components/alerts-list";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Alerts");
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
        <p className="text-sm text-muted-foreground">
          What the system flagged for a person to look at, most severe first; new ones appear as they are raised.
        </p>
      </div>
      <AlertsList />
    </div>
  );
}
