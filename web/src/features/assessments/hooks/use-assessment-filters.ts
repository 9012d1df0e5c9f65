import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { parseFilters, serializeFilters, withChanges, type AssessmentFilters } from "../filters";

/** The list's filters, read from and written to the URL (Back undoes a change). */
export function useAssessmentFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const filters = useMemo(() => parseFilters(params), [key]);
  const update = useCallback(
    (changes: Partial<AssessmentFilters>) =>
      setParams((current) => serializeFilters(withChanges(parseFilters(current), changes))),
    [setParams],
  );
  return { filters, update };
}
