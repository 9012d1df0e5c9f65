import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";

import { assessmentKeys, overrideTotalLoss, type Assessment } from "../api/assessments";

function decisionText(value: boolean | null): string {
  return value === true ? "Total loss" : value === false ? "Repair" : "No recommendation yet";
}

function OverrideDialog({ assessment, open, onOpenChange }: { assessment: Assessment; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient();
  const recommended = assessment.total_loss_recommendation;
  const [choice, setChoice] = useState<"total" | "repair">(recommended === true ? "repair" : "total");
  const [reason, setReason] = useState("");
  const override = useMutation({
    mutationFn: () => overrideTotalLoss(assessment.id, { total_loss: choice === "total", reason }),
    onSuccess: (updated) => {
      queryClient.setQueryData(assessmentKeys.detail(assessment.id), updated);
      onOpenChange(false);
    },
  });
  const error = isApiError(override.error) ? override.error : null;
  const reasonError = error?.fieldError("reason");
  const [tried, setTried] = useState(false);
  const missing = tried && !reason.trim() ? "Say why you decide against (or confirm) the recommendation." : undefined;
  const shownReasonError = reasonError ?? missing;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Override the total-loss recommendation</DialogTitle>
          <DialogDescription>
            The recommendation says: {decisionText(recommended)}. Your decision counts instead, with its reason on the record.
          </DialogDescription>
        </DialogHeader>
        <form
          id="total-loss-form"
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (!reason.trim()) return;
            override.mutate();
          }}
        >
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Decision</legend>
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="total" checked={choice === "total"} onChange={() => setChoice("total")} className="accent-primary" />
              Total loss: the vehicle is not worth repairing
            </label>
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="repair" checked={choice === "repair"} onChange={() => setChoice("repair")} className="accent-primary" />
              Repair the vehicle
            </label>
          </fieldset>
          <div className="grid gap-1.5">
            <label htmlFor="total-loss-reason" className="text-sm font-medium">
              Reason
              <span aria-hidden="true" className="text-destructive">
                {" "}*
              </span>
            </label>
            <Textarea
              id="total-loss-reason"
              required
              maxLength={1000}
              rows={3}
              value={reason}
              aria-invalid={shownReasonError ? true : undefined}
              aria-describedby={shownReasonError ? "total-loss-reason-error" : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {shownReasonError && (
              <p id="total-loss-reason-error" className="text-sm text-destructive">
                {shownReasonError}
              </p>
            )}
          </div>
          {error && !error.fieldError("reason") && (
            <Alert variant="destructive">
              <AlertDescription>{error.message}</AlertDescription>
            </Alert>
          )}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="total-loss-form" disabled={override.isPending}>
            {override.isPending ? "Saving…" : "Record decision"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * The total-loss recommendation (from the accepted estimate against the vehicle's value), the
 * assessor's override with its reason, and the decision that counts.
 */
export function TotalLossCard({ assessment, editable }: { assessment: Assessment; editable: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => overrideTotalLoss(assessment.id, { total_loss: null, reason: "" }),
    onSuccess: (updated) => queryClient.setQueryData(assessmentKeys.detail(assessment.id), updated),
  });
  const overridden = assessment.total_loss_override !== null;
  const decision = assessment.total_loss;
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>Total loss</CardTitle>
        <CardDescription>From the accepted estimate against the vehicle&apos;s value.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 px-4 text-sm">
        <p className={cn("text-base font-semibold", decision === true && "text-red-700")} data-total-loss={String(decision)}>
          {decisionText(decision)}
          {overridden && <span className="ml-1 text-xs font-normal text-muted-foreground">(overridden)</span>}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">Recommended</dt>
          <dd>{decisionText(assessment.total_loss_recommendation)}</dd>
          <dt className="text-muted-foreground">Vehicle value</dt>
          <dd>{assessment.vehicle_value ? formatMoney(assessment.vehicle_value, assessment.accepted_estimate?.currency) : "—"}</dd>
        </dl>
        {assessment.total_loss_reasoning && <p className="text-muted-foreground">{assessment.total_loss_reasoning}</p>}
        {overridden && (
          <div className="rounded-md bg-muted/60 p-2">
            <p className="font-medium">Override: {decisionText(assessment.total_loss_override)}</p>
            <p className="text-muted-foreground">{assessment.total_loss_override_reason}</p>
          </div>
        )}
        {withdraw.error && (
          <Alert variant="destructive">
            <AlertDescription>{withdraw.error.message}</AlertDescription>
          </Alert>
        )}
        {editable && (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
              {overridden ? "Change override" : "Override…"}
            </Button>
            {overridden && (
              <Button size="sm" variant="ghost" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
                Withdraw override
              </Button>
            )}
          </div>
        )}
      </CardContent>
      {open && <OverrideDialog assessment={assessment} open={open} onOpenChange={setOpen} />}
    </Card>
  );
}
