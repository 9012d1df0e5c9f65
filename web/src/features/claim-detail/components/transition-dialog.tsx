import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatMoney } from "@/lib/format";

import { claimKeys, invalidateClaim, transitionClaim, type ClaimDetail, type ClaimStatus } from "../api/claim";

import { fieldError } from "./field-error";
import { Field, ProblemAlert } from "./form-bits";
import { STATUS_LABELS, TRANSITION_VERBS } from "./labels";

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * Moving the claim to `to`, with the reason (required to reject) and, to approve, the amount.
 * A guard's refusal (409 with its reasons) stays in the dialog, next to what was asked.
 */
export function TransitionDialog({
  claim,
  to,
  onClose,
}: {
  claim: ClaimDetail;
  to: ClaimStatus | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={to !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>{to && <TransitionForm key={to} claim={claim} to={to} onDone={onClose} />}</DialogContent>
    </Dialog>
  );
}

function TransitionForm({ claim, to, onDone }: { claim: ClaimDetail; to: ClaimStatus; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState(claim.approved_amount ?? claim.estimated_cost ?? "");
  const [localError, setLocalError] = useState<{ field: "reason" | "approved_amount"; message: string } | null>(null);
  const approving = to === "approved";
  const rejecting = to === "rejected";
  const mutation = useMutation({
    mutationFn: () =>
      transitionClaim(claim.id, {
        to,
        reason: reason.trim(),
        ...(approving ? { approved_amount: amount.trim() } : {}),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(claimKeys.detail(claim.id), updated);
      void invalidateClaim(queryClient, claim.id);
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (rejecting && !reason.trim()) {
      setLocalError({ field: "reason", message: "Say why the claim is rejected." });
      return;
    }
    if (approving && !MONEY.test(amount.trim())) {
      setLocalError({ field: "approved_amount", message: "Enter the amount approved, e.g. 45000.00." });
      return;
    }
    setLocalError(null);
    mutation.mutate();
  }

  const reasonError = (localError?.field === "reason" ? localError.message : undefined) ?? fieldError(mutation.error, "reason");
  const amountError =
    (localError?.field === "approved_amount" ? localError.message : undefined) ??
    fieldError(mutation.error, "approved_amount");

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>
          {TRANSITION_VERBS[to]} {claim.claim_number}
        </DialogTitle>
        <DialogDescription>
          From {STATUS_LABELS[claim.status]} to {STATUS_LABELS[to]}. The move is recorded in the claim&apos;s history with
          your reason{to !== "withdrawn" ? " and the customer is told" : ""}.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={mutation.error} fields={["reason", "approved_amount"]} />
      {approving && (
        <Field
          label={`Approved amount (${claim.currency})`}
          hint={claim.estimated_cost ? `Estimated: ${formatMoney(claim.estimated_cost, claim.currency)}` : undefined}
          error={amountError}
        >
          <Input
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            required
          />
        </Field>
      )}
      <Field label={rejecting ? "Reason (required)" : "Reason"} error={reasonError}>
        <Textarea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          required={rejecting}
          autoFocus={!approving}
          rows={3}
        />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant={rejecting || to === "withdrawn" ? "destructive" : "default"} disabled={mutation.isPending}>
          {mutation.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {TRANSITION_VERBS[to]}
        </Button>
      </DialogFooter>
    </form>
  );
}
