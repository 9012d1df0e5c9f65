import { Landmark } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";
import { IdempotentAction } from "@/lib/idempotency";

import { startBankTransfer, type BankTransfer, type Policy } from "../api/policies";
import { errorText } from "../error-text";
import { CopyButton } from "./copy-button";

/**
 * Pay by bank transfer: the API records the transfer it expects and answers our account and the
 * reference to quote; each can be copied. The payment is credited when the bank statement with that
 * reference and the exact amount is reconciled.
 */
export function BankPanel({ policy, amountDue }: { policy: Policy; amountDue: string }) {
  const { t, amount } = useT();
  const [attempt] = useState(() => new IdempotentAction<null, BankTransfer>());
  const [transfer, setTransfer] = useState<BankTransfer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function start() {
    const pending = attempt.run(null, (_input, key) => startBankTransfer(policy.id, key));
    if (pending === null) return;
    setBusy(true);
    setError(null);
    try {
      setTransfer(await pending);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (!transfer) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-muted-foreground">{t("pay.bank.intro")}</p>
        {error !== null && (
          <Alert variant="destructive">
            <AlertDescription>{errorText(t, error)}</AlertDescription>
          </Alert>
        )}
        <Button type="button" size="lg" onClick={() => void start()} disabled={busy}>
          <Landmark aria-hidden="true" />
          {t("pay.bank.start", { amount: amount(amountDue, policy.currency) })}
        </Button>
      </div>
    );
  }
  const { pay_to: to, transaction: txn } = transfer;
  const rows: { label: string; value: string; shown?: string }[] = [
    { label: t("pay.bank.bank"), value: to.bank },
    { label: t("pay.bank.accountName"), value: to.account_name },
    { label: t("pay.bank.accountNumber"), value: to.account_number },
    { label: t("pay.bank.branch"), value: to.branch },
    { label: t("pay.bank.swift"), value: to.swift },
    { label: t("pay.bank.reference"), value: txn.reference },
    { label: t("pay.bank.amount"), value: txn.amount, shown: amount(txn.amount, txn.currency) },
  ];
  return (
    <div className="flex flex-col gap-3" data-testid="bank-details">
      <p className="text-sm">{t("pay.bank.exactly", { amount: amount(txn.amount, txn.currency), reference: txn.reference })}</p>
      <dl className="flex flex-col divide-y rounded-lg border">
        {rows.map((row) => (
          <div key={row.label} className="grid grid-cols-[1fr_auto] items-center gap-x-3 px-3 py-2">
            <dt className="col-start-1 text-sm text-muted-foreground">{row.label}</dt>
            <dd className="col-start-1 min-w-0 font-medium break-all">{row.shown ?? row.value}</dd>
            <dd className="col-start-2 row-span-2 row-start-1">
              <CopyButton value={row.value} label={row.label} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted-foreground">{t("pay.bank.when")}</p>
    </div>
  );
}
