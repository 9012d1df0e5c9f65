import {
  activeFilterCount,
  claimsApiQuery,
  cursorOf,
  DEFAULT_FILTERS,
  parseClaimFilters,
  serializeClaimFilters,
  startOfLocalDay,
  withChanges,
  type ClaimFilters,
} from "./filters";

const parse = (query: string) => parseClaimFilters(new URLSearchParams(query));

describe("parseClaimFilters", () => {
  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual(DEFAULT_FILTERS);
    expect(activeFilterCount(parse(""))).toBe(0);
  });

  it("reads the dashboard's links (the API's parameter names)", () => {
    const filters = parse("status=submitted&priority=urgent");
    expect(filters.status).toEqual(["submitted"]);
    expect(filters.priority).toEqual(["urgent"]);
    expect(activeFilterCount(filters)).toBe(2);
  });

  it("takes lists repeated or comma-separated, in the vocabulary's order, without repeats", () => {
    expect(parse("status=settled&status=submitted,under_review&status=submitted").status).toEqual([
      "submitted",
      "under_review",
      "settled",
    ]);
    expect(parse("priority=urgent,low").priority).toEqual(["low", "urgent"]);
  });

  it("drops invalid values instead of failing", () => {
    const filters = parse(
      "status=bogus&priority=URGENT&department=space&assigned_agent=42&assigned_assessor=not-a-uuid" +
        "&created_after=last+tuesday&created_before=2026-02-30&has_open_alerts=maybe&sla_breached=&ordering=password" +
        "&page_size=7&unknown=1",
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it("reads booleans, ids, dates and times", () => {
    const agent = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    const filters = parse(
      `assigned_agent=${agent}&has_open_alerts=true&sla_breached=0&created_after=2026-11-01` +
        "&created_before=2026-11-29T00:00:00%2B03:00&department=motor&page_size=100&ordering=-priority&cursor=cD0y",
    );
    expect(filters).toMatchObject({
      assigned_agent: agent.toLowerCase(),
      has_open_alerts: true,
      sla_breached: false,
      created_after: "2026-11-01",
      created_before: "2026-11-29T00:00:00+03:00",
      department: "motor",
      page_size: 100,
      ordering: "-priority",
      cursor: "cD0y",
    });
  });

  it("repairs an offset whose + arrived as a space", () => {
    expect(parse("created_after=2026-11-29T00:00:00+03:00").created_after).toBe("2026-11-29T00:00:00+03:00");
  });

  it("trims the search and caps its length", () => {
    expect(parse("search=%20%20CLM-2026-000123%20").search).toBe("CLM-2026-000123");
    expect(parse(`search=${"x".repeat(300)}`).search).toHaveLength(100);
  });
});

describe("the map's areas", () => {
  const parse = (query: string) => parseClaimFilters(new URLSearchParams(query));

  it("keeps a valid box or lasso and drops a malformed one", () => {
    expect(parse("bbox=36.6,-1.45,37.1,-1.15").bbox).toBe("36.6,-1.45,37.1,-1.15");
    expect(parse("bbox=37.1,-1.45,36.6,-1.15").bbox).toBeNull(); // across the antimeridian
    expect(parse("bbox=36.6,-1.45,37.1").bbox).toBeNull();
    expect(parse("bbox=36.6,-95,37.1,-1.15").bbox).toBeNull();
    expect(parse("polygon=36.7,-1.35,36.95,-1.35,36.7,-1.1").polygon).toBe("36.7,-1.35,36.95,-1.35,36.7,-1.1");
    expect(parse("polygon=36.7,-1.35,36.95").polygon).toBeNull();
    expect(parse("bbox=36.6,-1.45,37.1,-1.15&polygon=36.7,-1.35,36.95,-1.35,36.7,-1.1").polygon).toBeNull();
    expect(parse("catastrophe=not-an-id").catastrophe).toBeNull();
  });

  it("sends the area to the API and counts it as a filter", () => {
    const filters = parse("polygon=36.7,-1.35,36.95,-1.35,36.7,-1.1");
    expect(claimsApiQuery(filters).polygon).toBe("36.7,-1.35,36.95,-1.35,36.7,-1.1");
    expect(activeFilterCount(filters)).toBe(1);
    expect(serializeClaimFilters(filters).get("polygon")).toBe("36.7,-1.35,36.95,-1.35,36.7,-1.1");
  });
});

describe("serializeClaimFilters", () => {
  it("writes nothing for the defaults", () => {
    expect(serializeClaimFilters(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("round-trips every filter", () => {
    const filters: ClaimFilters = {
      status: ["submitted", "assessment"],
      priority: ["high", "urgent"],
      department: "motor",
      assigned_agent: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      assigned_assessor: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
      created_after: "2026-11-01",
      created_before: "2026-11-29T00:00:00+03:00",
      has_open_alerts: true,
      sla_breached: false,
      bbox: "36.6,-1.45,37.1,-1.15",
      polygon: null,
      catastrophe: "9b2f6c1e-8d3a-4f5b-a1c2-0e4d5f6a7b8c",
      search: "KDA 123A",
      ordering: "sla_due_at",
      page_size: 25,
      cursor: "cD0yMDI2",
    };
    const query = serializeClaimFilters(filters).toString();
    expect(query).toContain("status=submitted&status=assessment&priority=high&priority=urgent");
    expect(query).toContain("created_before=2026-11-29T00%3A00%3A00%2B03%3A00");
    expect(parseClaimFilters(new URLSearchParams(query))).toEqual(filters);
  });
});

describe("withChanges", () => {
  it("starts from the first page when a filter changes, keeps the cursor when paging", () => {
    const onPage = { ...DEFAULT_FILTERS, cursor: "abc" };
    expect(withChanges(onPage, { status: ["submitted"] }).cursor).toBeNull();
    expect(withChanges(onPage, { ordering: "priority" }).cursor).toBeNull();
    expect(withChanges(DEFAULT_FILTERS, { cursor: "def" }).cursor).toBe("def");
  });
});

describe("claimsApiQuery", () => {
  it("asks the API for the filters, ordering and page", () => {
    const filters = parse("status=submitted&priority=low,high&sla_breached=true&search=kamau&cursor=xyz&page_size=25");
    expect(claimsApiQuery(filters)).toEqual({
      status: ["submitted"],
      priority: ["low", "high"],
      sla_breached: true,
      search: "kamau",
      ordering: "-created_at",
      page_size: 25,
      cursor: "xyz",
    });
  });

  it("leaves out the page for the export", () => {
    const query = claimsApiQuery(parse("status=closed&cursor=xyz&page_size=25"), { page: false });
    expect(query).toEqual({ status: ["closed"], ordering: "-created_at" });
  });

  it("sends a date as the start of that day here, a time as written", () => {
    const query = claimsApiQuery(parse("created_after=2026-11-01&created_before=2026-11-29T00:00:00Z"));
    expect(query.created_after).toBe(startOfLocalDay("2026-11-01"));
    expect(new Date(query.created_after!).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(query.created_before).toBe("2026-11-29T00:00:00Z");
  });
});

describe("cursorOf", () => {
  it("reads the cursor of the API's links", () => {
    expect(cursorOf("http://127.0.0.1:8000/api/claims/?cursor=cD0yMDI2&page_size=50")).toBe("cD0yMDI2");
    expect(cursorOf(null)).toBeNull();
    expect(cursorOf("/api/claims/")).toBeNull();
  });
});
