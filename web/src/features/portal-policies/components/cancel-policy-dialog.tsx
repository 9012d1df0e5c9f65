import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/lib/i18n";

import { cancelPolicy, portalKeys, type Policy } from "../api/policies";
import { errorText } from "../error-text";

/**
 * Cancel a quote or a policy, with the reason. The API computes no refund on cancelling (it has
 * no refund preview), so the dialog says so plainly and points to the refund request of a payment.
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
  const missing = touched && reason.trim() === "";
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t(policy.status === "quote" ? "policies.cancelQuote" : "policies.cancelTitle")}</DialogTitle>
          <DialogDescription>
            {t(policy.status === "active" ? "policies.cancelRefundNote" : "policies.cancelNote")}
          </DialogDescription>
        </DialogHeader>
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
