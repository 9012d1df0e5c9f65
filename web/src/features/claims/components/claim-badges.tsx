import { cn } from "@/lib/cn";

import { PRIORITY_LABELS, STATUS_LABELS, type ClaimStatus, type Priority } from "../vocabulary";

const STATUS_DOT: Record<ClaimStatus, string> = {
  draft: "bg-muted-foreground/60",
  submitted: "bg-sky-600",
  under_review: "bg-indigo-600",
  assessment: "bg-violet-600",
  approved: "bg-emerald-600",
  rejected: "bg-red-600",
  settlement: "bg-teal-600",
  settled: "bg-emerald-700",
  closed: "bg-zinc-500",
  withdrawn: "bg-zinc-400",
};

/** The claim's status: a coloured dot for scanning a column, the word for reading it. */
export function StatusBadge({ status, className }: { status: ClaimStatus; className?: string }) {
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

const PRIORITY_STYLE: Record<Priority, string> = {
  low: "text-muted-foreground",
  normal: "text-foreground",
  high: "text-amber-800 font-medium",
  urgent: "text-red-700 font-semibold",
};

const BAR_HEIGHTS = ["h-1.5", "h-2", "h-2.5", "h-3"] as const;
const PRIORITY_BARS: Record<Priority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };

/** Priority as a word with a small bar gauge (text colours keep AA contrast on white). */
export function PriorityLabel({ priority }: { priority: Priority }) {
  const filled = PRIORITY_BARS[priority];
  return (
    <span data-priority={priority} className={cn("inline-flex items-center gap-1.5 text-sm", PRIORITY_STYLE[priority])}>
      <span aria-hidden="true" className="flex items-end gap-px">
        {BAR_HEIGHTS.map((height, index) => (
          <span key={height} className={cn("w-0.5 rounded-sm", height, index < filled ? "bg-current" : "bg-border")} />
        ))}
      </span>
      {PRIORITY_LABELS[priority]}
    </span>
  );
}
