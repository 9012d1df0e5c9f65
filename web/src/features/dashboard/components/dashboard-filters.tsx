import { useId, useState } from "react";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";

import {
  DEPARTMENT_LABELS,
  isDepartment,
  PRESETS,
  rangeProblem,
  type DashboardFilters as Filters,
  type FiltersChange,
} from "../range";

interface DashboardFiltersProps {
  filters: Filters;
  onChange: (change: FiltersChange) => void;
  /** Admins pick a department; the others see their own (the API refuses another one). */
  canPickDepartment: boolean;
  /** A problem the API found with the range (problem+json field errors), shown next to its field. */
  serverError?: { field: "from" | "to"; message: string } | null;
}

/** The range (presets, or from/to) and, for admins, the department: all of it in the URL. */
export function DashboardFilters({ filters, onChange, canPickDepartment, serverError }: DashboardFiltersProps) {
  const presetsId = useId();
  const departmentId = useId();
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <div className="flex flex-col gap-1.5">
        <span id={presetsId} className="text-sm font-medium">
          Range
        </span>
        <div role="group" aria-labelledby={presetsId} className="inline-flex h-9 rounded-md border bg-background p-0.5 shadow-xs">
          {PRESETS.map((preset) => {
            const active = filters.range.preset === preset.id;
            return (
              <button
                key={preset.id}
                type="button"
                aria-pressed={active}
                onClick={() => onChange({ preset: preset.id })}
                className={cn(
                  "rounded-[5px] px-2.5 text-sm whitespace-nowrap transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active ? "bg-primary font-medium text-primary-foreground" : "hover:bg-accent",
                )}
              >
                {preset.label}
              </button>
            );
          })}
        </div>
      </div>
      <DateFields
        key={`${filters.range.from}|${filters.range.to}`}
        from={filters.range.from}
        to={filters.range.to}
        onChange={onChange}
        serverError={serverError ?? null}
      />
      {canPickDepartment && (
        <div className="flex min-w-44 flex-col gap-1.5">
          <Label htmlFor={departmentId}>Department</Label>
          <NativeSelect
            id={departmentId}
            value={filters.department ?? ""}
            onChange={(event) => onChange({ department: isDepartment(event.target.value) ? event.target.value : null })}
          >
            <option value="">All departments</option>
            {Object.entries(DEPARTMENT_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
    </div>
  );
}

interface DateFieldsProps {
  from: string;
  to: string;
  onChange: (change: FiltersChange) => void;
  serverError: { field: "from" | "to"; message: string } | null;
}

/**
 * From and To as native date inputs (keyboard and phone friendly). A usable pair goes to the URL
 * at once; an unusable one stays here with the reason next to the field, and the figures keep the
 * last good range.
 */
function DateFields({ from, to, onChange, serverError }: DateFieldsProps) {
  const [draft, setDraft] = useState({ from, to });
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const problem = rangeProblem(draft.from, draft.to) ?? serverError;

  function update(next: { from: string; to: string }) {
    setDraft(next);
    if (!rangeProblem(next.from, next.to)) onChange(next);
  }

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={fromId}>From</Label>
          <Input
            id={fromId}
            type="date"
            className="w-40"
            value={draft.from}
            max={draft.to || undefined}
            required
            aria-invalid={problem?.field === "from" || undefined}
            aria-describedby={problem?.field === "from" ? errorId : undefined}
            onChange={(event) => update({ ...draft, from: event.target.value })}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={toId}>To</Label>
          <Input
            id={toId}
            type="date"
            className="w-40"
            value={draft.to}
            min={draft.from || undefined}
            required
            aria-invalid={problem?.field === "to" || undefined}
            aria-describedby={problem?.field === "to" ? errorId : undefined}
            onChange={(event) => update({ ...draft, to: event.target.value })}
          />
        </div>
      </div>
      {problem && (
        <p id={errorId} role="alert" className="text-xs text-destructive">
          {problem.message}
        </p>
      )}
    </div>
  );
}
