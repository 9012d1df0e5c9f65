import { AlertTriangle, Clock, TimerOff } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

import type { ClaimPriority, ClaimStatus } from "../api/claim";
import { useSlaCountdown } from "../hooks/use-sla-countdown";

import { humanize, PRIORITY_LABELS, PRIORITY_TONES, STATUS_LABELS, STATUS_TONES } from "./labels";

export function StatusBadge({ status, className }: { status: ClaimStatus; className?: string }) {
  return (
    <Badge variant="outline" className={cn(STATUS_TONES[status], className)}>
      {STATUS_LABELS[status] ?? humanize(status)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: ClaimPriority }) {
  return (
    <Badge variant="outline" className={PRIORITY_TONES[priority]}>
      <span className="sr-only">Priority: </span>
      {PRIORITY_LABELS[priority] ?? humanize(priority)}
      <span aria-hidden="true"> priority</span>
    </Badge>
  );
}

/** The SLA countdown: ticks live, amber in its last hours, red once breached. */
export function SlaCountdown({ dueAt, active }: { dueAt: string | null; active: boolean }) {
  const sla = useSlaCountdown(dueAt, active);
  const Icon = sla.state === "breached" ? AlertTriangle : sla.state === "none" ? TimerOff : Clock;
  return (
    <span
      data-testid="sla-countdown"
      data-state={sla.state}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs font-medium tabular-nums",
        sla.state === "breached" && "border-red-700 bg-red-700 text-white",
        sla.state === "soon" && "border-amber-300 bg-amber-50 text-amber-900",
        sla.state === "ok" && "border-border text-foreground",
        sla.state === "none" && "border-border text-muted-foreground",
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      <span aria-hidden="true">{sla.state === "none" ? sla.text : `SLA: ${sla.text}`}</span>
      <span className="sr-only">{sla.label}</span>
    </span>
  );
}
