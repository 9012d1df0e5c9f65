import { describe, expect, it } from "vitest";

import { loginPathFor, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/claims/123?tab=documents", "/claims/123?tab=documents"],
    ["/", "/"],
    [null, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?next=/claims", "/"],
  ])("%s -> %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe("loginPathFor", () => {
  it("leads back to the page asked for", () => {
    expect(loginPathFor("/alerts?status=open")).toBe("/login?next=%2Falerts%3Fstatus%3Dopen");
    expect(loginPathFor("/")).toBe("/login");
  });
});
