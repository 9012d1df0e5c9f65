import { TriangleAlert } from "lucide-react";
import { Link } from "react-router";

import { cn } from "@/lib/cn";
import { formatMoney, formatRelative } from "@/lib/format";

import type { QueueClaim } from "../api/dashboard";
import { OPEN_STATUSES, PRIORITY_LABELS, STATUS_LABELS, label } from "../labels";

function SlaLine({ due, now }: { due: string | null; now: Date }) {
  if (!due) return <span>No SLA</span>;
  const breached = Date.parse(due) < now.getTime();
  return breached ? (
    <span className="font-medium text-destructive">SLA breached {formatRelative(due, now)}</span>
  ) : (
    <span>SLA due {formatRelative(due, now)}</span>
  );
}

interface ClaimRowsProps {
  claims: QueueClaim[];
  /** Names the list for screen readers. */
  label: string;
  /** What to say when there is none. */
  empty: string;
  now?: Date;
}

/**
 * Claims as compact rows (number, status, priority, customer, SLA, estimate), in the API's order,
 * each opening the claim page. Used for "my queue" and for the claims changed last.
 */
export function ClaimRows({ claims, label: listLabel, empty, now = new Date() }: ClaimRowsProps) {
  if (claims.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="flex flex-col divide-y" aria-label={listLabel}>
      {claims.map((claim) => (
        <li key={claim.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 first:pt-0 last:pb-0">
          <div className="flex min-w-0 flex-1 flex-col">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <Link to={`/claims/${claim.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                {claim.claim_number}
              </Link>
              <span className="rounded-md border px-1.5 py-0.5 text-xs">{label(STATUS_LABELS, claim.status)}</span>
              <span className={cn("text-xs", claim.priority === "urgent" ? "font-medium text-destructive" : "text-muted-foreground")}>
                {label(PRIORITY_LABELS, claim.priority)} priority
              </span>
              {claim.has_open_alerts && (
                <span className="inline-flex items-center gap-1 text-xs text-destructive">
                  <TriangleAlert className="size-3.5" aria-hidden="true" />
                  Open alerts
                </span>
              )}
            </div>
            <p className="truncate text-xs text-muted-foreground">
              {claim.customer_name}
              {claim.vehicle_registration && ` · ${claim.vehicle_registration}`}
              {OPEN_STATUSES.includes(claim.status) && (
                <>
                  {" · "}
                  <SlaLine due={claim.sla_due_at} now={now} />
                </>
              )}
            </p>
          </div>
          <span className="text-sm tabular-nums text-muted-foreground">
            {claim.estimated_cost ? formatMoney(claim.estimated_cost, claim.currency) : "No estimate"}
          </span>
        </li>
      ))}
    </ul>
  );
}
