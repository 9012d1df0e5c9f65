import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { parseAlertFilters, serializeAlertFilters, type AlertFilters } from "../filters";

/** The alerts page's filters in the URL; a filter change goes back to the first page. */
export function useAlertFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const filters = useMemo(() => parseAlertFilters(params), [key]);
  const update = useCallback(
    (changes: Partial<AlertFilters>) => {
      const page = changes.page ?? 1;
      setParams(serializeAlertFilters({ ...filters, ...changes, page }));
    },
    [filters, setParams],
  );
  return { filters, update };
}
