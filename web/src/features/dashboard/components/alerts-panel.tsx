import type { UseQueryResult } from "@tanstack/react-query";
import { Check, LoaderCircle } from "lucide-react";
import { Link } from "react-router";

import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatRelative } from "@/lib/format";

import type { Alert, AlertSummary } from "../api/dashboard";
import { formatCount } from "../figures";
import { useAcknowledgeAlert } from "../hooks/use-acknowledge-alert";
import { alertKindLabel, SEVERITIES, SEVERITY_LABELS, type Severity } from "../labels";
import { QueryContent } from "./panel";

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: "bg-destructive text-destructive-foreground border-transparent",
  high: "border-destructive/50 text-destructive",
  medium: "border-border text-foreground",
  low: "border-border text-muted-foreground",
};

function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={cn("inline-flex shrink-0 items-center rounded-md border px-1.5 py-0.5 text-xs font-medium", SEVERITY_STYLE[severity])}>
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

/** Open alerts per severity (the counts are the API's, for everything the caller may see). */
export function AlertCounts({ summary }: { summary: AlertSummary }) {
  return (
    <dl className="grid grid-cols-4 gap-2">
      {SEVERITIES.map((severity) => (
        <div
          key={severity}
          className={cn(
            "flex flex-col-reverse rounded-lg border px-2 py-1.5",
            severity === "critical" && summary.by_severity.critical > 0 && "border-destructive/50",
          )}
        >
          <dt className="text-xs text-muted-foreground">{SEVERITY_LABELS[severity]}</dt>
          <dd
            className={cn("text-lg font-semibold tabular-nums", severity === "critical" && summary.by_severity.critical > 0 && "text-destructive")}
            data-figure={`alerts.by_severity.${severity}`}
            data-format="count"
          >
            {formatCount(summary.by_severity[severity])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function AlertRow({ alert }: { alert: Alert }) {
  const acknowledge = useAcknowledgeAlert();
  const failed = acknowledge.isError
    ? isApiError(acknowledge.error)
      ? acknowledge.error.message
      : "The alert could not be acknowledged."
    : null;
  const severity = (SEVERITIES as string[]).includes(alert.severity) ? alert.severity : "low";
  const kindText = alertKindLabel(alert.kind);
  // The kind only when the title does not already say it ("CLM-2026-000017: SLA breached").
  const kind = alert.title.toLowerCase().includes(kindText.toLowerCase()) ? null : kindText;
  return (
    <li className="flex flex-col gap-1.5 py-3 first:pt-0 last:pb-0" data-alert={alert.id}>
      <div className="flex items-start gap-2">
        <SeverityBadge severity={severity} />
        <div className="min-w-0 flex-1">
          <p className="text-sm leading-snug font-medium break-words">
            {alert.claim ? (
              <Link to={`/claims/${alert.claim}`} className="underline-offset-4 hover:text-primary hover:underline">
                {alert.title}
              </Link>
            ) : (
              alert.title
            )}
          </p>
          <p className="text-xs text-muted-foreground">
            {kind ? `${kind} · raised` : "Raised"} {formatRelative(alert.created_at)}
            {alert.claim_number && !alert.title.includes(alert.claim_number) && ` · ${alert.claim_number}`}
          </p>
        </div>
        <Button
          variant="outline"
          size="sm"
          className="shrink-0"
          disabled={acknowledge.isPending}
          aria-label={`Acknowledge: ${alert.title}`}
          onClick={() => acknowledge.mutate(alert)}
        >
          {acknowledge.isPending ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Check aria-hidden="true" />}
          <span className="hidden sm:inline">Acknowledge</span>
        </Button>
      </div>
      {failed && (
        <p role="alert" className="text-xs text-destructive">
          {failed}
        </p>
      )}
    </li>
  );
}

interface AlertsPanelContentProps {
  summary: UseQueryResult<AlertSummary>;
  list: UseQueryResult<{ count: number; results: Alert[] }>;
}

/** The counts per severity, then the most severe open alerts, each with its acknowledge button. */
export function AlertsPanelContent({ summary, list }: AlertsPanelContentProps) {
  return (
    <div className="flex flex-col gap-4">
      <QueryContent query={summary} skeleton={<Skeleton className="h-14 w-full" />}>
        {(data) => <AlertCounts summary={data} />}
      </QueryContent>
      <QueryContent
        query={list}
        skeleton={
          <div className="flex flex-col gap-3">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        }
      >
        {(page) =>
          page.results.length === 0 ? (
            <p className="text-sm text-muted-foreground">No open alerts: nothing needs a look right now.</p>
          ) : (
            <>
              <ul className="flex flex-col divide-y" aria-label="Open alerts, most severe first">
                {page.results.map((alert) => (
                  <AlertRow key={alert.id} alert={alert} />
                ))}
              </ul>
              {page.count > page.results.length && (
                <p className="text-xs text-muted-foreground">
                  Showing {formatCount(page.results.length)} of {formatCount(page.count)} open alerts.{" "}
                  <Link to="/alerts" className="font-medium text-primary underline-offset-4 hover:underline">
                    See them all
                  </Link>
                </p>
              )}
            </>
          )
        }
      </QueryContent>
    </div>
  );
}
