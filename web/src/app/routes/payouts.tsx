import { NotFound } from "@/components/not-found";
import { PayoutFiles } from "@/features/payouts/components/payout-files";
import { PayoutsList } from "@/features/payouts/components/payouts-list";
import { ReconcilePanel } from "@/features/payouts/components/reconcile-panel";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";

/** `/payouts`: money out, for supervisors and admins (the API's payouts desk answers no one else). */
export function Component() {
  useDocumentTitle("Payouts");
  const user = useUser();
  if (user.role !== "supervisor" && user.role !== "admin") return <NotFound />;
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Payouts</h1>
        <p className="text-sm text-muted-foreground">
          Claim settlements and refunds on their way out: release the ones above their payer&apos;s authority, make the
          bank&apos;s payout file, and reconcile its statement.
        </p>
      </div>
      <PayoutsList />
      <div className="grid gap-4 lg:grid-cols-2">
        <PayoutFiles />
        <ReconcilePanel />
      </div>
    </div>
  );
}
