import { CircleCheck } from "lucide-react";
import type { ReactNode } from "react";

import { useT } from "@/lib/i18n";

import type { Claim } from "../api/claims";
import type { Offer } from "../offer";

/**
 * The settlement offer: how much, to whom and how it is paid, and the customer's answer (or what
 * they are waiting for). `actions` holds the accept and decline controls while an answer is due.
 */
export function OfferCard({ claim, offer, actions }: { claim: Claim; offer: Offer; actions?: ReactNode }) {
  const { t, amount } = useT();
  const { settlement, state } = offer;
  const money = amount(settlement.amount, settlement.currency ?? claim.currency);
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
      <p className="text-xl font-semibold">{t("claims.offer.amount", { amount: money })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("claims.offer.payee")}</dt>
        <dd data-content>{settlement.payee}</dd>
        <dt className="text-muted-foreground">{t("claims.offer.method")}</dt>
        <dd>{t(`claims.offer.method.${settlement.method}`)}</dd>
        {settlement.note && (
          <>
            <dt className="text-muted-foreground">{t("claims.offer.note")}</dt>
            <dd data-content>{settlement.note}</dd>
          </>
        )}
      </dl>
      {state === "respond" && actions}
      {state !== "respond" && (
        <p className="flex items-start gap-2 text-sm" role="status">
          <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {state === "paid"
            ? t("claims.offer.paid", { amount: money })
            : state === "accepted"
              ? t("claims.offer.accepted")
              : t("claims.offer.declined")}
        </p>
      )}
    </section>
  );
}
