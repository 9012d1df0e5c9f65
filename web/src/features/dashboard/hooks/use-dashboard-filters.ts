import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { readFilters, todayUtc, writeFilters, type DashboardFilters, type FiltersChange } from "../range";

/**
 * The dashboard's range and department, kept in the URL query (a reload or a shared link shows the
 * same figures). Only admins pick a department; for everyone else the API scopes to their own.
 */
export function useDashboardFilters(canPickDepartment: boolean): [DashboardFilters, (change: FiltersChange) => void] {
  const [params, setParams] = useSearchParams();
  const today = todayUtc();
  const filters = useMemo(() => readFilters(params, today, canPickDepartment), [params, today, canPickDepartment]);
  const change = useCallback(
    (next: FiltersChange) => setParams((current) => writeFilters(current, next), { replace: true }),
    [setParams],
  );
  return [filters, change];
}
