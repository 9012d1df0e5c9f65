import { AreaFilter } from "@/features/claims/components/area-filter";
import { ClaimsList } from "@/features/claims/components/claims-list";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Claims");
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Claims</h1>
        <p className="text-sm text-muted-foreground">
          Every claim you may work on; filters stay in the address, so a link shows the same list.
        </p>
      </div>
      <AreaFilter />
      <ClaimsList />
    </div>
  );
}
