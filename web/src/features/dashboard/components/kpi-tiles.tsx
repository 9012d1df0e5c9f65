import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Link } from "react-router";

import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";

import type { Kpi } from "../api/dashboard";
import {
  compareCounts,
  compareDays,
  compareRates,
  formatCount,
  formatDays,
  formatRate,
  moneyDirection,
  previousPeriodName,
  type Change,
} from "../figures";

/**
 * How a figure is written, and the path of the API field it shows (`period.new_claims`). The
 * attributes let a test compare every figure on the page with the API's answer.
 */
type FigureFormat = "count" | "money" | "rate" | "days";

interface FigureProps {
  field: string;
  format: FigureFormat;
  value: number | string | null | undefined;
  currency?: string;
  className?: string;
}

export function Figure({ field, format, value, currency, className }: FigureProps) {
  let text: string;
  if (format === "money") text = formatMoney(value == null ? null : String(value), currency);
  else if (format === "rate") text = formatRate(value as number | null);
  else if (format === "days") text = formatDays(value as number | null);
  else text = formatCount(value as number | null);
  return (
    <span data-figure={field} data-format={format} className={cn("tabular-nums", className)}>
      {text}
    </span>
  );
}

const TONE = {
  better: "text-success",
  worse: "text-destructive",
  neutral: "text-muted-foreground",
} as const;

function ChangeLine({ change }: { change: Change }) {
  const Icon = change.direction === "up" ? ArrowUpRight : change.direction === "down" ? ArrowDownRight : ArrowRight;
  return (
    <p className="flex flex-wrap items-center gap-x-1 text-xs" data-change={change.direction}>
      <Icon className={cn("size-3.5 shrink-0", TONE[change.tone])} aria-hidden="true" />
      <span aria-hidden="true" className={cn("font-medium", TONE[change.tone])}>
        {change.text}
      </span>
      <span aria-hidden="true" className="text-muted-foreground">
        vs {change.previous}
      </span>
      <span className="sr-only">{change.sentence}</span>
    </p>
  );
}

interface TileProps {
  label: string;
  children: ReactNode;
  detail?: ReactNode;
  change?: Change | null;
  link?: { to: string; label: string };
  attention?: boolean;
}

function Tile({ label, children, detail, change, link, attention }: TileProps) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={cn(
        "flex min-w-0 flex-col gap-1 rounded-xl border bg-card p-4 shadow-sm",
        attention && "border-destructive/40",
      )}
    >
      <p id={id} className="text-sm text-muted-foreground">
        {label}
      </p>
      <div className="text-2xl font-semibold tracking-tight break-words">{children}</div>
      {detail && <div className="text-xs text-muted-foreground">{detail}</div>}
      {change && <ChangeLine change={change} />}
      {link && (
        <Link to={link.to} className="mt-auto pt-1 text-xs font-medium text-primary underline-offset-4 hover:underline">
          {link.label}
        </Link>
      )}
    </div>
  );
}

function TileGroup({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="text-xs text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

interface KpiTilesProps {
  kpi: Kpi;
  /** The claims list filtered to what the figures count (`/claims?sla_breached=true&department=motor`). */
  claimsLink: (filters: Record<string, string>) => string;
}

/** The figures of the scope: what is open now, then the range against the previous period of the same length. */
export function KpiTiles({ kpi, claimsLink }: KpiTilesProps) {
  if (!kpi.period || !kpi.previous_period || !kpi.new_claims || !kpi.range) return <AssessorTiles kpi={kpi} claimsLink={claimsLink} />;
  const { period, previous_period: previous, currency } = kpi;
  const days = Math.round((Date.parse(kpi.range.to) - Date.parse(kpi.range.from)) / 86_400_000) + 1;
  const name = previousPeriodName(days);
  const settledAmountDirection = moneyDirection(period.settled_amount, previous.settled_amount);
  const urgent = kpi.claims_by_priority.urgent ?? 0;
  const high = kpi.claims_by_priority.high ?? 0;
  return (
    <div className="flex flex-col gap-5">
      <TileGroup title="Now" description="Open work and money at stake, whatever the range.">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
          <Tile
            label="Open claims"
            detail={
              <>
                <Figure field="claims_by_priority.urgent" format="count" value={urgent} /> urgent ·{" "}
                <Figure field="claims_by_priority.high" format="count" value={high} /> high priority
              </>
            }
          >
            <Figure field="open_claims" format="count" value={kpi.open_claims} />
          </Tile>
          <Tile label="New claims">
            <dl className="grid grid-cols-3 gap-2">
              {(
                [
                  ["today", "Today"],
                  ["7_days", "7 days"],
                  ["30_days", "30 days"],
                ] as const
              ).map(([key, text]) => (
                <div key={key} className="flex flex-col-reverse">
                  <dt className="text-xs font-normal text-muted-foreground">{text}</dt>
                  <dd>
                    <Figure field={`new_claims.${key}`} format="count" value={kpi.new_claims?.[key]} />
                  </dd>
                </div>
              ))}
            </dl>
          </Tile>
          <Tile
            label="SLA breaches"
            attention={kpi.sla_breaches_open > 0}
            detail="Open claims past their SLA"
            link={kpi.sla_breaches_open > 0 ? { to: claimsLink({ sla_breached: "true" }), label: "Show these claims" } : undefined}
          >
            <Figure
              field="sla_breaches_open"
              format="count"
              value={kpi.sla_breaches_open}
              className={kpi.sla_breaches_open > 0 ? "text-destructive" : undefined}
            />
          </Tile>
          <Tile label="Estimated exposure" detail="Estimated cost of the open claims">
            <Figure field="estimated_exposure" format="money" value={kpi.estimated_exposure} currency={currency} />
          </Tile>
          <Tile label="Open reserves" detail="Reserved and not yet paid">
            <Figure field="open_reserves" format="money" value={kpi.open_reserves} currency={currency} />
          </Tile>
          <Tile label="Settled this month" detail="Paid out since the 1st">
            <Figure field="settled_amount_this_month" format="money" value={kpi.settled_amount_this_month} currency={currency} />
          </Tile>
        </div>
      </TileGroup>
      <TileGroup title="In the range" description={`Compared with the ${name}.`}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
          <Tile label="Claims filed" change={compareCounts(period.new_claims, previous.new_claims, name)}>
            <Figure field="period.new_claims" format="count" value={period.new_claims} />
          </Tile>
          <Tile
            label="Claims settled"
            change={compareCounts(period.settled_claims, previous.settled_claims, name, "up")}
            detail={
              <>
                <Figure field="period.settled_amount" format="money" value={period.settled_amount} currency={currency} /> paid
                {settledAmountDirection && settledAmountDirection !== "same" && (
                  <>
                    , {settledAmountDirection === "up" ? "up" : "down"} from{" "}
                    <Figure field="previous_period.settled_amount" format="money" value={previous.settled_amount} currency={currency} />
                  </>
                )}
              </>
            }
          >
            <Figure field="period.settled_claims" format="count" value={period.settled_claims} />
          </Tile>
          <Tile
            label="Cycle time"
            change={compareDays(period.mean_cycle_days, previous.mean_cycle_days, name)}
            detail={
              period.median_cycle_days == null ? (
                "No claim settled in the range"
              ) : (
                <>
                  Mean, filing to settlement · median <Figure field="period.median_cycle_days" format="days" value={period.median_cycle_days} />
                </>
              )
            }
          >
            <Figure field="period.mean_cycle_days" format="days" value={period.mean_cycle_days} />
          </Tile>
          <Tile
            label="Approval rate"
            change={compareRates(period.approval_rate, previous.approval_rate, name)}
            detail={
              period.rejection_rate == null ? (
                "No decision in the range"
              ) : (
                <>
                  Of decisions · <Figure field="period.rejection_rate" format="rate" value={period.rejection_rate} /> rejected
                </>
              )
            }
          >
            <Figure field="period.approval_rate" format="rate" value={period.approval_rate} />
          </Tile>
        </div>
      </TileGroup>
    </div>
  );
}

/** An assessor's own figures (the API gives no previous period for them, so no change is shown). */
function AssessorTiles({ kpi, claimsLink }: KpiTilesProps) {
  return (
    <TileGroup title="Your claims" description="The claims assigned to you.">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-5">
        <Tile label="Open claims">
          <Figure field="open_claims" format="count" value={kpi.open_claims} />
        </Tile>
        <Tile
          label="SLA breaches"
          attention={kpi.sla_breaches_open > 0}
          detail="Open claims past their SLA"
          link={kpi.sla_breaches_open > 0 ? { to: claimsLink({ sla_breached: "true" }), label: "Show these claims" } : undefined}
        >
          <Figure
            field="sla_breaches_open"
            format="count"
            value={kpi.sla_breaches_open}
            className={kpi.sla_breaches_open > 0 ? "text-destructive" : undefined}
          />
        </Tile>
        <Tile label="Estimated exposure" detail="Estimated cost of your open claims">
          <Figure field="estimated_exposure" format="money" value={kpi.estimated_exposure} currency={kpi.currency} />
        </Tile>
        <Tile label="Assigned in the range" detail="Claims filed in the range and assigned to you">
          <Figure field="assigned_in_period" format="count" value={kpi.assigned_in_period} />
        </Tile>
        <Tile
          label="Assessments in progress"
          detail={
            kpi.assessments.mean_completion == null ? undefined : (
              <>
                <Figure field="assessments.mean_completion" format="count" value={kpi.assessments.mean_completion} />% complete on average
              </>
            )
          }
        >
          <Figure field="assessments.in_progress" format="count" value={kpi.assessments.in_progress} />
        </Tile>
      </div>
    </TileGroup>
  );
}

export function KpiTilesSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-28 rounded-xl" />
      ))}
    </div>
  );
}
