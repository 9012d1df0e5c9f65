import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/lib/i18n";

import { cancellationQuoteQuery, cancelPolicy, portalKeys, type CancellationQuote, type Policy } from "../api/policies";
import { errorText } from "../error-text";
import { toCents } from "../money-math";

/**
 * Cancel a quote or a policy, with the reason. Before the customer confirms, the dialog shows the
 * refund cancelling today would give, as the server computes it (the same computation the
 * cancellation then asks for); staff approve the refund.
 */
export function CancelPolicyDialog({
  policy,
  open,
  onOpenChange,
}: {
  policy: Policy;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cancelPolicy(policy.id, reason.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.all });
      onOpenChange(false);
    },
  });
  const preview = useQuery({ ...cancellationQuoteQuery(policy.id), enabled: open });
  const missing = touched && reason.trim() === "";
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("policies.dialogClose")}>
        <DialogHeader>
          <DialogTitle>{t(policy.status === "quote" ? "policies.cancelQuote" : "policies.cancelTitle")}</DialogTitle>
          <DialogDescription>
            {t(policy.status === "active" ? "policies.cancelRefundNote" : "policies.cancelNote")}
          </DialogDescription>
        </DialogHeader>
        {preview.isPending && open && <p className="text-sm text-muted-foreground">{t("policies.cancelPreview.loading")}</p>}
        {preview.data && <RefundPreview quote={preview.data} />}
        {preview.isError && (
          <Alert variant="destructive">
            <AlertDescription>{errorText(t, preview.error)}</AlertDescription>
          </Alert>
        )}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-reason`}>{t("policies.cancelReason")}</Label>
          <Textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-reason-error` : undefined}
          />
          {missing && (
            <p id={`${id}-reason-error`} className="text-sm text-destructive">
              {t("policies.cancelReasonRequired")}
            </p>
          )}
        </div>
        {cancel.isError && (
          <Alert variant="destructive">
            <AlertDescription>{errorText(t, cancel.error)}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            {t("policies.keep")}
          </Button>
          <Button
            variant="destructive"
            disabled={cancel.isPending}
            onClick={() => {
              setTouched(true);
              if (reason.trim()) cancel.mutate();
            }}
          >
            {t("policies.confirmCancel")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function RefundPreview({ quote }: { quote: CancellationQuote }) {
  const { t, amount } = useT();
  const money = (value: string) => amount(value, quote.currency);
  const values = {
    refund: money(quote.refund),
    paid: money(quote.paid),
    earned: money(quote.earned),
    days: quote.days_covered,
    total: quote.days_in_period,
  };
  if (toCents(quote.paid) === 0n) {
    return <p data-testid="refund-preview">{t("policies.cancelPreview.nothingPaid")}</p>;
  }
  if (toCents(quote.refund) === 0n) {
    return <p data-testid="refund-preview">{t("policies.cancelPreview.nothingLeft", values)}</p>;
  }
  return (
    <div data-testid="refund-preview" className="flex flex-col gap-1 rounded-lg border bg-muted/40 p-3">
      <p className="font-medium">{t("policies.cancelPreview.refund", values)}</p>
      <p className="text-sm text-muted-foreground">{t("policies.cancelPreview.after")}</p>
    </div>
  );
}
