import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/ui/skeleton";
import { useT, type MessageKey } from "@/lib/i18n";

import {
  acceptQuote,
  historyQuery,
  portalKeys,
  productQuery,
  refundsQuery,
  renewPolicy,
  scheduleQuery,
  transactionsQuery,
  type Policy,
} from "../api/policies";
import { errorText } from "../error-text";
import { usePortalLive } from "../hooks/use-portal-live";
import { toCents, fromCents } from "../money-math";
import { paymentOutcome } from "../payment-outcome";
import { historyNote, renewalOpen } from "../policy-view";
import { addonsOf } from "../quote";
import { apiToday, scheduleView } from "../schedule";
import { CancelPolicyDialog } from "./cancel-policy-dialog";
import { InstalmentSchedule } from "./instalment-schedule";
import { PolicyDocuments } from "./policy-documents";
import { PolicyStatusBadge } from "./policy-status";
import { RefundDialog } from "./refund-dialog";

const CANCELLABLE = new Set(["quote", "pending_payment", "active"]);
const PAYABLE = new Set(["pending_payment", "active", "lapsed"]);

/** `/policies/:id`: the policy, its status history, what to do next, its instalments and payments. */
export function PolicyDetail({ policy }: { policy: Policy }) {
  const { t, amount, date, dateTime } = useT();
  usePortalLive();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const history = useQuery(historyQuery(policy.id));
  const schedule = useQuery(scheduleQuery(policy.id));
  const transactions = useQuery(transactionsQuery(policy.id));
  const refunds = useQuery(refundsQuery());
  const product = useQuery(productQuery(policy.policy_type));
  const [cancelOpen, setCancelOpen] = useState(false);
  const [refundFor, setRefundFor] = useState<string | null>(null);

  const accept = useMutation({
    mutationFn: () => acceptQuote(policy.id),
    onSuccess: () => navigate(`/policies/${policy.id}/pay`),
  });
  const renew = useMutation({
    mutationFn: () => renewPolicy(policy.id),
    onSuccess: async (renewal) => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.all });
      await navigate(`/policies/${renewal.id}`);
    },
  });

  const view = schedule.data ? scheduleView(schedule.data.instalments, apiToday()) : null;
  const money = (value: string) => amount(value, policy.currency);
  const addonNames = Object.fromEntries(addonsOf(product.data).map((addon) => [addon.code, addon.name]));
  const addons = (Array.isArray(policy.addons) ? (policy.addons as string[]) : []).map((code) => addonNames[code] ?? code);
  const refundOf = (txnId: string) => refunds.data?.filter((refund) => refund.transaction === txnId) ?? [];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{policy.product}</h1>
        <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
          <span>{[policy.policy_number, policy.company].join(" · ")}</span>
          <PolicyStatusBadge status={policy.status} />
        </p>
        <p className="text-sm">{t(`policies.statusMeaning.${policy.status}`)}</p>
      </div>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {policy.vehicle_registration && (
          <>
            <dt className="text-muted-foreground">{t("policies.vehicle")}</dt>
            <dd>{policy.vehicle_registration}</dd>
          </>
        )}
        <dt className="text-muted-foreground">{t("policies.cover")}</dt>
        <dd>{t("policies.period", { start: date(policy.start_date), end: date(policy.end_date) })}</dd>
        <dt className="text-muted-foreground">{t("policies.premium")}</dt>
        <dd>{money(policy.premium)}</dd>
        <dt className="text-muted-foreground">{t("policies.sumInsured")}</dt>
        <dd>{money(policy.sum_insured)}</dd>
        <dt className="text-muted-foreground">{t("policies.plan")}</dt>
        <dd>{t(`pay.plan.${policy.payment_plan}`)}</dd>
        {addons.length > 0 && (
          <>
            <dt className="text-muted-foreground">{t("policies.addons")}</dt>
            <dd>{addons.join(", ")}</dd>
          </>
        )}
      </dl>

      <div className="flex flex-wrap gap-2">
        {policy.status === "quote" && (
          <Button onClick={() => accept.mutate()} disabled={accept.isPending}>
            {t("policies.acceptAndPay")}
          </Button>
        )}
        {PAYABLE.has(policy.status) && view?.next && (
          <Link to={`/policies/${policy.id}/pay`} className={buttonVariants()}>
            {t("policies.pay")}
          </Link>
        )}
        {renewalOpen(policy, apiToday()) && (
          <Button variant="outline" onClick={() => renew.mutate()} disabled={renew.isPending}>
            {t("policies.renew")}
          </Button>
        )}
        {CANCELLABLE.has(policy.status) && (
          <Button variant="outline" onClick={() => setCancelOpen(true)}>
            {t(policy.status === "quote" ? "policies.cancelQuote" : "policies.cancel")}
          </Button>
        )}
      </div>
      {(accept.isError || renew.isError) && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, accept.error ?? renew.error)}</AlertDescription>
        </Alert>
      )}

      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("policies.history")}
        </h2>
        {history.isPending && <Skeleton className="h-20 w-full" />}
        {history.data && (
          <ol className="flex flex-col gap-2 border-l-2 pl-4">
            {history.data.map((stage) => (
              <li key={`${stage.stage}-${stage.entered_at}`} className="flex flex-col">
                <span className="font-medium">{t(`policies.status.${stage.stage}` as MessageKey)}</span>
                <span className="text-sm text-muted-foreground">{dateTime(stage.entered_at)}</span>
                {stage.note && (
                  <span className="text-sm">
                    {historyNote(stage.note) ? t(`policies.note.${historyNote(stage.note)!}`) : stage.note}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {schedule.data && <InstalmentSchedule schedule={schedule.data} />}

      <section aria-labelledby="payments-heading" className="flex flex-col gap-2">
        <h2 id="payments-heading" className="text-lg font-semibold">
          {t("policies.payments")}
        </h2>
        {transactions.data?.length === 0 && <p className="text-sm text-muted-foreground">{t("policies.noPayments")}</p>}
        <ul className="flex flex-col divide-y rounded-lg border empty:hidden">
          {transactions.data?.map((txn) => {
            const outcome = paymentOutcome(txn);
            const left = fromCents(toCents(txn.amount) - toCents(txn.refunded_amount));
            const refundable = txn.direction === "in" && ["succeeded", "partially_refunded"].includes(txn.status) && toCents(left) > 0n;
            const asked = refundOf(txn.id);
            return (
              <li key={txn.id} className="flex flex-col gap-1 px-3 py-2" data-testid="payment-row">
                <div className="flex items-center justify-between gap-3">
                  <span className="font-medium">
                    {t(`pay.method.${txn.method}` as MessageKey)} · {money(txn.amount)}
                  </span>
                  <Badge variant={outcome.kind === "paid" ? "secondary" : outcome.final ? "destructive" : "outline"}>
                    {t(`policies.txnStatus.${txn.status}` as MessageKey)}
                  </Badge>
                </div>
                <span className="text-sm text-muted-foreground">
                  {dateTime(txn.created_at)} · {txn.reference}
                  {txn.receipt_number ? ` · ${txn.receipt_number}` : ""}
                </span>
                {outcome.final && outcome.kind !== "paid" && <span className="text-sm">{t(`pay.outcome.${outcome.kind}`)}</span>}
                {asked.map((refund) => (
                  <span key={refund.id} className="text-sm">
                    {t(`policies.refund.status.${refund.status}` as MessageKey, { amount: money(refund.amount) })}
                  </span>
                ))}
                {refundable && (
                  <Button variant="link" className="h-auto self-start p-0" onClick={() => setRefundFor(txn.id)}>
                    {t("policies.refund.request")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <PolicyDocuments policy={policy} />

      <CancelPolicyDialog policy={policy} open={cancelOpen} onOpenChange={setCancelOpen} />
      {refundFor && transactions.data && (
        <RefundDialog
          transaction={transactions.data.find((txn) => txn.id === refundFor) ?? null}
          onClose={() => setRefundFor(null)}
        />
      )}
    </div>
  );
}
