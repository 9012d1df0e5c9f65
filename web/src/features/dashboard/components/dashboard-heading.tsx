import { LoaderCircle } from "lucide-react";

import type { Role } from "@/lib/auth";

import { DEPARTMENT_LABELS, describeRange, isDepartment, type DashboardRange } from "../range";

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

interface DashboardHeadingProps {
  role: Role;
  department: string | null;
  range: DashboardRange;
  /** When the API computed the figures (`as_of`): they may be served from a cache for up to 15 s. */
  asOf: string | undefined;
  updating: boolean;
}

/** The page title, whose figures these are, over which days, and how fresh they are. */
export function DashboardHeading({ role, department, range, asOf, updating }: DashboardHeadingProps) {
  const scope =
    role === "assessor"
      ? "The claims assigned to you"
      : isDepartment(department)
        ? `${DEPARTMENT_LABELS[department]} department`
        : "All departments";
  return (
    <div className="flex min-w-0 flex-col gap-1 xl:shrink-0">
      <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
      <p className="text-sm text-muted-foreground">
        {scope} · {describeRange(range)}
      </p>
      <p className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="figures-as-of">
        {asOf ? <>Figures as of {TIME.format(new Date(asOf))}, kept up to date as claims change</> : "Loading figures…"}
        {updating && asOf && <LoaderCircle className="size-3 animate-spin" aria-label="Updating" role="img" />}
      </p>
    </div>
  );
}
