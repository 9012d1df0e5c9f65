import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/lib/i18n";
import { IdempotentAction } from "@/lib/idempotency";

import { portalKeys, requestRefund, type Refund, type Transaction } from "../api/policies";
import { errorText } from "../error-text";
import { fromCents, toCents } from "../money-math";

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** Ask for money back from a payment: at most what is left of it after earlier refunds; staff decide. */
export function RefundDialog({ transaction, onClose }: { transaction: Transaction | null; onClose: () => void }) {
  const { t, amount } = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const left = transaction ? fromCents(toCents(transaction.amount) - toCents(transaction.refunded_amount)) : "0.00";
  const [value, setValue] = useState(left);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const [attempt] = useState(() => new IdempotentAction<{ amount: string; reason: string }, Refund>());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  if (!transaction) return null;

  const clean = value.trim().replace(/,/g, "");
  const amountError = !MONEY.test(clean) || toCents(clean) <= 0n
    ? t("policies.refund.amountInvalid")
    : toCents(clean) > toCents(left)
      ? t("policies.refund.amountTooLarge", { max: amount(left, transaction.currency) })
      : null;
  const reasonError = reason.trim() === "" ? t("policies.refund.reasonRequired") : null;

  async function submit() {
    setTouched(true);
    if (amountError || reasonError || !transaction) return;
    const pending = attempt.run({ amount: clean, reason: reason.trim() }, (input, key) =>
      requestRefund(transaction.id, input.amount, input.reason, key),
    );
    if (pending === null) return;
    setBusy(true);
    setError(null);
    try {
      await pending;
      await queryClient.invalidateQueries({ queryKey: portalKeys.all });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("policies.dialogClose")}>
        <DialogHeader>
          <DialogTitle>{t("policies.refund.title")}</DialogTitle>
          <DialogDescription>
            {t("policies.refund.intro", { amount: amount(left, transaction.currency), reference: transaction.reference })}
          </DialogDescription>
        </DialogHeader>
        {done ? (
          <Alert>
            <AlertDescription>{t("policies.refund.sent")}</AlertDescription>
          </Alert>
        ) : (
          <>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-amount`}>{t("policies.refund.amount")}</Label>
              <Input
                id={`${id}-amount`}
                inputMode="decimal"
                value={value}
                onChange={(event) => setValue(event.target.value)}
                aria-invalid={touched && amountError ? true : undefined}
                aria-describedby={touched && amountError ? `${id}-amount-error` : undefined}
              />
              {touched && amountError && (
                <p id={`${id}-amount-error`} className="text-sm text-destructive">
                  {amountError}
                </p>
              )}
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-reason`}>{t("policies.refund.reason")}</Label>
              <Textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
                aria-invalid={touched && reasonError ? true : undefined}
                aria-describedby={touched && reasonError ? `${id}-reason-error` : undefined}
              />
              {touched && reasonError && (
                <p id={`${id}-reason-error`} className="text-sm text-destructive">
                  {reasonError}
                </p>
              )}
            </div>
            {error !== null && (
              <Alert variant="destructive">
                <AlertDescription>{errorText(t, error)}</AlertDescription>
              </Alert>
            )}
          </>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t(done ? "policies.refund.close" : "policies.keep")}
          </Button>
          {!done && (
            <Button onClick={() => void submit()} disabled={busy}>
              {t("policies.refund.submit")}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
