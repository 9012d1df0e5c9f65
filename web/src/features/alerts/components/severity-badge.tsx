import { cn } from "@/lib/cn";

import { SEVERITY_LABELS, type Severity } from "../vocabulary";

const STYLE: Record<Severity, string> = {
  critical: "border-transparent bg-red-700 text-white",
  high: "border-red-300 bg-red-50 text-red-800",
  medium: "border-amber-300 bg-amber-50 text-amber-900",
  low: "border-border bg-muted text-muted-foreground",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      data-severity={severity}
      className={cn("inline-flex items-center rounded-md border px-2 py-0.5 text-xs font-semibold whitespace-nowrap", STYLE[severity])}
    >
      {SEVERITY_LABELS[severity]}
    </span>
  );
}
