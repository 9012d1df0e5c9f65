import { cn } from "@/lib/cn";

import type { AssessmentStatus } from "../api/assessments";
import { SEVERITY_LABELS, STATUS_LABELS } from "../vocabulary";

const STATUS_DOT: Record<AssessmentStatus, string> = {
  scheduled: "bg-sky-600",
  in_progress: "bg-violet-600",
  completed: "bg-emerald-600",
  cancelled: "bg-zinc-400",
};

/** The assessment's status: a coloured dot for scanning a column, the word for reading it. */
export function AssessmentStatusBadge({ status, className }: { status: AssessmentStatus; className?: string }) {
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border bg-background px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        className,
      )}
    >
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", STATUS_DOT[status])} />
      {STATUS_LABELS[status]}
    </span>
  );
}

const SEVERITY_STYLE: Record<number, string> = {
  1: "text-muted-foreground",
  2: "text-foreground",
  3: "text-amber-800",
  4: "text-red-700 font-medium",
  5: "text-red-800 font-semibold",
};

/** Severity 1-5 as five pips and its word; a dash when not graded yet. */
export function Severity({ value }: { value: number | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm whitespace-nowrap", SEVERITY_STYLE[value])}>
      <span aria-hidden="true" className="flex gap-px">
        {[1, 2, 3, 4, 5].map((pip) => (
          <span key={pip} className={cn("size-1.5 rounded-full", pip <= value ? "bg-current" : "bg-border")} />
        ))}
      </span>
      <span>{SEVERITY_LABELS[value] ?? value}</span>
    </span>
  );
}

/** A completion bar with its figure (the server's percentage). */
export function Completion({
  value,
  label,
  className,
  barClassName,
}: {
  value: number;
  label: string;
  className?: string;
  barClassName?: string;
}) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <span
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className={cn("relative h-1.5 w-20 overflow-hidden rounded-full bg-primary/15", barClassName)}
      >
        <span
          className={cn("absolute inset-y-0 left-0 rounded-full", value >= 100 ? "bg-emerald-600" : "bg-primary")}
          style={{ width: `${Math.max(0, Math.min(100, value))}%` }}
        />
      </span>
      <span className="w-9 text-right text-xs tabular-nums">{value}%</span>
    </span>
  );
}
