import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

import type { Schedule } from "../api/policies";
import type { PaymentPlan } from "../quote";
import { apiToday, scheduleView, type InstalmentState } from "../schedule";

const BADGE: Record<InstalmentState, "default" | "secondary" | "destructive" | "outline"> = {
  paid: "secondary",
  waived: "outline",
  overdue: "destructive",
  due_next: "default",
  upcoming: "outline",
};

/** The instalments of a policy: what is paid, overdue, due next and later, with the totals. */
export function InstalmentSchedule({ schedule }: { schedule: Schedule }) {
  const { t, amount, date } = useT();
  const view = scheduleView(schedule.instalments, apiToday());
  const money = (value: string) => amount(value, schedule.currency);
  return (
    <section aria-labelledby="schedule-heading" className="flex flex-col gap-3">
      <h2 id="schedule-heading" className="text-lg font-semibold">
        {t(`pay.plan.${schedule.plan as PaymentPlan}`)}
      </h2>
      {view.overdueCount > 0 && (
        <p className="text-sm font-medium text-destructive">{t("pay.schedule.overdueNote")}</p>
      )}
      <ol className="flex flex-col divide-y rounded-lg border" data-testid="instalments">
        {view.rows.map((row) => (
          <li
            key={row.id}
            data-state={row.state}
            className={cn("flex items-center justify-between gap-3 px-3 py-2", row.state === "overdue" && "bg-destructive/5")}
          >
            <div className="flex flex-col">
              <span className="font-medium">{t("pay.schedule.instalment", { n: row.sequence })}</span>
              <span className="text-sm text-muted-foreground">
                {row.state === "paid" && row.paid_at
                  ? t("pay.schedule.paidOn", { date: date(row.paid_at) })
                  : t("pay.schedule.dueOn", { date: date(row.due_date) })}
              </span>
            </div>
            <div className="flex flex-col items-end gap-1">
              <span className="font-medium tabular-nums">{money(row.amount)}</span>
              <Badge variant={BADGE[row.state]}>{t(`pay.schedule.state.${row.state}`)}</Badge>
            </div>
          </li>
        ))}
      </ol>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <dt className="text-muted-foreground">{t("pay.schedule.paidTotal")}</dt>
        <dd className="text-right tabular-nums">{money(view.paidTotal)}</dd>
        <dt className="text-muted-foreground">{t("pay.schedule.outstanding")}</dt>
        <dd className="text-right font-medium tabular-nums">{money(view.outstandingTotal)}</dd>
      </dl>
    </section>
  );
}
