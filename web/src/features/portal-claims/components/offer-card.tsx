import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, LoaderCircle } from "lucide-react";
import { useId, useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { useT, type MessageKey } from "@/lib/i18n";

import { answerOffer, claimKeys, type Claim, type Decision } from "../api/claims";
import type { CurrentOffer } from "../offer";

const ANSWER_ERRORS: Record<string, MessageKey> = {
  network_error: "common.offline",
  already_answered: "claims.offer.alreadyAnswered",
  not_offered: "claims.offer.withdrawn",
  reason_required: "claims.offer.reasonRequired",
  request_in_progress: "claims.offer.inProgress",
};

/**
 * The settlement offer: how much (net of the policy's excess), to whom and how it is paid, and the
 * customer's answer: accept, or decline with a reason. Each answer is sent with one
 * Idempotency-Key, kept for a retry after a lost answer or a server error (the server then answers
 * the first answer) and dropped once the server refused it.
 */
export function OfferCard({ claim, current }: { claim: Claim; current: CurrentOffer }) {
  const { t, amount } = useT();
  const queryClient = useQueryClient();
  const { offer, state } = current;
  const money = (value: string) => amount(value, offer.currency ?? claim.currency);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const keys = useRef<Partial<Record<Decision, string>>>({});
  const reasonId = useId();
  const errorId = useId();

  const answer = useMutation({
    mutationFn: (decision: Decision) => {
      const key = (keys.current[decision] ??= crypto.randomUUID());
      return answerOffer(claim.id, offer.id, decision, decision === "decline" ? reason.trim() : "", key);
    },
    onSuccess: async (_, decision) => {
      delete keys.current[decision];
      setDeclining(false);
      await queryClient.invalidateQueries({ queryKey: claimKeys.all(claim.id) });
    },
    onError: (error, decision) => {
      const status = isApiError(error) ? error.status : 0;
      if (status >= 400 && status < 500 && status !== 409) delete keys.current[decision];
      if (isApiError(error) && (error.code === "already_answered" || error.code === "not_offered")) {
        void queryClient.invalidateQueries({ queryKey: claimKeys.all(claim.id) });
      }
    },
  });

  function decline(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    answer.mutate("decline");
  }

  const error = missingReason
    ? t("claims.offer.reasonRequired")
    : answer.isError
      ? t((isApiError(answer.error) && ANSWER_ERRORS[answer.error.code]) || "claims.offer.failed")
      : null;

  return (
    <section
      aria-labelledby="claim-offer"
      className="flex flex-col gap-3 rounded-xl border-2 border-primary/40 bg-card p-4"
      data-testid="settlement-offer"
      data-state={state}
    >
      <h2 id="claim-offer" className="text-lg font-semibold">
        {t("claims.offer.title")}
      </h2>
      <p className="text-xl font-semibold">{t("claims.offer.amount", { amount: money(offer.amount) })}</p>
      {offer.excess && <p className="text-sm">{t("claims.offer.excess", { amount: money(offer.excess) })}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("claims.offer.payee")}</dt>
        <dd data-content>{offer.payee}</dd>
        <dt className="text-muted-foreground">{t("claims.offer.method")}</dt>
        <dd>{t(`claims.offer.method.${offer.method}`)}</dd>
      </dl>

      {state === "respond" && !declining && (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button onClick={() => answer.mutate("accept")} disabled={answer.isPending}>
            {answer.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
            {t("claims.offer.accept")}
          </Button>
          <Button variant="outline" onClick={() => setDeclining(true)} disabled={answer.isPending}>
            {t("claims.offer.decline")}
          </Button>
        </div>
      )}
      {state === "respond" && declining && (
        <form onSubmit={decline} noValidate className="flex flex-col gap-2">
          <label htmlFor={reasonId} className="text-sm font-medium">
            {t("claims.offer.declineReason")}
          </label>
          <Textarea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={500}
            aria-invalid={missingReason || undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" variant="destructive" disabled={answer.isPending}>
              {answer.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
              {t("claims.offer.confirmDecline")}
            </Button>
            <Button type="button" variant="outline" onClick={() => setDeclining(false)} disabled={answer.isPending}>
              {t("claims.offer.cancel")}
            </Button>
          </div>
        </form>
      )}
      {state === "respond" && error && (
        <p id={errorId} className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}

      {state !== "respond" && (
        <p className="flex items-start gap-2 text-sm" role="status">
          <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {state === "paid"
            ? t("claims.offer.paid", { amount: money(offer.amount) })
            : state === "accepted"
              ? t("claims.offer.accepted")
              : t("claims.offer.declined")}
        </p>
      )}
    </section>
  );
}
