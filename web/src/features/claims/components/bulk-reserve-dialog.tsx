import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { BulkResults, ReserveRuleFields } from "@/components/bulk";
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
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { useIdempotentAction } from "@/lib/idempotency";
import { EMPTY_RULE, describeRule, validateRule, type RuleErrors } from "@/lib/reserve-rule";

import { bulkReserve, claimKeys, type BulkReserveRequest, type BulkReserveResponse, type ClaimRow } from "../api/claims";
import { FieldError } from "./field-error";
import { FormAlert } from "./form-alert";

interface BulkReserveDialogProps {
  claims: readonly ClaimRow[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (succeeded: string[]) => void;
}

/** "Set reserve": one cost type's reserve by a rule on the selected claims, each claim on its own. */
export function BulkReserveDialog({ claims, open, onOpenChange, onDone }: BulkReserveDialogProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY_RULE);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<RuleErrors & { reason?: string }>({});
  const [answer, setAnswer] = useState<BulkReserveResponse | null>(null);
  const action = useIdempotentAction((body: BulkReserveRequest, key: string) => bulkReserve(body, key), {
    onSuccess: (result) => {
      setAnswer(result);
      void queryClient.invalidateQueries({ queryKey: claimKeys.all });
    },
  });
  const error = isApiError(action.error) ? action.error : null;
  const { rule } = validateRule(draft);

  const close = (next: boolean) => {
    if (next) return onOpenChange(true);
    if (answer) onDone(answer.results.filter((result) => result.ok).map((result) => result.claim));
    action.reset();
    setAnswer(null);
    onOpenChange(false);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateRule(draft);
    const problems = {
      ...checked.errors,
      reason: reason.trim() ? undefined : "Say why: it is kept in each reserve's history.",
    };
    setErrors(problems);
    if (!checked.rule || problems.reason) return;
    void action.run({ claims: claims.map((claim) => claim.id), rule: checked.rule, reason: reason.trim() });
  };

  const reasonError = errors.reason ?? error?.fieldError("reason");
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Set reserve on {claims.length === 1 ? "1 claim" : `${claims.length} claims`}</DialogTitle>
          <DialogDescription>
            Each claim&apos;s reserve is set on its own, within your reserve authority; a claim with nothing to do is
            skipped with the reason, and a refusal leaves the others done.
          </DialogDescription>
        </DialogHeader>
        {answer ? (
          <>
            <BulkResults answer={answer} verb="set" />
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" onSubmit={submit} noValidate>
            <FormAlert error={error} fields={["reason"]} />
            <ReserveRuleFields draft={draft} onChange={setDraft} errors={errors} />
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-reason`}>Reason</Label>
              <Textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={500}
                rows={2}
                aria-invalid={!!reasonError}
                aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                onChange={(event) => setReason(event.target.value)}
              />
              <FieldError id={`${id}-reason-error`} message={reasonError} />
            </div>
            {rule && <p className="text-sm text-muted-foreground">{describeRule(rule)}.</p>}
            <DialogFooter>
              <Button variant="outline" type="button" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={action.pending}>
                {action.pending ? "Setting…" : "Set reserves"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
