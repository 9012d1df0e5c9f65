import { FilterX, SlidersHorizontal } from "lucide-react";
import { useCallback, useId, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { User } from "@/lib/auth";
import { cn } from "@/lib/cn";

import { activeFilterCount, type ClaimFilters } from "../filters";
import {
  DEPARTMENT_LABELS,
  DEPARTMENTS,
  PRIORITIES,
  PRIORITY_LABELS,
  STATUS_LABELS,
  STATUSES,
  type Department,
} from "../vocabulary";
import { MultiSelectFilter } from "./multi-select-filter";
import { SearchBox } from "./search-box";
import { StaffFilter } from "./staff-filter";

interface ClaimsFiltersProps {
  user: User;
  filters: ClaimFilters;
  update: (
    changes: Partial<ClaimFilters> | ((current: ClaimFilters) => Partial<ClaimFilters>),
    options?: { replace?: boolean },
  ) => void;
  reset: () => void;
  /** Actions shown at the right of the bar (export). */
  actions?: ReactNode;
}

const TRI_STATE = { any: null, yes: true, no: false } as const;
type TriState = keyof typeof TRI_STATE;
const triStateOf = (value: boolean | null): TriState => (value === null ? "any" : value ? "yes" : "no");

/** Staff who may list a department's staff (the agent and assessor pickers). */
function staffDepartment(user: User, filters: ClaimFilters): string | null {
  if (user.role === "admin") return filters.department;
  if (user.role === "agent" || user.role === "supervisor") return user.department || null;
  return null;
}

function dateInputValue(value: string | null): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : (value?.slice(0, 10) ?? "");
}

/** The search, the status and priority menus, and the panel of further filters. */
export function ClaimsFilters({ user, filters, update, reset, actions }: ClaimsFiltersProps) {
  const id = useId();
  const secondary = [
    filters.department,
    filters.assigned_agent,
    filters.assigned_assessor,
    filters.created_after,
    filters.created_before,
    filters.has_open_alerts,
    filters.sla_breached,
  ].filter((value) => value !== null).length;
  const [open, setOpen] = useState(secondary > 0);
  const active = activeFilterCount(filters);
  const onSearch = useCallback((search: string) => update({ search }, { replace: true }), [update]);
  const department = staffDepartment(user, filters);
  const canPickStaff = user.role !== "assessor";

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox value={filters.search} onSearch={onSearch} />
        <MultiSelectFilter
          label="Status"
          options={STATUSES}
          labels={STATUS_LABELS}
          value={filters.status}
          onChange={(next) => update((current) => ({ status: next(current.status) }))}
        />
        <MultiSelectFilter
          label="Priority"
          options={PRIORITIES}
          labels={PRIORITY_LABELS}
          value={filters.priority}
          onChange={(next) => update((current) => ({ priority: next(current.priority) }))}
        />
        <Button
          variant="outline"
          size="sm"
          className={cn("h-9", secondary > 0 && "border-primary/50 bg-primary/5")}
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
        >
          <SlidersHorizontal aria-hidden="true" />
          More filters{secondary > 0 ? ` (${secondary})` : ""}
        </Button>
        {active > 0 && (
          <Button variant="ghost" size="sm" className="h-9" onClick={reset}>
            <FilterX aria-hidden="true" />
            Clear filters
          </Button>
        )}
        {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
      </div>
      <div
        id={`${id}-more`}
        hidden={!open}
        className="grid grid-cols-1 gap-3 rounded-lg border bg-muted/30 p-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-department`}>Department</Label>
          <NativeSelect
            id={`${id}-department`}
            value={filters.department ?? ""}
            onChange={(event) => {
              const value = (event.target.value || null) as Department | null;
              // An admin's staff pickers list the chosen department's people: a pick from another goes.
              update(
                user.role === "admin"
                  ? { department: value, assigned_agent: null, assigned_assessor: null }
                  : { department: value },
              );
            }}
          >
            <option value="">All departments</option>
            {DEPARTMENTS.map((name) => (
              <option key={name} value={name}>
                {DEPARTMENT_LABELS[name]}
              </option>
            ))}
          </NativeSelect>
        </div>
        {canPickStaff && (
          <>
            <StaffFilter
              label="Agent"
              kind="agents"
              department={department}
              value={filters.assigned_agent}
              onChange={(assigned_agent) => update({ assigned_agent })}
            />
            <StaffFilter
              label="Assessor"
              kind="assessors"
              department={department}
              value={filters.assigned_assessor}
              onChange={(assigned_assessor) => update({ assigned_assessor })}
            />
          </>
        )}
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-after`}>Created from</Label>
          <Input
            id={`${id}-after`}
            type="date"
            value={dateInputValue(filters.created_after)}
            onChange={(event) => update({ created_after: event.target.value || null })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-before`}>Created before</Label>
          <Input
            id={`${id}-before`}
            type="date"
            value={dateInputValue(filters.created_before)}
            onChange={(event) => update({ created_before: event.target.value || null })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-alerts`}>Open alerts</Label>
          <NativeSelect
            id={`${id}-alerts`}
            value={triStateOf(filters.has_open_alerts)}
            onChange={(event) => update({ has_open_alerts: TRI_STATE[event.target.value as TriState] })}
          >
            <option value="any">Any</option>
            <option value="yes">With open alerts</option>
            <option value="no">Without open alerts</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-sla`}>SLA</Label>
          <NativeSelect
            id={`${id}-sla`}
            value={triStateOf(filters.sla_breached)}
            onChange={(event) => update({ sla_breached: TRI_STATE[event.target.value as TriState] })}
          >
            <option value="any">Any</option>
            <option value="yes">Breached</option>
            <option value="no">Not breached</option>
          </NativeSelect>
        </div>
      </div>
    </div>
  );
}
