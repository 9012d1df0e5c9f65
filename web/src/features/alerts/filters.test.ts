import { alertsApiQuery, DEFAULT_ALERT_FILTERS, parseAlertFilters, serializeAlertFilters } from "./filters";
import { kindLabel } from "./vocabulary";

const parse = (query: string) => parseAlertFilters(new URLSearchParams(query));

describe("alert filters in the URL", () => {
  it("defaults to open alerts, first page, and writes nothing for the defaults", () => {
    expect(parse("")).toEqual(DEFAULT_ALERT_FILTERS);
    expect(serializeAlertFilters(DEFAULT_ALERT_FILTERS).toString()).toBe("");
  });

  it("round-trips every filter", () => {
    const filters = parse("status=acknowledged&severity=critical&kind=integrations.vin_mismatch&page=3");
    expect(filters).toEqual({ status: "acknowledged", severity: "critical", kind: "integrations.vin_mismatch", page: 3 });
    expect(parseAlertFilters(serializeAlertFilters(filters))).toEqual(filters);
  });

  it("drops invalid values", () => {
    expect(parse("status=resolved&severity=apocalyptic&kind=%3Cscript%3E&page=-2")).toEqual(DEFAULT_ALERT_FILTERS);
    expect(parse("page=2.5").page).toBe(1);
  });

  it("always asks the API for a status (it lists open alerts without one)", () => {
    expect(alertsApiQuery(DEFAULT_ALERT_FILTERS)).toEqual({ status: "open", page: 1, page_size: 50 });
    expect(alertsApiQuery(parse("severity=low&kind=stalled"))).toMatchObject({ severity: "low", kind: "stalled" });
  });
});

describe("kindLabel", () => {
  it("names known kinds and makes others readable", () => {
    expect(kindLabel("sla_breached")).toBe("SLA breached");
    expect(kindLabel("integrations.something_new")).toBe("Something new");
  });
});
