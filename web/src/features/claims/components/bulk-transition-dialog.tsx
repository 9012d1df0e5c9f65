import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { BulkResults } from "@/components/bulk";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";

import { bulkTransition, claimKeys, type BulkResponse, type ClaimRow } from "../api/claims";
import { STATUS_LABELS, STATUSES, type ClaimStatus } from "../vocabulary";
import { FieldError } from "./field-error";
import { FormAlert } from "./form-alert";

// A claim is never moved back to draft, and reaches "settled" only by paying its settlement.
const TARGETS = STATUSES.filter((status) => status !== "draft" && status !== "settled");

interface BulkTransitionDialogProps {
  claims: readonly ClaimRow[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the claims that were moved, when the user closes the results. */
  onDone: (succeeded: string[]) => void;
}

export function BulkTransitionDialog({ claims, open, onOpenChange, onDone }: BulkTransitionDialogProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<ClaimStatus | "">("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<{ to?: string; reason?: string }>({});
  const mutation = useMutation({
    mutationFn: bulkTransition,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimKeys.lists() }),
  });
  const answer: BulkResponse | undefined = mutation.data;
  const error = isApiError(mutation.error) ? mutation.error : null;

  const close = (next: boolean) => {
    if (next) return onOpenChange(true);
    if (answer) onDone(answer.results.filter((result) => result.ok).map((result) => result.claim));
    mutation.reset();
    setTo("");
    setReason("");
    setMissing({});
    onOpenChange(false);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problems = {
      to: to ? undefined : "Choose the status to move the claims to.",
      reason: reason.trim() ? undefined : "Say why: it is recorded in each claim's history.",
    };
    setMissing(problems);
    if (problems.to || problems.reason || !to) return;
    mutation.mutate({ claims: claims.map((claim) => claim.id), to, reason: reason.trim() });
  };

  const toError = missing.to ?? error?.fieldError("to");
  const reasonError = missing.reason ?? error?.fieldError("reason");
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change status of {claims.length === 1 ? "1 claim" : `${claims.length} claims`}</DialogTitle>
          <DialogDescription>
            Each claim is moved on its own, with its own checks; a claim that cannot make the move is refused with the
            reason and the others still move.
          </DialogDescription>
        </DialogHeader>
        {answer ? (
          <>
            <BulkResults answer={answer} verb="moved" />
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" onSubmit={submit} noValidate>
            <FormAlert error={error} fields={["to", "reason"]} />
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-to`}>New status</Label>
              <NativeSelect
                id={`${id}-to`}
                value={to}
                aria-invalid={!!toError}
                aria-describedby={toError ? `${id}-to-error` : undefined}
                onChange={(event) => setTo(event.target.value as ClaimStatus | "")}
              >
                <option value="">Choose a status…</option>
                {TARGETS.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </NativeSelect>
              <FieldError id={`${id}-to-error`} message={toError} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-reason`}>Reason</Label>
              <Textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={500}
                rows={3}
                aria-invalid={!!reasonError}
                aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                onChange={(event) => setReason(event.target.value)}
              />
              <FieldError id={`${id}-reason-error`} message={reasonError} />
            </div>
            <DialogFooter>
              <Button variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Moving…" : "Move claims"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
