import { ClaimsMap } from "@/features/claims-map/components/claims-map";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Claims map");
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Claims map</h1>
        <p className="text-sm text-muted-foreground">
          Where the claims you may work on happened: clusters when many, each claim when few, and the open
          catastrophe events. Select a box or draw a lasso to open those claims in the list for bulk actions.
        </p>
      </div>
      <ClaimsMap />
    </div>
  );
}
