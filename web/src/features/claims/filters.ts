/**
 * The claims list's state, kept in the URL with the API's own parameter names, so a link such as
 * the dashboard's `/claims?status=submitted&priority=urgent` opens the list filtered, a reload or
 * a shared link shows the same rows, and Back undoes a filter.
 *
 * `parseClaimFilters` reads a query string leniently: unknown parameters and invalid values are
 * dropped (a hand-edited link still opens), repeated and comma-separated lists both work.
 * `serializeClaimFilters` writes only what differs from the defaults, in a stable order.
 * `claimsApiQuery` is what `GET /api/claims/` (and the CSV export) is asked.
 */
import {
  DEPARTMENTS,
  PRIORITIES,
  STATUSES,
  type ClaimStatus,
  type Department,
  type Priority,
} from "./vocabulary";

export const SORTABLE = [
  "created_at",
  "sla_due_at",
  "priority",
  "status",
  "incident_date",
  "estimated_cost",
  "claim_number",
] as const;
export type SortField = (typeof SORTABLE)[number];
export type Ordering = SortField | `-${SortField}`;

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface ClaimFilters {
  status: ClaimStatus[];
  priority: Priority[];
  department: Department | null;
  assigned_agent: string | null;
  assigned_assessor: string | null;
  /** A date (YYYY-MM-DD, from the start of that day here) or an ISO time with its offset. */
  created_after: string | null;
  /** A date (before the start of that day here) or an ISO time with its offset. */
  created_before: string | null;
  has_open_alerts: boolean | null;
  sla_breached: boolean | null;
  /** Where the incidents happened, from the claims map: a box `min_lon,min_lat,max_lon,max_lat`... */
  bbox: string | null;
  /** ...or a lasso `lon,lat,lon,lat,...` (one area at most; the box wins). */
  polygon: string | null;
  /** The catastrophe event the claims are tagged with (from the event's page). */
  catastrophe: string | null;
  search: string;
  ordering: Ordering;
  page_size: PageSize;
  /** The API's opaque cursor for the page shown (from a `next`/`previous` link); null for the first. */
  cursor: string | null;
}

export const DEFAULT_ORDERING: Ordering = "-created_at";
export const DEFAULT_PAGE_SIZE: PageSize = 50;
export const SEARCH_MAX_LENGTH = 100;

export const DEFAULT_FILTERS: ClaimFilters = Object.freeze({
  status: [],
  priority: [],
  department: null,
  assigned_agent: null,
  assigned_assessor: null,
  created_after: null,
  created_before: null,
  has_open_alerts: null,
  sla_breached: null,
  bbox: null,
  polygon: null,
  catastrophe: null,
  search: "",
  ordering: DEFAULT_ORDERING,
  page_size: DEFAULT_PAGE_SIZE,
  cursor: null,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// An ISO 8601 time with an explicit offset (the API takes a time without one as UTC, which a
// hand-written link rarely means).
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function listOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
  const wanted = new Set(values.flatMap((value) => value.split(",")).map((value) => value.trim()));
  return allowed.filter((value) => wanted.has(value)); // the vocabulary's order, no repeats
}

function bool(value: string | null): boolean | null {
  if (value === null) return null;
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  return null;
}

function isValidDate(value: string): boolean {
  if (DATE_ONLY.test(value)) {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }
  return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function time(value: string | null): string | null {
  // A "+03:00" offset written into a link unencoded arrives as " 03:00" (a + in a query is a space).
  const trimmed = (value?.trim() ?? "").replace(/ (\d{2}:\d{2})$/, "+$1");
  return trimmed && isValidDate(trimmed) ? trimmed : null;
}

function uuid(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return UUID.test(trimmed) ? trimmed.toLowerCase() : null;
}

/** Coordinates in the API's form (comma-separated finite numbers, longitude first, in range), or null. */
function coordinates(value: string | null, { box }: { box: boolean }): string | null {
  const numbers = (value ?? "").split(",").map((part) => (part.trim() === "" ? NaN : Number(part)));
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  if (box ? numbers.length !== 4 : numbers.length % 2 !== 0 || numbers.length < 6 || numbers.length > 202) return null;
  const inRange = numbers.every((n, index) => Math.abs(n) <= (index % 2 === 0 ? 180 : 90));
  if (!inRange) return null;
  if (box && (numbers[0]! > numbers[2]! || numbers[1]! > numbers[3]!)) return null;
  return numbers.join(",");
}

function ordering(value: string | null): Ordering {
  if (!value) return DEFAULT_ORDERING;
  const field = value.replace(/^-/, "");
  return (SORTABLE as readonly string[]).includes(field) ? (value as Ordering) : DEFAULT_ORDERING;
}

function pageSize(value: string | null): PageSize {
  const size = Number(value);
  return (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE;
}

export function parseClaimFilters(params: URLSearchParams): ClaimFilters {
  return {
    status: listOf(STATUSES, params.getAll("status")),
    priority: listOf(PRIORITIES, params.getAll("priority")),
    department: oneOf(DEPARTMENTS, params.get("department")),
    assigned_agent: uuid(params.get("assigned_agent")),
    assigned_assessor: uuid(params.get("assigned_assessor")),
    created_after: time(params.get("created_after")),
    created_before: time(params.get("created_before")),
    has_open_alerts: bool(params.get("has_open_alerts")),
    sla_breached: bool(params.get("sla_breached")),
    bbox: coordinates(params.get("bbox"), { box: true }),
    polygon: params.get("bbox") ? null : coordinates(params.get("polygon"), { box: false }),
    catastrophe: uuid(params.get("catastrophe")),
    search: (params.get("search") ?? "").trim().slice(0, SEARCH_MAX_LENGTH),
    ordering: ordering(params.get("ordering")),
    page_size: pageSize(params.get("page_size")),
    cursor: params.get("cursor") || null,
  };
}

export function serializeClaimFilters(filters: ClaimFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of filters.status) params.append("status", status);
  for (const priority of filters.priority) params.append("priority", priority);
  const single: [string, string | null][] = [
    ["department", filters.department],
    ["assigned_agent", filters.assigned_agent],
    ["assigned_assessor", filters.assigned_assessor],
    ["created_after", filters.created_after],
    ["created_before", filters.created_before],
    ["has_open_alerts", filters.has_open_alerts === null ? null : String(filters.has_open_alerts)],
    ["sla_breached", filters.sla_breached === null ? null : String(filters.sla_breached)],
    ["bbox", filters.bbox],
    ["polygon", filters.bbox ? null : filters.polygon],
    ["catastrophe", filters.catastrophe],
    ["search", filters.search.trim() || null],
    ["ordering", filters.ordering === DEFAULT_ORDERING ? null : filters.ordering],
    ["page_size", filters.page_size === DEFAULT_PAGE_SIZE ? null : String(filters.page_size)],
    ["cursor", filters.cursor],
  ];
  for (const [name, value] of single) if (value !== null) params.set(name, value);
  return params;
}

/**
 * A new state after a change of filters: any change other than moving between pages starts
 * again from the first page (an old cursor belongs to the old filter).
 */
export function withChanges(filters: ClaimFilters, changes: Partial<ClaimFilters>): ClaimFilters {
  const cursor = "cursor" in changes ? (changes.cursor ?? null) : null;
  return { ...filters, ...changes, cursor };
}

/** How many filters narrow the list (for "Clear filters" and the filter button's count). */
export function activeFilterCount(filters: ClaimFilters): number {
  return [
    filters.status.length > 0,
    filters.priority.length > 0,
    filters.department !== null,
    filters.assigned_agent !== null,
    filters.assigned_assessor !== null,
    filters.created_after !== null,
    filters.created_before !== null,
    filters.has_open_alerts !== null,
    filters.sla_breached !== null,
    filters.bbox !== null || filters.polygon !== null,
    filters.catastrophe !== null,
    filters.search.trim() !== "",
  ].filter(Boolean).length;
}

/** A date (YYYY-MM-DD) as the start of that day in this browser's time zone, with its offset. */
export function startOfLocalDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const local = new Date(year, month - 1, day);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  return `${date}T00:00:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function apiTime(value: string | null): string | undefined {
  if (value === null) return undefined;
  return DATE_ONLY.test(value) ? startOfLocalDay(value) : value;
}

export interface ClaimsApiQuery {
  status?: ClaimStatus[];
  priority?: Priority[];
  department?: Department;
  assigned_agent?: string;
  assigned_assessor?: string;
  created_after?: string;
  created_before?: string;
  has_open_alerts?: boolean;
  sla_breached?: boolean;
  bbox?: string;
  polygon?: string;
  catastrophe?: string;
  search?: string;
  ordering?: string;
  page_size?: number;
  cursor?: string;
}

/** The query for `GET /api/claims/`; `{page: false}` leaves out paging (the CSV export). */
export function claimsApiQuery(filters: ClaimFilters, { page = true }: { page?: boolean } = {}): ClaimsApiQuery {
  const query: ClaimsApiQuery = {};
  if (filters.status.length) query.status = filters.status;
  if (filters.priority.length) query.priority = filters.priority;
  if (filters.department) query.department = filters.department;
  if (filters.assigned_agent) query.assigned_agent = filters.assigned_agent;
  if (filters.assigned_assessor) query.assigned_assessor = filters.assigned_assessor;
  const after = apiTime(filters.created_after);
  if (after) query.created_after = after;
  const before = apiTime(filters.created_before);
  if (before) query.created_before = before;
  if (filters.has_open_alerts !== null) query.has_open_alerts = filters.has_open_alerts;
  if (filters.sla_breached !== null) query.sla_breached = filters.sla_breached;
  if (filters.bbox) query.bbox = filters.bbox;
  else if (filters.polygon) query.polygon = filters.polygon;
  if (filters.catastrophe) query.catastrophe = filters.catastrophe;
  if (filters.search.trim()) query.search = filters.search.trim();
  query.ordering = filters.ordering;
  if (page) {
    query.page_size = filters.page_size;
    if (filters.cursor) query.cursor = filters.cursor;
  }
  return query;
}

/** The `cursor` of a `next`/`previous` link from the API (null when there is no such page). */
export function cursorOf(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    return new URL(link, "http://placeholder").searchParams.get("cursor");
  } catch {
    return null;
  }
}
