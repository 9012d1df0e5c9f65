import { useCallback, useMemo, useState } from "react";

import type { ClaimRow } from "../api/claims";

/**
 * The claims picked for a bulk action, kept across pages (by id, with the row as it was seen,
 * for its number and department).
 */
export function useClaimSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, ClaimRow>>(() => new Map());
  const toggle = useCallback((row: ClaimRow, on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  }, []);
  const setMany = useCallback((rows: readonly ClaimRow[], on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (on) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Map()), []);
  const rows = useMemo(() => [...selected.values()], [selected]);
  return { selected, rows, toggle, setMany, clear };
}

export type ClaimSelection = ReturnType<typeof useClaimSelection>;
