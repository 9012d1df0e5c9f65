import { describe, expect, it } from "vitest";

import { historyNote, renewalOpen } from "./policy-view";

describe("historyNote", () => {
  it("knows the server's notes and leaves a person's words alone", () => {
    expect(historyNote("quote issued")).toBe("quoteIssued");
    expect(historyNote("first payment received")).toBe("firstPayment");
    expect(historyNote("I sold the car")).toBeNull();
  });
});

describe("renewalOpen", () => {
  it("opens 60 days before an active policy ends, and any time once expired", () => {
    expect(renewalOpen({ status: "active", end_date: "2027-11-28" }, "2026-11-29")).toBe(false);
    expect(renewalOpen({ status: "active", end_date: "2027-01-28" }, "2026-11-29")).toBe(true); // 60 days
    expect(renewalOpen({ status: "active", end_date: "2027-01-29" }, "2026-11-29")).toBe(false); // 61 days
    expect(renewalOpen({ status: "expired", end_date: "2020-01-01" }, "2026-11-29")).toBe(true);
    expect(renewalOpen({ status: "cancelled", end_date: "2027-01-01" }, "2026-11-29")).toBe(false);
  });
});
