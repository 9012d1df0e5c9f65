import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api";

import { claimsListLink } from "./links";
import { rangeErrorOf } from "./range-error";

describe("claimsListLink", () => {
  it("is the claims list's own query, with the API's parameter names", () => {
    expect(claimsListLink({ status: "under_review", priority: "urgent" }, "motor")).toBe(
      "/claims?status=under_review&priority=urgent&department=motor",
    );
    expect(claimsListLink({ sla_breached: "true" }, null)).toBe("/claims?sla_breached=true");
    expect(claimsListLink({}, null)).toBe("/claims?");
  });
});

describe("rangeErrorOf", () => {
  const problem = (code: string, errors: { field: string | null; message: string; code: string }[], status = 400) =>
    new ApiError({ type: `/problems/${code}`, title: "Bad", status, detail: "A range may span at most 366 days.", errors });

  it("puts the API's sentence next to the field it names", () => {
    expect(rangeErrorOf(problem("bad_range", [{ field: "from", message: "Range too long.", code: "invalid" }]))).toEqual({
      field: "from",
      message: "A range may span at most 366 days.",
    });
    expect(rangeErrorOf(problem("validation_error", [{ field: "to", message: "Enter a valid date.", code: "invalid" }]))).toEqual({
      field: "to",
      message: "Enter a valid date.",
    });
  });

  it("ignores other failures", () => {
    expect(rangeErrorOf(problem("not_your_department", [], 403))).toBeNull();
    expect(rangeErrorOf(problem("validation_error", [{ field: "department", message: "No.", code: "invalid" }]))).toBeNull();
    expect(rangeErrorOf(new Error("boom"))).toBeNull();
  });
});
