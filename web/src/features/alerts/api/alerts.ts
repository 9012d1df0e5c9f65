import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

import { alertsApiQuery, type AlertFilters } from "../filters";

export type AlertItem = components["schemas"]["Alert"];

export const alertKeys = {
  all: ["alerts"] as const,
  list: (filters: AlertFilters) => [...alertKeys.all, "list", alertsApiQuery(filters)] as const,
};

export function alertsQuery(filters: AlertFilters) {
  return queryOptions({
    queryKey: alertKeys.list(filters),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/dashboard/alerts/", { params: { query: alertsApiQuery(filters) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function acknowledgeAlert(id: string): Promise<AlertItem> {
  return unwrap(api.POST("/api/dashboard/alerts/{alert_id}/acknowledge/", { params: { path: { alert_id: id } } }));
}
