import { useCallback, useLayoutEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";

import { parseClaimFilters, serializeClaimFilters, withChanges, type ClaimFilters } from "../filters";

/**
 * The claims list's filters, read from and written to the URL. A change pushes a history entry
 * (Back undoes it) unless `replace` is asked for (typing in the search box).
 *
 * Changes build on the last query written, not on the one rendered: two changes in quick
 * succession (a debounced search landing just as "Clear filters" is clicked, two ticks in a menu)
 * both count, where the second would otherwise start from a stale URL and undo the first. A
 * change that depends on the current value (a tick added to a list) is given as a function.
 */
export function useClaimFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const written = useRef<string | null>(null);
  const latest = useRef(key);
  useLayoutEffect(() => {
    latest.current = key;
    written.current = null; // rendered: the URL is the truth again (also after Back)
  }, [key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const filters = useMemo(() => parseClaimFilters(params), [key]);

  const write = useCallback(
    (next: (current: ClaimFilters) => ClaimFilters, replace: boolean) => {
      const current = parseClaimFilters(new URLSearchParams(written.current ?? latest.current));
      const query = serializeClaimFilters(next(current));
      written.current = query.toString();
      setParams(query, { replace });
    },
    [setParams],
  );
  const update = useCallback(
    (
      changes: Partial<ClaimFilters> | ((current: ClaimFilters) => Partial<ClaimFilters>),
      { replace = false }: { replace?: boolean } = {},
    ) => write((current) => withChanges(current, typeof changes === "function" ? changes(current) : changes), replace),
    [write],
  );
  const reset = useCallback(
    () =>
      write(
        ({ ordering, page_size }) => withChanges(parseClaimFilters(new URLSearchParams()), { ordering, page_size }),
        false,
      ),
    [write],
  );
  return { filters, update, reset };
}
