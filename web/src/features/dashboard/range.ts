/**
 * The dashboard's date range and department, as they live in the URL query:
 *
 *   /                                   the last 30 days (the API's default)
 *   /?range=7d | 30d | 90d | 12m        a preset, relative to today (a shared link moves with the days)
 *   /?from=2026-01-01&to=2026-03-31     a fixed range (at most 366 days, `from` not after `to`)
 *   &department=motor                   admins only: one department (others always see their own)
 *
 * Days are the server's calendar days: the API counts claims per day in UTC (Django's TIME_ZONE),
 * so "today" here is today in UTC too, and the presets end on the day the API calls today.
 */
import type { components } from "@/lib/api";

export type Department = components["schemas"]["DepartmentEnum"];

export const MAX_RANGE_DAYS = 366;

export const PRESETS = [
  { id: "7d", label: "7 days", days: 7 },
  { id: "30d", label: "30 days", days: 30 },
  { id: "90d", label: "90 days", days: 90 },
  { id: "12m", label: "12 months", days: null },
] as const;

export type PresetId = (typeof PRESETS)[number]["id"];
export const DEFAULT_PRESET: PresetId = "30d";

/** Every department, in the API's order, with the names people use (a missing one fails the type check). */
export const DEPARTMENT_LABELS: Record<Department, string> = {
  motor: "Motor",
  health: "Health",
  life: "Life",
  property: "Home and property",
  travel: "Travel",
  business: "Business",
  agriculture: "Agriculture",
  marine: "Marine",
  personal_accident: "Personal accident",
  liability: "Liability",
};

export function isDepartment(value: string | null | undefined): value is Department {
  return value != null && Object.hasOwn(DEPARTMENT_LABELS, value);
}

export interface DashboardRange {
  /** The preset in use, or null for a fixed from/to. */
  preset: PresetId | null;
  from: string;
  to: string;
}

export interface DashboardFilters {
  range: DashboardRange;
  department: Department | null;
  /** Why the range in the URL was not used (shown to the user), if it was not. */
  problem: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` -> a UTC midnight, or null when it is not a real day. */
export function parseDay(value: string | null | undefined): Date | null {
  if (!value || !ISO_DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  if (!date) throw new Error(`Not a day: ${day}`);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysBetween(from: string, to: string): number {
  const start = parseDay(from);
  const end = parseDay(to);
  if (!start || !end) return Number.NaN;
  return Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
}

export function todayUtc(now: Date = new Date()): string {
  return formatDay(now);
}

export function presetRange(preset: PresetId, today: string): DashboardRange {
  const spec = PRESETS.find((candidate) => candidate.id === preset) ?? PRESETS[1];
  if (spec.days !== null) return { preset, from: addDays(today, 1 - spec.days), to: today };
  // 12 months: the day after the same date a year ago, through today (365 or 366 days).
  const date = parseDay(today);
  if (!date) throw new Error(`Not a day: ${today}`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return { preset, from: formatDay(date), to: today };
}

/** What is wrong with a from/to pair (a sentence for the field), or null when the API will take it. */
export function rangeProblem(from: string, to: string): { field: "from" | "to"; message: string } | null {
  if (!parseDay(from)) return { field: "from", message: "Enter a valid start date." };
  if (!parseDay(to)) return { field: "to", message: "Enter a valid end date." };
  const days = daysBetween(from, to);
  if (days < 1) return { field: "from", message: "The start date must not be after the end date." };
  if (days > MAX_RANGE_DAYS) return { field: "from", message: `A range may span at most ${MAX_RANGE_DAYS} days.` };
  return null;
}

function isPreset(value: string | null): value is PresetId {
  return PRESETS.some((preset) => preset.id === value);
}

/** The filters the URL asks for; anything unusable falls back to the default, with a reason. */
export function readFilters(params: URLSearchParams, today: string, canPickDepartment: boolean): DashboardFilters {
  const department = canPickDepartment && isDepartment(params.get("department")) ? (params.get("department") as Department) : null;
  const from = params.get("from");
  const to = params.get("to");
  const preset = params.get("range");
  if (from !== null || to !== null) {
    const problem = rangeProblem(from ?? "", to ?? "");
    if (!problem) return { range: { preset: null, from: from ?? "", to: to ?? "" }, department, problem: null };
    return {
      range: presetRange(DEFAULT_PRESET, today),
      department,
      problem: `The dates in the address were not usable (${problem.message.toLowerCase().replace(/\.$/, "")}), so the last 30 days are shown.`,
    };
  }
  if (preset !== null && !isPreset(preset)) {
    return { range: presetRange(DEFAULT_PRESET, today), department, problem: "Unknown date range in the address: the last 30 days are shown." };
  }
  return { range: presetRange(isPreset(preset) ? preset : DEFAULT_PRESET, today), department, problem: null };
}

export type FiltersChange =
  | { preset: PresetId }
  | { from: string; to: string }
  | { department: Department | null };

/** The URL query after a change (other parameters are kept; defaults leave the URL clean). */
export function writeFilters(params: URLSearchParams, change: FiltersChange): URLSearchParams {
  const next = new URLSearchParams(params);
  if ("preset" in change) {
    next.delete("from");
    next.delete("to");
    if (change.preset === DEFAULT_PRESET) next.delete("range");
    else next.set("range", change.preset);
  } else if ("from" in change) {
    next.delete("range");
    next.set("from", change.from);
    next.set("to", change.to);
  } else if (change.department) {
    next.set("department", change.department);
  } else {
    next.delete("department");
  }
  return next;
}

/** The query the dashboard endpoints take. */
export function apiQuery(filters: DashboardFilters): { from: string; to: string; department?: Department } {
  const query: { from: string; to: string; department?: Department } = {
    from: filters.range.from,
    to: filters.range.to,
  };
  if (filters.department) query.department = filters.department;
  return query;
}

/** "30 Oct – 28 Nov 2026" for headings and captions. */
export function describeRange(range: Pick<DashboardRange, "from" | "to">): string {
  const start = parseDay(range.from);
  const end = parseDay(range.to);
  if (!start || !end) return `${range.from} – ${range.to}`;
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  const startText = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(start);
  const endText = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(end);
  return start.getTime() === end.getTime() ? endText : `${startText} – ${endText}`;
}
