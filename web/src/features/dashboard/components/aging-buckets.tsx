import type { ClaimsOverview } from "../api/dashboard";
import { formatCount } from "../figures";

const BUCKET_LABELS: Record<string, string> = {
  "0-7": "Up to a week",
  "8-14": "8 to 14 days",
  "15-30": "15 to 30 days",
  "30+": "Over 30 days",
};

/** Open claims by days since they were filed, as bars scaled to the largest bucket. */
export function AgingBuckets({ aging }: { aging: ClaimsOverview["aging"] }) {
  const buckets = Object.entries(aging);
  const largest = Math.max(1, ...buckets.map(([, value]) => value));
  const total = buckets.reduce((sum, [, value]) => sum + value, 0);
  if (total === 0) return <p className="text-sm text-muted-foreground">No open claims.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {buckets.map(([bucket, value]) => (
        <li key={bucket} className="flex flex-col gap-1">
          <div className="flex items-baseline justify-between text-sm">
            <span>{BUCKET_LABELS[bucket] ?? `${bucket} days`}</span>
            <span className="font-medium tabular-nums" data-figure={`aging.${bucket}`} data-format="count">
              {formatCount(value)}
            </span>
          </div>
          <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden="true">
            <div
              className={bucket === "30+" ? "h-full rounded-full bg-destructive" : "h-full rounded-full bg-primary"}
              style={{ width: `${(value / largest) * 100}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
