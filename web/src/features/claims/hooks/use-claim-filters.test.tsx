import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router";

import { useClaimFilters } from "./use-claim-filters";

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
  return renderHook(() => ({ ...useClaimFilters(), location: useLocation() }), { wrapper });
}

describe("useClaimFilters", () => {
  it("reads the URL and writes changes back with the API's names, from the first page", () => {
    const { result } = setup("/claims?status=submitted&cursor=abc");
    expect(result.current.filters.status).toEqual(["submitted"]);
    act(() => result.current.update({ priority: ["urgent"] }));
    expect(result.current.location.search).toBe("?status=submitted&priority=urgent");
  });

  it("keeps both of two changes made before the page re-renders", () => {
    const { result } = setup("/claims?status=withdrawn");
    act(() => {
      result.current.reset(); // "Clear filters"...
      result.current.update({ search: "CLM-2026-000001" }, { replace: true }); // ...as a typed search lands
    });
    expect(result.current.location.search).toBe("?search=CLM-2026-000001");
  });

  it("keeps the ordering and page size when clearing the filters", () => {
    const { result } = setup("/claims?status=closed&ordering=-priority&page_size=100&search=x");
    act(() => result.current.reset());
    expect(result.current.location.search).toBe("?ordering=-priority&page_size=100");
  });
});

describe("useClaimFilters with changes that depend on the current value", () => {
  it("counts two ticks made before the page re-renders", () => {
    const { result } = setup("/claims");
    act(() => {
      result.current.update((current) => ({ priority: [...current.priority, "normal"] }));
      result.current.update((current) => ({ priority: [...current.priority, "high"] }));
    });
    expect(result.current.location.search).toBe("?priority=normal&priority=high");
  });
});
