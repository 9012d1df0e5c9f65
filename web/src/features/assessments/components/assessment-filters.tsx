import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";

import { ORDERINGS, VIEWS, type AssessmentFilters, type Ordering } from "../filters";

interface AssessmentFiltersBarProps {
  filters: AssessmentFilters;
  onChange: (changes: Partial<AssessmentFilters>) => void;
  /** Supervisors and admins may narrow to their own; an assessor's list is theirs already. */
  canPickMine: boolean;
}

/** View (open, completed, ...), "only mine" and the order: all kept in the URL by the page. */
export function AssessmentFiltersBar({ filters, onChange, canPickMine }: AssessmentFiltersBarProps) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div role="group" aria-label="Show" className="inline-flex rounded-lg bg-muted p-[3px]">
        {VIEWS.map((view) => (
          <button
            key={view.value}
            type="button"
            aria-pressed={filters.view === view.value}
            onClick={() => onChange({ view: view.value })}
            className={cn(
              "rounded-md px-3 py-1 text-sm font-medium text-foreground/80 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
              filters.view === view.value && "bg-background text-foreground shadow-sm",
            )}
          >
            {view.label}
          </button>
        ))}
      </div>
      {canPickMine && (
        <label className="inline-flex h-9 items-center gap-2 text-sm">
          <Checkbox checked={filters.mine} onChange={(event) => onChange({ mine: event.target.checked })} />
          Only mine
        </label>
      )}
      <div className="grid gap-1">
        <label htmlFor="assessments-ordering" className="text-xs font-medium text-muted-foreground">
          Order
        </label>
        <NativeSelect
          id="assessments-ordering"
          className="w-56"
          value={filters.ordering}
          onChange={(event) => onChange({ ordering: event.target.value as Ordering })}
        >
          {ORDERINGS.map((ordering) => (
            <option key={ordering.value} value={ordering.value}>
              {ordering.label}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
