import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ChevronLeft, ChevronRight, RotateCw } from "lucide-react";
import { useId, useState } from "react";
import { Link } from "react-router";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { useInvalidateOnEvent } from "@/lib/events";
import { formatDateTime, formatRelative } from "@/lib/format";

import { acknowledgeAlert, alertKeys, alertsQuery, type AlertItem } from "../api/alerts";
import { ALERTS_PAGE_SIZE, type AlertStatusFilter } from "../filters";
import { useAlertFilters } from "../hooks/use-alert-filters";
import { KIND_LABELS, kindLabel, SEVERITIES, SEVERITY_LABELS, STATUS_LABELS, type Severity } from "../vocabulary";
import { SeverityBadge } from "./severity-badge";

function AcknowledgeButton({ alert, onError }: { alert: AlertItem; onError: (message: string) => void }) {
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeAlert(alert.id),
    onError: (error) => onError(isApiError(error) ? error.message : "The alert could not be acknowledged."),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={acknowledge.isPending}
      onClick={() => acknowledge.mutate()}
      aria-label={`Acknowledge: ${alert.title}`}
    >
      <Check aria-hidden="true" />
      {acknowledge.isPending ? "Acknowledging…" : "Acknowledge"}
    </Button>
  );
}

/** The alerts the caller may see, filtered in the URL, acknowledged in one click, live. */
export function AlertsList() {
  const id = useId();
  const { filters, update } = useAlertFilters();
  const alerts = useQuery(alertsQuery(filters));
  useInvalidateOnEvent({ type: ["alert.raised", "alert.acknowledged"] }, [alertKeys.all]);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = alerts.data?.results ?? [];
  const count = alerts.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / ALERTS_PAGE_SIZE));
  // Kinds offered: the known ones, and any kind in the link or on the page.
  const kinds = [...new Set([...Object.keys(KIND_LABELS), ...rows.map((row) => row.kind), ...(filters.kind ? [filters.kind] : [])])];

  return (
    <div className="grid gap-4">
      <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-status`}>Status</Label>
          <NativeSelect
            id={`${id}-status`}
            className="w-full sm:w-44"
            value={filters.status}
            onChange={(event) => update({ status: event.target.value as AlertStatusFilter })}
          >
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-severity`}>Severity</Label>
          <NativeSelect
            id={`${id}-severity`}
            className="w-full sm:w-44"
            value={filters.severity ?? ""}
            onChange={(event) => update({ severity: (event.target.value || null) as Severity | null })}
          >
            <option value="">Any severity</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="col-span-2 grid gap-1.5">
          <Label htmlFor={`${id}-kind`}>Kind</Label>
          <NativeSelect
            id={`${id}-kind`}
            className="w-full sm:w-64"
            value={filters.kind ?? ""}
            onChange={(event) => update({ kind: event.target.value || null })}
          >
            <option value="">Any kind</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <p className="col-span-2 text-sm text-muted-foreground sm:ml-auto sm:pb-2" aria-live="polite">
          {alerts.isPending ? "Loading…" : `${count} ${STATUS_LABELS[filters.status].toLowerCase()} ${count === 1 ? "alert" : "alerts"}`}
        </p>
      </div>

      {failure && (
        <Alert variant="destructive">
          <AlertDescription className="flex flex-wrap items-center gap-2">
            <p>{failure}</p>
            <Button size="sm" variant="ghost" onClick={() => setFailure(null)}>
              Dismiss
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {alerts.isError ? (
        <Alert variant="destructive">
          <AlertTitle>The alerts could not be loaded</AlertTitle>
          <AlertDescription>
            <p>{alerts.error.message}</p>
            <Button variant="outline" size="sm" onClick={() => void alerts.refetch()}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : (
        <div className="overflow-hidden rounded-lg border">
          {alerts.isPending ? (
            <div className="grid gap-2 p-3">
              {Array.from({ length: 6 }, (_, index) => (
                <Skeleton key={index} className="h-12 w-full" />
              ))}
            </div>
          ) : rows.length === 0 ? (
            <p className="py-12 text-center font-medium">
              {filters.status === "open" ? "No open alerts: nothing needs a look." : "No acknowledged alerts."}
            </p>
          ) : (
            <ul aria-label="Alerts" aria-busy={alerts.isFetching} className={cn("divide-y", alerts.isPlaceholderData && "opacity-70")}>
              {rows.map((alert) => (
                <li
                  key={alert.id}
                  data-alert={alert.id}
                  data-kind={alert.kind}
                  className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-2 px-3 py-2.5 sm:grid-cols-[5.5rem_1fr_auto]"
                >
                  <SeverityBadge severity={alert.severity} />
                  <div className="grid min-w-0 gap-0.5">
                    <p className="text-sm font-medium">{alert.title}</p>
                    <p className="text-xs text-muted-foreground">
                      {kindLabel(alert.kind)}
                      {alert.message ? ` · ${alert.message}` : ""}
                    </p>
                    <p className="flex flex-wrap items-center gap-x-3 text-xs text-muted-foreground">
                      {alert.claim && alert.claim_number && (
                        <Link
                          to={`/claims/${alert.claim}`}
                          className="font-medium text-primary underline-offset-4 hover:underline"
                        >
                          {alert.claim_number}
                        </Link>
                      )}
                      <span>
                        Raised{" "}
                        <time dateTime={alert.created_at} title={formatDateTime(alert.created_at)}>
                          {formatRelative(alert.created_at)}
                        </time>
                      </span>
                      {alert.status !== "open" && (
                        <span>
                          Acknowledged by {alert.acknowledged_by_name ?? "someone"}{" "}
                          <time dateTime={alert.acknowledged_at ?? undefined} title={formatDateTime(alert.acknowledged_at)}>
                            {formatRelative(alert.acknowledged_at)}
                          </time>
                        </span>
                      )}
                    </p>
                  </div>
                  {alert.status === "open" && (
                    <div className="col-start-2 sm:col-start-3">
                      <AcknowledgeButton alert={alert} onError={setFailure} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {pages > 1 && (
        <nav aria-label="Pages of alerts" className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground">
            Page {filters.page} of {pages}
          </span>
          <Button variant="outline" size="sm" disabled={filters.page <= 1} onClick={() => update({ page: filters.page - 1 })}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </Button>
          <Button variant="outline" size="sm" disabled={filters.page >= pages} onClick={() => update({ page: filters.page + 1 })}>
            Next
            <ChevronRight aria-hidden="true" />
          </Button>
        </nav>
      )}
    </div>
  );
}
