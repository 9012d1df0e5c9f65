import { keepPreviousData, useQuery } from "@tanstack/react-query";

import {
  alertListQuery,
  alertSummaryQuery,
  assessmentsOverviewQuery,
  claimsOverviewQuery,
  kpiQuery,
  trendQuery,
} from "../api/dashboard";
import { apiQuery, type DashboardFilters } from "../range";

/**
 * Every answer the dashboard shows, fetched in parallel. A new range keeps the previous figures on
 * screen (marked as updating) until the new ones arrive, instead of flashing empty panels.
 */
export function useDashboardQueries(filters: DashboardFilters) {
  const query = apiQuery(filters);
  const placeholderData = keepPreviousData;
  return {
    kpi: useQuery({ ...kpiQuery(query), placeholderData }),
    claims: useQuery({ ...claimsOverviewQuery(query), placeholderData }),
    trend: useQuery({ ...trendQuery(query), placeholderData }),
    assessments: useQuery({ ...assessmentsOverviewQuery(query), placeholderData }),
    alertSummary: useQuery({ ...alertSummaryQuery(filters.department), placeholderData }),
    alertList: useQuery({ ...alertListQuery(filters.department), placeholderData }),
  };
}
