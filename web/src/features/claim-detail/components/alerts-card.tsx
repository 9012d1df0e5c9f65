import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing, Check, LoaderCircle } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api";
import { formatRelative } from "@/lib/format";

import { acknowledgeAlert, alertsQuery, claimKeys, type Alert, type ClaimDetail } from "../api/claim";

import { humanize, SEVERITY_TONES } from "./labels";
import { SideCard } from "./overview-cards";

/** The claim's open alerts (acknowledge each) and the ones already acknowledged. */
export function AlertsCard({ claim }: { claim: ClaimDetail }) {
  const { data, error, isPending } = useQuery(alertsQuery(claim.id));
  const open = data?.open ?? [];
  return (
    <SideCard
      title="Alerts"
      action={
        open.length > 0 && (
          <Badge variant="outline" className="border-red-200 bg-red-50 text-red-900">
            {open.length} open
          </Badge>
        )
      }
    >
      {isPending ? (
        <p className="text-sm text-muted-foreground" role="status">
          Loading the alerts…
        </p>
      ) : error ? (
        <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load the alerts."}</p>
      ) : open.length === 0 && data.acknowledged.length === 0 ? (
        <p className="text-sm text-muted-foreground">No alerts on this claim.</p>
      ) : (
        <div className="flex flex-col gap-3">
          {open.length > 0 && (
            <ul className="flex flex-col gap-2" aria-label="Open alerts">
              {open.map((alert) => (
                <OpenAlert key={alert.id} claimId={claim.id} alert={alert} />
              ))}
            </ul>
          )}
          {data.acknowledged.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-muted-foreground">
                {data.acknowledged.length} acknowledged
              </summary>
              <ul className="mt-2 flex flex-col gap-1.5">
                {data.acknowledged.map((alert) => (
                  <li key={alert.id} className="flex items-start gap-2">
                    <Check className="mt-0.5 size-3.5 shrink-0 text-emerald-700" aria-hidden="true" />
                    <span>
                      {alert.title}{" "}
                      <span className="text-xs text-muted-foreground">{formatRelative(alert.acknowledged_at)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </SideCard>
  );
}

function OpenAlert({ claimId, alert }: { claimId: string; alert: Alert }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => acknowledgeAlert(alert.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: claimKeys.part(claimId, "alerts") }),
  });
  return (
    <li className="flex flex-col gap-1.5 rounded-md border p-2.5">
      <div className="flex items-start gap-2">
        <BellRing className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">{alert.title}</p>
          {alert.message && <p className="text-xs text-muted-foreground">{alert.message}</p>}
        </div>
        <Badge variant="outline" className={SEVERITY_TONES[alert.severity]}>
          {humanize(alert.severity)}
        </Badge>
      </div>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted-foreground">
          {humanize(alert.kind)} · {formatRelative(alert.created_at)}
        </span>
        <Button
          size="sm"
          variant="outline"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending}
          aria-label={`Acknowledge: ${alert.title}`}
        >
          {mutation.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Acknowledge
        </Button>
      </div>
      {mutation.error && (
        <p className="text-xs text-destructive">
          {isApiError(mutation.error) ? mutation.error.message : "Could not acknowledge it."}
        </p>
      )}
    </li>
  );
}
