/**
 * The assessments list's filters, kept in the URL (`/assessments?view=completed&mine=1`), and the
 * API query they make. Absent parameters are the defaults, so the plain URL is the assessor's
 * everyday view: open assessments, soonest scheduled first.
 */
import type { AssessmentListQuery, AssessmentStatus } from "./api/assessments";

export type View = "open" | "completed" | "cancelled" | "all";
export type Ordering = "scheduled_at" | "-scheduled_at" | "-created_at";

export interface AssessmentFilters {
  view: View;
  /** Only the caller's own assessments (for supervisors and admins; an assessor sees only theirs anyway). */
  mine: boolean;
  ordering: Ordering;
  cursor: string | null;
}

export const VIEWS: { value: View; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "completed", label: "Completed" },
  { value: "cancelled", label: "Cancelled" },
  { value: "all", label: "All" },
];

export const ORDERINGS: { value: Ordering; label: string }[] = [
  { value: "scheduled_at", label: "Scheduled, soonest first" },
  { value: "-scheduled_at", label: "Scheduled, latest first" },
  { value: "-created_at", label: "Newest first" },
];

const VIEW_STATUSES: Record<View, AssessmentStatus[] | undefined> = {
  open: ["scheduled", "in_progress"],
  completed: ["completed"],
  cancelled: ["cancelled"],
  all: undefined,
};

export const DEFAULT_FILTERS: AssessmentFilters = { view: "open", mine: false, ordering: "scheduled_at", cursor: null };

function oneOf<T extends string>(value: string | null, allowed: readonly { value: T }[], fallback: T): T {
  return allowed.some((option) => option.value === value) ? (value as T) : fallback;
}

export function parseFilters(params: URLSearchParams): AssessmentFilters {
  return {
    view: oneOf(params.get("view"), VIEWS, DEFAULT_FILTERS.view),
    mine: params.get("mine") === "1",
    ordering: oneOf(params.get("ordering"), ORDERINGS, DEFAULT_FILTERS.ordering),
    cursor: params.get("cursor") || null,
  };
}

export function serializeFilters(filters: AssessmentFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== DEFAULT_FILTERS.view) params.set("view", filters.view);
  if (filters.mine) params.set("mine", "1");
  if (filters.ordering !== DEFAULT_FILTERS.ordering) params.set("ordering", filters.ordering);
  if (filters.cursor) params.set("cursor", filters.cursor);
  return params;
}

/** A change of filter starts again at the first page; moving between pages keeps the filters. */
export function withChanges(filters: AssessmentFilters, changes: Partial<AssessmentFilters>): AssessmentFilters {
  const next = { ...filters, ...changes };
  if (!("cursor" in changes)) next.cursor = null;
  return next;
}

export const PAGE_SIZE = 50;

export function apiQuery(filters: AssessmentFilters, me: string): AssessmentListQuery {
  const status = VIEW_STATUSES[filters.view];
  return {
    ...(status ? { status } : {}),
    ...(filters.mine ? { assessor: me } : {}),
    ordering: filters.ordering,
    page_size: PAGE_SIZE,
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

/** The cursor of a `next`/`previous` link of the API. */
export function cursorOf(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    return new URL(link, "http://x").searchParams.get("cursor");
  } catch {
    return null;
  }
}
