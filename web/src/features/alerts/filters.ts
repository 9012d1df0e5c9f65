/**
 * The alerts page's state in the URL, under the API's parameter names (`status`, `severity`,
 * `kind`, `page`): a link such as `/alerts?severity=critical` opens it filtered. Invalid values
 * are dropped; the defaults (open alerts, first page) are left out of the URL.
 */
import { SEVERITIES, type Severity } from "./vocabulary";

export type AlertStatusFilter = "open" | "acknowledged";

export interface AlertFilters {
  status: AlertStatusFilter;
  severity: Severity | null;
  kind: string | null;
  page: number;
}

export const ALERTS_PAGE_SIZE = 50;
export const DEFAULT_ALERT_FILTERS: AlertFilters = Object.freeze({ status: "open", severity: null, kind: null, page: 1 });

const KIND = /^[a-z0-9_.]{1,48}$/;

export function parseAlertFilters(params: URLSearchParams): AlertFilters {
  const status = params.get("status");
  const severity = params.get("severity");
  const kind = params.get("kind")?.trim() ?? "";
  const page = Number(params.get("page"));
  return {
    status: status === "acknowledged" ? "acknowledged" : "open",
    severity: (SEVERITIES as string[]).includes(severity ?? "") ? (severity as Severity) : null,
    kind: KIND.test(kind) ? kind : null,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function serializeAlertFilters(filters: AlertFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== "open") params.set("status", filters.status);
  if (filters.severity) params.set("severity", filters.severity);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** The query for `GET /api/dashboard/alerts/` (which lists open alerts unless `status` says otherwise). */
export function alertsApiQuery(filters: AlertFilters) {
  return {
    status: filters.status,
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    page: filters.page,
    page_size: ALERTS_PAGE_SIZE,
  };
}
