import { useQuery } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
import { Link } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n";

import { policyQuery, scheduleQuery, type Policy } from "../api/policies";
import { errorText } from "../error-text";
import { usePortalLive } from "../hooks/use-portal-live";
import { apiToday, scheduleView } from "../schedule";
import { BankPanel } from "./bank-panel";
import { CardPanel } from "./card-panel";
import { InstalmentSchedule } from "./instalment-schedule";
import { MpesaPanel } from "./mpesa-panel";
import { PolicyStatusBadge } from "./policy-status";

const PAYABLE = new Set(["pending_payment", "active", "lapsed"]);

/** `/policies/:id/pay`: what is due, the schedule, and M-Pesa, card or bank transfer to pay it. */
export function PayView({ policy, profilePhone }: { policy: Policy; profilePhone: string }) {
  const { t, date } = useT();
  usePortalLive();
  const fresh = useQuery({ ...policyQuery(policy.id), initialData: policy }).data;
  const schedule = useQuery(scheduleQuery(policy.id));

  const header = (
    <div className="flex flex-col gap-1">
      <h1 className="text-2xl font-semibold tracking-tight">{t("pay.title")}</h1>
      <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
        <span>{`${fresh.product} · ${fresh.policy_number}`}</span>
        <PolicyStatusBadge status={fresh.status} />
      </p>
    </div>
  );
  const backToPolicy = (
    <Link to={`/policies/${fresh.id}`} className={buttonVariants({ variant: "outline" })}>
      {t("pay.toPolicy")}
    </Link>
  );

  if (schedule.isPending) return <div className="flex flex-col gap-4">{header}<Skeleton className="h-48 w-full" /></div>;
  if (schedule.isError) {
    return (
      <div className="flex flex-col gap-4">
        {header}
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, schedule.error)}</AlertDescription>
        </Alert>
      </div>
    );
  }
  const view = schedule.data ? scheduleView(schedule.data.instalments, apiToday()) : null;
  const due = view?.next ?? null;

  return (
    <div className="flex flex-col gap-6">
      {header}
      {fresh.status === "active" && (
        <Alert data-testid="policy-active">
          <CircleCheck aria-hidden="true" className="text-success" />
          <AlertDescription>{t("pay.active", { start: date(fresh.start_date), end: date(fresh.end_date) })}</AlertDescription>
        </Alert>
      )}
      {!PAYABLE.has(fresh.status) || !schedule.data ? (
        <Alert>
          <AlertDescription className="flex flex-col gap-2">
            <p>{t(fresh.status === "quote" ? "pay.notAccepted" : "pay.notPayable")}</p>
            {backToPolicy}
          </AlertDescription>
        </Alert>
      ) : due === null ? (
        <Alert>
          <AlertDescription className="flex flex-col gap-2">
            <p>{t("pay.nothingDue")}</p>
            {backToPolicy}
          </AlertDescription>
        </Alert>
      ) : (
        <section aria-labelledby="pay-now" className="flex flex-col gap-4">
          <h2 id="pay-now" className="text-lg font-semibold">
            {t("pay.dueNow", { n: due.sequence })}
          </h2>
          {/* every method stays mounted: a prompt being waited for survives a look at another tab */}
          <Tabs defaultValue="mpesa" className="flex flex-col gap-4">
            <TabsList className="grid w-full grid-cols-3">
              <TabsTrigger value="mpesa">{t("pay.tab.mpesa")}</TabsTrigger>
              <TabsTrigger value="card">{t("pay.tab.card")}</TabsTrigger>
              <TabsTrigger value="bank">{t("pay.tab.bank")}</TabsTrigger>
            </TabsList>
            <TabsContent value="mpesa" forceMount className="data-[state=inactive]:hidden">
              <MpesaPanel policy={fresh} amountDue={due.amount} profilePhone={profilePhone} />
            </TabsContent>
            <TabsContent value="card" forceMount className="data-[state=inactive]:hidden">
              <CardPanel policy={fresh} amountDue={due.amount} />
            </TabsContent>
            <TabsContent value="bank" forceMount className="data-[state=inactive]:hidden">
              <BankPanel policy={fresh} amountDue={due.amount} />
            </TabsContent>
          </Tabs>
        </section>
      )}
      {schedule.data && <InstalmentSchedule schedule={schedule.data} />}
    </div>
  );
}
