import { Link } from "react-router";

import type { AssessmentsOverview as Overview, Kpi } from "../api/dashboard";
import { formatCount } from "../figures";
import { label } from "../labels";

const ASSESSMENT_STATUS_LABELS: Record<string, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};

const COMPLETION_LABELS: Record<string, string> = {
  "0-25": "Up to 25%",
  "26-50": "26 to 50%",
  "51-75": "51 to 75%",
  "76-100": "76 to 100%",
};

function Bar({ value, largest }: { value: number; largest: number }) {
  return (
    <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden="true">
      <div className="h-full rounded-full bg-primary" style={{ width: `${(value / Math.max(1, largest)) * 100}%` }} />
    </div>
  );
}

/** Assessments by status, those overdue, how far along the ones in progress are. */
export function AssessmentsSummary({ overview, kpi }: { overview: Overview; kpi: Kpi | undefined }) {
  if (!overview.available) return <p className="text-sm text-muted-foreground">Assessments are not available here.</p>;
  const byStatus = overview.by_status ?? {};
  const completion = Object.entries(overview.completion_distribution ?? {});
  const largest = Math.max(0, ...completion.map(([, value]) => value));
  const meanCompletion = kpi?.assessments.mean_completion;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {["scheduled", "in_progress", "completed", "cancelled"].map((status) => (
          <div key={status} className="flex flex-col-reverse rounded-lg border px-2 py-1.5">
            <dt className="text-xs text-muted-foreground">{label(ASSESSMENT_STATUS_LABELS, status)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-figure={`assessments_overview.by_status.${status}`} data-format="count">
              {formatCount(byStatus[status] ?? 0)}
            </dd>
          </div>
        ))}
        <div className="flex flex-col-reverse rounded-lg border px-2 py-1.5">
          <dt className="text-xs text-muted-foreground">Overdue</dt>
          <dd
            className={overview.overdue ? "text-lg font-semibold text-destructive tabular-nums" : "text-lg font-semibold tabular-nums"}
            data-figure="assessments_overview.overdue"
            data-format="count"
          >
            {formatCount(overview.overdue ?? 0)}
          </dd>
        </div>
      </dl>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">
          In progress, by completion
          {meanCompletion != null && <span className="font-normal text-muted-foreground"> · {formatCount(meanCompletion)}% on average</span>}
        </h3>
        <ul className="flex flex-col gap-2">
          {completion.map(([bucket, value]) => (
            <li key={bucket} className="grid grid-cols-[6.5rem_1fr_2.5rem] items-center gap-2 text-sm">
              <span className="text-muted-foreground">{COMPLETION_LABELS[bucket] ?? bucket}</span>
              <Bar value={value} largest={largest} />
              <span className="text-right tabular-nums">{formatCount(value)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Open (scheduled or in progress) assessments per assessor, busiest first. */
export function AssessorLoad({ overview }: { overview: Overview }) {
  const load = overview.assessor_load ?? [];
  if (!overview.available) return <p className="text-sm text-muted-foreground">Assessments are not available here.</p>;
  if (load.length === 0) return <p className="text-sm text-muted-foreground">No assessor has an open assessment.</p>;
  const largest = Math.max(...load.map((row) => row.open));
  return (
    <ul className="flex flex-col gap-2.5">
      {load.map((row) => (
        <li key={row.assessor} className="grid grid-cols-[minmax(0,1fr)_5rem_2.5rem] items-center gap-2 text-sm">
          <span className="truncate" title={row.email}>
            {row.name || row.email}
          </span>
          <Bar value={row.open} largest={largest} />
          <span className="text-right tabular-nums">
            {formatCount(row.open)}
            <span className="sr-only"> open</span>
          </span>
        </li>
      ))}
      <li className="text-xs text-muted-foreground">
        <Link to="/assessments" className="font-medium text-primary underline-offset-4 hover:underline">
          Open the assessments list
        </Link>
      </li>
    </ul>
  );
}
