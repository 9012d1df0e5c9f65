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

import { catastropheKeys, reserveForEvent, type BulkReserveRequest, type BulkReserveResponse } from "../api/catastrophes";

interface Props {
  eventId: string;
  eventName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** A reserve by rule on every open claim of the event (each claim on its own, within the caller's authority). */
export function EventReserveDialog({ eventId, eventName, open, onOpenChange }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY_RULE);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<RuleErrors & { reason?: string }>({});
  const [answer, setAnswer] = useState<BulkReserveResponse | null>(null);
  const action = useIdempotentAction((body: BulkReserveRequest, key: string) => reserveForEvent(body, key), {
    onSuccess: (result) => {
      setAnswer(result);
      void queryClient.invalidateQueries({ queryKey: catastropheKeys.figures(eventId) });
    },
  });
  const error = isApiError(action.error) ? action.error : null;
  const { rule } = validateRule(draft);

  const close = (next: boolean) => {
    if (next) return onOpenChange(true);
    action.reset();
    setAnswer(null);
    onOpenChange(false);
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateRule(draft);
    const problems = { ...checked.errors, reason: reason.trim() ? undefined : "Say why: it is kept in each reserve's history." };
    setErrors(problems);
    if (!checked.rule || problems.reason) return;
    void action.run({ catastrophe: eventId, rule: checked.rule, reason: reason.trim() });
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Set reserves for {eventName}</DialogTitle>
          <DialogDescription>
            Every open claim of the event you may act on gets the rule&apos;s reserve, each on its own and within your
            reserve authority; claims with nothing to do are skipped with the reason.
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
            {error && <p className="rounded-md border border-destructive/40 p-2 text-sm text-destructive">{error.message}</p>}
            <ReserveRuleFields draft={draft} onChange={setDraft} errors={errors} />
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-reason`}>Reason</Label>
              <Textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={500}
                rows={2}
                aria-invalid={!!errors.reason}
                aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
                onChange={(event) => setReason(event.target.value)}
              />
              {errors.reason && (
                <p id={`${id}-reason-error`} className="text-sm text-destructive">
                  {errors.reason}
                </p>
              )}
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
