/**
 * The dashboard's requests (insurehub/dashboard/api/views.py). Every figure the page shows comes
 * from these answers as they are; live events invalidate `dashboardKeys.all` (or a part of it).
 */
import { queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

import type { Department } from "../range";

export type Kpi = components["schemas"]["Kpi"];
export type ClaimsOverview = components["schemas"]["ClaimsOverview"];
export type QueueClaim = components["schemas"]["ClaimList"];
export type Trend = components["schemas"]["Trend"];
export type AssessmentsOverview = components["schemas"]["AssessmentsOverview"];
export type Alert = components["schemas"]["Alert"];
export type AlertSummary = components["schemas"]["AlertSummary"];

export interface RangeQuery {
  from: string;
  to: string;
  department?: Department;
}

/** How many open alerts the dashboard lists (the rest are on /alerts). */
export const ALERTS_SHOWN = 8;

export const dashboardKeys = {
  all: ["dashboard"] as const,
  kpi: (query: RangeQuery) => [...dashboardKeys.all, "kpi", query] as const,
  claims: (query: RangeQuery) => [...dashboardKeys.all, "claims", query] as const,
  trend: (query: RangeQuery) => [...dashboardKeys.all, "trend", query] as const,
  assessments: (query: RangeQuery) => [...dashboardKeys.all, "assessments", query] as const,
  alerts: () => [...dashboardKeys.all, "alerts"] as const,
  alertList: (department: Department | null) => [...dashboardKeys.alerts(), "list", department] as const,
  alertSummary: (department: Department | null) => [...dashboardKeys.alerts(), "summary", department] as const,
};

export function kpiQuery(query: RangeQuery) {
  return queryOptions({
    queryKey: dashboardKeys.kpi(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/dashboard/kpi/", { params: { query }, signal })),
  });
}

export function claimsOverviewQuery(query: RangeQuery) {
  return queryOptions({
    queryKey: dashboardKeys.claims(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/dashboard/claims/", { params: { query }, signal })),
  });
}

export function trendQuery(query: RangeQuery) {
  return queryOptions({
    queryKey: dashboardKeys.trend(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/dashboard/trend/", { params: { query }, signal })),
  });
}

export function assessmentsOverviewQuery(query: RangeQuery) {
  return queryOptions({
    queryKey: dashboardKeys.assessments(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/dashboard/assessments/", { params: { query }, signal })),
  });
}

export function alertListQuery(department: Department | null) {
  return queryOptions({
    queryKey: dashboardKeys.alertList(department),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/dashboard/alerts/", {
          params: { query: { status: "open", page_size: ALERTS_SHOWN, ...(department ? { department } : {}) } },
          signal,
        }),
      ),
  });
}

export function alertSummaryQuery(department: Department | null) {
  return queryOptions({
    queryKey: dashboardKeys.alertSummary(department),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/dashboard/alerts/summary/", {
          params: { query: department ? { department } : {} },
          signal,
        }),
      ),
  });
}

export function acknowledgeAlert(id: string): Promise<Alert> {
  return unwrap(api.POST("/api/dashboard/alerts/{alert_id}/acknowledge/", { params: { path: { alert_id: id } } }));
}
