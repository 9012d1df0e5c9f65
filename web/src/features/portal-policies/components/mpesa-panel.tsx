import { useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Smartphone } from "lucide-react";
import { useEffect, useId, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useConnectionState, useEvent } from "@/lib/events";
import { useT } from "@/lib/i18n";
import { IdempotentAction } from "@/lib/idempotency";

import { portalKeys, pushMpesa, transactionQuery, type Policy, type StkPush } from "../api/policies";
import { errorText } from "../error-text";
import { useNow } from "../hooks/use-now";
import { paymentOutcome } from "../payment-outcome";
import { isAboutTransaction, waitView } from "../payment-wait";
import { displayMsisdn, normaliseKenyanPhone, prefillPhone } from "../phone";
import { PaymentOutcomeMessage } from "./payment-outcome-message";

/**
 * Pay the next instalment by M-Pesa: the phone number (prefilled from the profile, normalised as
 * typed), the prompt sent with one Idempotency-Key per attempt, then the outcome as it arrives:
 * live through the event stream, by asking the API while the stream is down, and an offer to send
 * the prompt again when no answer comes.
 */
export function MpesaPanel({ policy, amountDue, profilePhone }: { policy: Policy; amountDue: string; profilePhone: string }) {
  const { t, amount } = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const stream = useConnectionState().status;
  const [phone, setPhone] = useState(() => prefillPhone(profilePhone));
  const [touched, setTouched] = useState(false);
  const [attempt] = useState(() => new IdempotentAction<{ phone: string }, StkPush>());
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [transactionId, setTransactionId] = useState<string | null>(null);

  const check = normaliseKenyanPhone(phone);
  const txn = useQuery({
    ...transactionQuery(transactionId ?? ""),
    enabled: transactionId !== null,
    refetchInterval: (query) => (query.state.data ? waitView(query.state.data, Date.now(), stream).pollMs : false),
  });
  const waiting = txn.data !== undefined && !paymentOutcome(txn.data).final;
  const now = useNow(waiting);
  const live = txn.data ? waitView(txn.data, now, stream) : null;

  useEvent({ type: "payment.*" }, (event) => {
    if (transactionId && isAboutTransaction(event, transactionId)) {
      void queryClient.invalidateQueries({ queryKey: portalKeys.transaction(transactionId) });
    }
  });

  const finished = live?.phase === "finished";
  useEffect(() => {
    // the outcome is in: the policy (active on its first payment) and the schedule changed
    if (finished) void queryClient.invalidateQueries({ queryKey: portalKeys.policy(policy.id) });
  }, [finished, policy.id, queryClient]);

  async function send() {
    setTouched(true);
    if (!check.ok) return;
    const pending = attempt.run({ phone: check.msisdn }, (input, key) => pushMpesa(policy.id, input.phone, key));
    if (pending === null) return;
    setSending(true);
    setSendError(null);
    try {
      const answer = await pending;
      queryClient.setQueryData(portalKeys.transaction(answer.transaction.id), answer.transaction);
      setTransactionId(answer.transaction.id);
    } catch (error) {
      setSendError(error);
    } finally {
      setSending(false);
    }
  }

  const phoneError = touched && !check.ok ? t(check.reason === "empty" ? "pay.mpesa.phoneRequired" : "pay.mpesa.phoneInvalid") : null;
  const shownAmount = amount(amountDue, policy.currency, { whole: true });

  return (
    <div className="flex flex-col gap-4">
      {(!live || (live.phase === "finished" && live.outcome.canRetry)) && (
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
          noValidate
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-phone`}>{t("pay.mpesa.phone")}</Label>
            <Input
              id={`${id}-phone`}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={phone}
              onChange={(event) => {
                setPhone(event.target.value);
                attempt.forget(); // another number is another payment attempt
              }}
              onBlur={() => setTouched(true)}
              aria-invalid={phoneError ? true : undefined}
              aria-describedby={`${id}-phone-help`}
            />
            <p id={`${id}-phone-help`} className="text-sm">
              {phoneError ? (
                <span className="text-destructive">{phoneError}</span>
              ) : check.ok ? (
                <span className="text-muted-foreground">{t("pay.mpesa.promptTo", { phone: displayMsisdn(check.msisdn) })}</span>
              ) : (
                <span className="text-muted-foreground">{t("pay.mpesa.phoneHelp")}</span>
              )}
            </p>
          </div>
          {sendError !== null && (
            <Alert variant="destructive">
              <AlertDescription>{errorText(t, sendError)}</AlertDescription>
            </Alert>
          )}
          <Button type="submit" size="lg" disabled={sending}>
            <Smartphone aria-hidden="true" />
            {live?.phase === "finished"
              ? t("pay.mpesa.tryAgain", { amount: shownAmount })
              : t("pay.mpesa.send", { amount: shownAmount })}
          </Button>
          <p className="text-sm text-muted-foreground">{t("pay.mpesa.wholeShillings")}</p>
        </form>
      )}

      <div aria-live="polite" className="flex flex-col gap-3">
        {live && txn.data && live.phase !== "finished" && (
          <div className="flex flex-col gap-3 rounded-lg border p-4" data-testid="mpesa-waiting">
            <p className="flex items-center gap-2 font-medium">
              <LoaderCircle className="size-5 animate-spin text-primary" aria-hidden="true" />
              {t("pay.mpesa.waiting")}
            </p>
            <p className="text-sm">{t("pay.mpesa.enterPin", { phone: check.ok ? displayMsisdn(check.msisdn) : phone, amount: shownAmount })}</p>
            {live.offerResend && (
              <div className="flex flex-col gap-2 border-t pt-3">
                <p className="text-sm">{t("pay.mpesa.noAnswer")}</p>
                <Button type="button" variant="outline" onClick={() => void send()} disabled={sending}>
                  {t("pay.mpesa.sendAgain")}
                </Button>
              </div>
            )}
          </div>
        )}
        {live && txn.data && live.phase === "finished" && <PaymentOutcomeMessage outcome={live.outcome} transaction={txn.data} />}
      </div>
    </div>
  );
}
