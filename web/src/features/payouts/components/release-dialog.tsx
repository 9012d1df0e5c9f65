import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";
import { useIdempotentAction } from "@/lib/idempotency";

import { payoutKeys, releasePayout, type Payout } from "../api/payouts";
import { METHOD_LABELS } from "../views";
import { ProblemAlert } from "@/components/problem-alert";

/** Confirm releasing a held payout: one Idempotency-Key for this dialog's action, one request however often clicked. */
export function ReleaseDialog({ payout, onClose }: { payout: Payout | null; onClose: () => void }) {
  return (
    <Dialog open={payout !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>{payout && <ReleaseForm key={payout.id} payout={payout} onDone={onClose} />}</DialogContent>
    </Dialog>
  );
}

function ReleaseForm({ payout, onDone }: { payout: Payout; onDone: () => void }) {
  const queryClient = useQueryClient();
  const release = useIdempotentAction((id: string, key: string) => releasePayout(id, key), {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: payoutKeys.all });
      onDone();
    },
  });
  const what = payout.claim ? `settling claim ${payout.claim.claim_number}` : payout.refund ? "paying a refund" : "";
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void release.run(payout.id);
      }}
    >
      <DialogHeader>
        <DialogTitle>Release this payout?</DialogTitle>
        <DialogDescription>
          {formatMoney(payout.amount, payout.currency)} to {payout.payee || "the payee"} by{" "}
          {METHOD_LABELS[payout.method] ?? payout.method}
          {what && `, ${what}`}. It is above its payer&apos;s authority; released, it goes on its way at once
          {payout.method === "bank_transfer" && " (into the next bank file)"}
          {payout.method === "cheque" && " (to finance, who write the cheque)"}.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={release.error} fallback="The payout could not be released." />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={release.pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={release.pending} className={cn(release.pending && "cursor-progress")}>
          {release.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {release.error ? "Try again: release" : "Release payout"}
        </Button>
      </DialogFooter>
    </form>
  );
}
