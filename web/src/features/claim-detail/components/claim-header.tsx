import { ChevronRight, FileText } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { formatDateTime, formatMoney } from "@/lib/format";

import type { ClaimDetail, ClaimStatus } from "../api/claim";

import { PriorityBadge, SlaCountdown, StatusBadge } from "./badges";
import { OPEN_STATUSES, TRANSITION_VERBS } from "./labels";
import { TransitionDialog } from "./transition-dialog";

/** Moves that undo or end a claim are shown as quieter, destructive-looking buttons. */
const DESTRUCTIVE: ReadonlySet<ClaimStatus> = new Set(["rejected", "withdrawn"]);

/**
 * The claim's identity and state at a glance, and what the caller may do next: one button per
 * move the API says they may make (`allowed_transitions`), each asking for its reason.
 */
export function ClaimHeader({ claim, onOpenReport }: { claim: ClaimDetail; onOpenReport: () => void }) {
  const [moving, setMoving] = useState<ClaimStatus | null>(null);
  const moves = [...claim.allowed_transitions] as ClaimStatus[];
  moves.sort((a, b) => Number(DESTRUCTIVE.has(a)) - Number(DESTRUCTIVE.has(b)));
  return (
    <header className="flex flex-col gap-3 border-b pb-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <ol className="flex items-center gap-1">
          <li>
            <Link to="/claims" className="hover:text-foreground hover:underline">
              Claims
            </Link>
          </li>
          <li aria-hidden="true">
            <ChevronRight className="size-3.5" />
          </li>
          <li aria-current="page" className="text-foreground">
            {claim.claim_number}
          </li>
        </ol>
      </nav>
      <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">{claim.claim_number}</h1>
            <StatusBadge status={claim.status} />
            <PriorityBadge priority={claim.priority} />
            <SlaCountdown dueAt={claim.sla_due_at} active={OPEN_STATUSES.has(claim.status)} />
          </div>
          <p className="text-sm text-muted-foreground">
            {claim.customer_name} · {claim.vehicle_registration || "no vehicle"} · incident{" "}
            {formatDateTime(claim.incident_date)}
            {claim.estimated_cost && <> · estimated {formatMoney(claim.estimated_cost, claim.currency)}</>}
            {claim.approved_amount && <> · approved {formatMoney(claim.approved_amount, claim.currency)}</>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 lg:justify-end" role="group" aria-label="Claim actions">
          {moves.map((to) => (
            <Button
              key={to}
              size="sm"
              variant={DESTRUCTIVE.has(to) ? "outline" : "default"}
              className={DESTRUCTIVE.has(to) ? "text-destructive hover:text-destructive" : undefined}
              onClick={() => setMoving(to)}
            >
              {TRANSITION_VERBS[to]}
            </Button>
          ))}
          <Button size="sm" variant="outline" onClick={onOpenReport}>
            <FileText aria-hidden="true" />
            Report (PDF)
          </Button>
        </div>
      </div>
      <TransitionDialog claim={claim} to={moving} onClose={() => setMoving(null)} />
    </header>
  );
}
