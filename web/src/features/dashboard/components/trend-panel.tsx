import { lazy, Suspense } from "react";

import { Skeleton } from "@/components/ui/skeleton";
import { formatMoney } from "@/lib/format";

import type { Trend } from "../api/dashboard";
import { formatCount } from "../figures";
import { useNearViewport } from "../hooks/use-near-viewport";
import { describeRange } from "../range";

// The chart library is the largest part of the page: its own chunk, fetched when the chart nears the screen.
const TrendChart = lazy(() => import("./trend-chart"));

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * Claims filed and settled per day over the range: the totals, the chart (with a title and a
 * description for assistive technology), and the same data as a table that only screen readers
 * see, so nothing on the chart is out of their reach.
 */
export function TrendPanel({ trend }: { trend: Trend }) {
  const [chartBox, chartWanted] = useNearViewport<HTMLDivElement>();
  const filed = trend.days.reduce((sum, day) => sum + day.new, 0);
  const settled = trend.days.reduce((sum, day) => sum + day.settled, 0);
  const period = describeRange(trend.range);
  const title = `Claims filed and settled per day, ${period}`;
  const description = `${formatCount(filed)} claims filed and ${formatCount(settled)} settled over ${formatCount(trend.days.length)} days. The table below the chart lists every day.`;
  const busiest = trend.days.reduce<Trend["days"][number] | null>((best, day) => (best === null || day.new > best.new ? day : best), null);
  return (
    <div className="flex flex-col gap-3">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex items-baseline gap-2">
          <dt className="flex items-center gap-1.5 text-muted-foreground">
            <span className="inline-block size-2.5 rounded-full bg-primary" aria-hidden="true" /> Filed
          </dt>
          <dd className="font-semibold tabular-nums">{formatCount(filed)}</dd>
        </div>
        <div className="flex items-baseline gap-2">
          <dt className="flex items-center gap-1.5 text-muted-foreground">
            <span className="inline-block size-2.5 rounded-full bg-success" aria-hidden="true" /> Settled
          </dt>
          <dd className="font-semibold tabular-nums">{formatCount(settled)}</dd>
        </div>
        {busiest && busiest.new > 0 && (
          <div className="flex items-baseline gap-2">
            <dt className="text-muted-foreground">Busiest day</dt>
            <dd className="tabular-nums">
              {DAY.format(new Date(`${busiest.day}T00:00:00Z`))} ({formatCount(busiest.new)} filed)
            </dd>
          </div>
        )}
      </dl>
      <figure className="m-0">
        <figcaption className="sr-only">
          {title}. {description}
        </figcaption>
        <div ref={chartBox} className="h-[260px] w-full">
          {chartWanted ? (
            <Suspense fallback={<Skeleton className="h-[260px] w-full" />}>
              <TrendChart days={trend.days} title={title} description={description} />
            </Suspense>
          ) : (
            <Skeleton className="h-[260px] w-full" />
          )}
        </div>
      </figure>
      {/* sr-only on a wrapper: a table does not shrink to the 1px box that hides it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Filed</th>
              <th scope="col">Settled</th>
              <th scope="col">Amount settled</th>
            </tr>
          </thead>
          <tbody>
            {trend.days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{DAY.format(new Date(`${day.day}T00:00:00Z`))}</th>
                <td>{formatCount(day.new)}</td>
                <td>{formatCount(day.settled)}</td>
                <td>{formatMoney(day.settled_amount, trend.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
