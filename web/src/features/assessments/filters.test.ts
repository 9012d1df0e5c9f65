import { apiQuery, cursorOf, DEFAULT_FILTERS, parseFilters, serializeFilters, withChanges } from "./filters";

describe("assessment list filters in the URL", () => {
  it("reads defaults from a bare URL and ignores nonsense", () => {
    expect(parseFilters(new URLSearchParams(""))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams("view=everything&ordering=;drop&mine=yes"))).toEqual(DEFAULT_FILTERS);
  });

  it("round-trips, writing only what differs from the defaults", () => {
    const filters = { view: "completed", mine: true, ordering: "-created_at", cursor: "cD0x" } as const;
    const params = serializeFilters(filters);
    expect(params.toString()).toBe("view=completed&mine=1&ordering=-created_at&cursor=cD0x");
    expect(parseFilters(params)).toEqual(filters);
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("goes back to the first page when a filter changes, not when the page does", () => {
    const paged = { ...DEFAULT_FILTERS, cursor: "abc" };
    expect(withChanges(paged, { view: "all" }).cursor).toBeNull();
    expect(withChanges(paged, { cursor: "def" })).toEqual({ ...DEFAULT_FILTERS, cursor: "def" });
  });

  it("asks the API for the view's statuses and the caller's own when asked", () => {
    expect(apiQuery(DEFAULT_FILTERS, "me")).toEqual({
      status: ["scheduled", "in_progress"],
      ordering: "scheduled_at",
      page_size: 50,
    });
    expect(apiQuery({ view: "all", mine: true, ordering: "-scheduled_at", cursor: "c1" }, "me")).toEqual({
      assessor: "me",
      ordering: "-scheduled_at",
      page_size: 50,
      cursor: "c1",
    });
  });

  it("takes the cursor out of the API's next link", () => {
    expect(cursorOf("http://127.0.0.1:8000/api/assessments/?cursor=cD0yMDI2&page_size=50")).toBe("cD0yMDI2");
    expect(cursorOf(null)).toBeNull();
  });
});
