import { describe, expect, it } from "vitest";

import { apiQuery, daysBetween, describeRange, presetRange, rangeProblem, readFilters, writeFilters } from "./range";

const TODAY = "2026-11-29";

function read(query: string, admin = false) {
  return readFilters(new URLSearchParams(query), TODAY, admin);
}

describe("presets", () => {
  it("end today and span their days, both ends included", () => {
    expect(presetRange("7d", TODAY)).toEqual({ preset: "7d", from: "2026-11-23", to: TODAY });
    expect(presetRange("30d", TODAY)).toEqual({ preset: "30d", from: "2026-10-31", to: TODAY });
    expect(daysBetween(presetRange("90d", TODAY).from, TODAY)).toBe(90);
  });

  it("twelve months start the day after the same date a year ago, within the API's 366 days", () => {
    expect(presetRange("12m", TODAY)).toEqual({ preset: "12m", from: "2025-11-30", to: TODAY });
    const leap = presetRange("12m", "2024-02-29");
    expect(daysBetween(leap.from, leap.to)).toBeLessThanOrEqual(366);
    expect(rangeProblem(leap.from, leap.to)).toBeNull();
  });
});

describe("reading the URL", () => {
  it("defaults to the last 30 days, like the API", () => {
    expect(read("")).toEqual({ range: { preset: "30d", from: "2026-10-31", to: TODAY }, department: null, problem: null });
  });

  it("takes a preset or a fixed range", () => {
    expect(read("range=7d").range).toEqual({ preset: "7d", from: "2026-11-23", to: TODAY });
    expect(read("from=2026-01-01&to=2026-03-31").range).toEqual({ preset: null, from: "2026-01-01", to: "2026-03-31" });
  });

  it("falls back to 30 days with a reason for ranges the API would refuse", () => {
    for (const query of [
      "from=2026-05-01&to=2026-04-01",
      "from=2020-01-01&to=2026-01-01",
      "from=yesterday&to=2026-01-01",
      "from=2026-02-30&to=2026-03-01",
      "from=2026-01-01",
      "range=5y",
    ]) {
      const filters = read(query);
      expect(filters.range.preset, query).toBe("30d");
      expect(filters.problem, query).toMatch(/last 30 days/);
    }
  });

  it("reads the department for admins only, and only a real one", () => {
    expect(read("department=health", true).department).toBe("health");
    expect(read("department=health", false).department).toBeNull();
    expect(read("department=nowhere", true).department).toBeNull();
  });
});

describe("writing the URL", () => {
  const base = new URLSearchParams("from=2026-01-01&to=2026-01-31&department=motor&other=1");

  it("a preset replaces the dates; the default leaves no trace", () => {
    expect(writeFilters(base, { preset: "7d" }).toString()).toBe("department=motor&other=1&range=7d");
    expect(writeFilters(base, { preset: "30d" }).toString()).toBe("department=motor&other=1");
  });

  it("dates replace the preset; the department comes and goes", () => {
    const withPreset = new URLSearchParams("range=90d");
    expect(writeFilters(withPreset, { from: "2026-02-01", to: "2026-02-10" }).toString()).toBe("from=2026-02-01&to=2026-02-10");
    expect(writeFilters(base, { department: "health" }).get("department")).toBe("health");
    expect(writeFilters(base, { department: null }).has("department")).toBe(false);
  });

  it("what is written reads back the same", () => {
    const written = writeFilters(new URLSearchParams(), { from: "2026-03-01", to: "2026-03-15" });
    const again = writeFilters(written, { department: "marine" });
    expect(readFilters(again, TODAY, true)).toMatchObject({
      range: { preset: null, from: "2026-03-01", to: "2026-03-15" },
      department: "marine",
    });
  });
});

describe("checks and words", () => {
  it("names what is wrong with a pair of dates, and the field", () => {
    expect(rangeProblem("2026-01-02", "2026-01-01")).toEqual({ field: "from", message: "The start date must not be after the end date." });
    expect(rangeProblem("2025-01-01", "2026-01-02")?.message).toBe("A range may span at most 366 days.");
    expect(rangeProblem("2025-01-01", "2026-01-01")).toBeNull(); // 366 days: the API's limit
    expect(rangeProblem("", "2026-01-01")?.field).toBe("from");
    expect(rangeProblem("2026-01-01", "")?.field).toBe("to");
  });

  it("asks the API for the range and, when picked, the department", () => {
    expect(apiQuery(read("range=7d"))).toEqual({ from: "2026-11-23", to: TODAY });
    expect(apiQuery(read("department=life", true))).toEqual({ from: "2026-10-31", to: TODAY, department: "life" });
  });

  it("describes a range for people", () => {
    expect(describeRange({ from: "2026-10-31", to: TODAY })).toBe("31 Oct – 29 Nov 2026");
    expect(describeRange({ from: "2025-11-30", to: TODAY })).toBe("30 Nov 2025 – 29 Nov 2026");
    expect(describeRange({ from: TODAY, to: TODAY })).toBe("29 Nov 2026");
  });
});
