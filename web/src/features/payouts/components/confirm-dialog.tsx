import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";
import { useIdempotentAction } from "@/lib/idempotency";

import { confirmPayout, payoutKeys, type Payout } from "../api/payouts";
import { ProblemAlert } from "@/components/problem-alert";

/** Record that finance paid a cheque: its number is the payout's reference. One Idempotency-Key per dialog's action. */
export function ConfirmDialog({ payout, onClose }: { payout: Payout | null; onClose: () => void }) {
  return (
    <Dialog open={payout !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>{payout && <ConfirmForm key={payout.id} payout={payout} onDone={onClose} />}</DialogContent>
    </Dialog>
  );
}

function ConfirmForm({ payout, onDone }: { payout: Payout; onDone: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [reference, setReference] = useState("");
  const [missing, setMissing] = useState(false);
  const confirm = useIdempotentAction(
    (input: { id: string; reference: string }, key: string) => confirmPayout(input.id, input.reference, key),
    {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: payoutKeys.all });
        onDone();
      },
    },
  );
  const fieldError =
    (missing ? "Give the cheque's number." : undefined) ??
    (isApiError(confirm.error) ? confirm.error.fieldError("provider_reference") : undefined);
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reference.trim()) {
          setMissing(true);
          return;
        }
        setMissing(false);
        void confirm.run({ id: payout.id, reference: reference.trim() });
      }}
    >
      <DialogHeader>
        <DialogTitle>Confirm this cheque was paid?</DialogTitle>
        <DialogDescription>
          {formatMoney(payout.amount, payout.currency)} to {payout.payee || "the payee"}
          {payout.claim && `, settling claim ${payout.claim.claim_number}`}. Confirmed, the payout is paid
          {payout.claim && " and the claim settled"}.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={confirm.error} fallback="The payout could not be confirmed." />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>Cheque number (required)</Label>
        <Input
          id={id}
          value={reference}
          maxLength={100}
          autoFocus
          onChange={(event) => setReference(event.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
        />
        {fieldError && (
          <p id={`${id}-error`} className="text-sm text-destructive">
            {fieldError}
          </p>
        )}
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={confirm.pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={confirm.pending} className={cn(confirm.pending && "cursor-progress")}>
          {confirm.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {confirm.error ? "Try again: confirm" : "Confirm paid"}
        </Button>
      </DialogFooter>
    </form>
  );
}
