import { CircleAlert, CircleCheck } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { useT } from "@/lib/i18n";

import type { Transaction } from "../api/policies";
import type { PaymentOutcome } from "../payment-outcome";

/** A finished payment's outcome in plain words: paid (with its receipt), or why not and what to do. */
export function PaymentOutcomeMessage({ outcome, transaction }: { outcome: PaymentOutcome; transaction: Transaction }) {
  const { t, amount } = useT();
  const paid = outcome.kind === "paid";
  return (
    <Alert variant={paid ? "default" : "destructive"} data-testid="payment-outcome" data-kind={outcome.kind}>
      {paid ? <CircleCheck aria-hidden="true" className="text-success" /> : <CircleAlert aria-hidden="true" />}
      <AlertTitle className="line-clamp-none">
        {paid ? t("pay.outcome.paidTitle", { amount: amount(transaction.amount, transaction.currency) }) : t("pay.outcome.failedTitle")}
      </AlertTitle>
      <AlertDescription>
        <p>{t(`pay.outcome.${outcome.kind}`)}</p>
        {paid && transaction.receipt_number && <p>{t("pay.outcome.receipt", { receipt: transaction.receipt_number })}</p>}
        <p className="text-muted-foreground">{t("pay.outcome.reference", { reference: transaction.reference })}</p>
      </AlertDescription>
    </Alert>
  );
}
