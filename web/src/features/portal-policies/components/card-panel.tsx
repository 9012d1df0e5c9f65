import { useQueryClient } from "@tanstack/react-query";
import { CreditCard } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";
import { IdempotentAction } from "@/lib/idempotency";

import { portalKeys, settleSandboxCard, startCard, type CardIntent, type Policy, type Transaction } from "../api/policies";
import { errorText } from "../error-text";
import { paymentOutcome } from "../payment-outcome";
import { PaymentOutcomeMessage } from "./payment-outcome-message";
import { StripeCardForm } from "./stripe-card-form";

/**
 * Pay by card. The card number never passes through our server: the API opens a payment with the
 * card provider and hands back its client secret for the provider's own card form. In development
 * the provider is the sandbox, whose "bank" the customer plays here (approve or decline). With
 * Stripe configured, its own card form (the Payment Element, StripeCardForm) is loaded from Stripe's
 * origin, which the server's Content-Security-Policy then allows (and only then).
 */
export function CardPanel({ policy, amountDue }: { policy: Policy; amountDue: string }) {
  const { t, amount } = useT();
  const queryClient = useQueryClient();
  const [attempt] = useState(() => new IdempotentAction<null, CardIntent>());
  const [intent, setIntent] = useState<CardIntent | null>(null);
  const [result, setResult] = useState<Transaction | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function start() {
    const pending = attempt.run(null, (_input, key) => startCard(policy.id, key));
    if (pending === null) return;
    setBusy(true);
    setError(null);
    try {
      setIntent(await pending);
      setResult(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function settle(outcome: "succeeded" | "failed") {
    if (!intent) return;
    setBusy(true);
    setError(null);
    try {
      const settled = await settleSandboxCard(intent.transaction.id, outcome);
      setResult(settled);
      setIntent(null);
      await queryClient.invalidateQueries({ queryKey: portalKeys.all });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const outcome = result ? paymentOutcome(result) : null;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground">{t("pay.card.noNumbers")}</p>
      {error !== null && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, error)}</AlertDescription>
        </Alert>
      )}
      {result && outcome && <PaymentOutcomeMessage outcome={outcome} transaction={result} />}
      {!intent && outcome?.kind !== "paid" && (
        <Button type="button" size="lg" onClick={() => void start()} disabled={busy}>
          <CreditCard aria-hidden="true" />
          {t("pay.card.start", { amount: amount(amountDue, policy.currency) })}
        </Button>
      )}
      {intent && intent.provider === "sandbox" && (
        <Alert data-testid="card-sandbox">
          <AlertTitle className="line-clamp-none">{t("pay.card.sandboxTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("pay.card.sandboxBody", { amount: amount(intent.transaction.amount, intent.transaction.currency) })}</p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={() => void settle("succeeded")} disabled={busy}>
                {t("pay.card.sandboxApprove")}
              </Button>
              <Button type="button" variant="outline" onClick={() => void settle("failed")} disabled={busy}>
                {t("pay.card.sandboxDecline")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      {intent && intent.provider === "stripe" && intent.publishable_key && !submitted && (
        <StripeCardForm
          publishableKey={intent.publishable_key}
          clientSecret={intent.client_secret}
          onSubmitted={() => setSubmitted(true)}
        />
      )}
      {submitted && (
        <Alert data-testid="card-submitted">
          <AlertDescription>{t("pay.card.submitted")}</AlertDescription>
        </Alert>
      )}
      {intent && intent.provider !== "sandbox" && !(intent.provider === "stripe" && intent.publishable_key) && (
        <Alert variant="warning">
          <AlertDescription>{t("pay.card.providerUnavailable")}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
