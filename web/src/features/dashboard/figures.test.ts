import { describe, expect, it } from "vitest";

import { compareCounts, compareDays, compareRates, formatDays, formatRate, moneyCents, moneyDirection, previousPeriodName } from "./figures";

const PERIOD = "previous 30 days";

describe("figures as the API gives them", () => {
  it("rates keep the API's four decimals as a percentage", () => {
    expect(formatRate(0.8462)).toBe("84.62%");
    expect(formatRate(1)).toBe("100%");
    expect(formatRate(0.5)).toBe("50%");
    expect(formatRate(0.0435)).toBe("4.35%");
    expect(formatRate(0)).toBe("0%");
    expect(formatRate(null)).toBe("—");
  });

  it("days as sent", () => {
    expect(formatDays(15.54)).toBe("15.54 days");
    expect(formatDays(17)).toBe("17 days");
    expect(formatDays(1)).toBe("1 day");
    expect(formatDays(null)).toBe("—");
  });
});

describe("changes against the previous period", () => {
  it("counts: difference and percentage, neutral unless told which way is better", () => {
    expect(compareCounts(35, 25, PERIOD)).toEqual({
      direction: "up",
      tone: "neutral",
      text: "+10 (+40%)",
      previous: "25",
      sentence: "Up 10 (40%) from 25 in the previous 30 days.",
    });
    expect(compareCounts(11, 13, PERIOD, "up")).toMatchObject({ direction: "down", tone: "worse", text: "−2 (−15.4%)" });
    expect(compareCounts(3, 0, PERIOD, "up")).toMatchObject({ direction: "up", tone: "better", text: "+3" });
    expect(compareCounts(4, 4, PERIOD, "up")).toMatchObject({ direction: "same", tone: "neutral", text: "no change" });
  });

  it("rates in percentage points, without float noise", () => {
    expect(compareRates(0.8462, 0.9565, PERIOD)).toMatchObject({
      direction: "down",
      text: "−11.03 pts",
      previous: "95.65%",
      sentence: "Down 11.03 percentage points from 95.65% in the previous 30 days.",
    });
    expect(compareRates(0.3, 0.1, PERIOD)).toMatchObject({ text: "+20 pts" });
  });

  it("no comparison where either period has no figure (never a made-up one)", () => {
    expect(compareRates(null, 0.5, PERIOD)).toBeNull();
    expect(compareRates(0.5, null, PERIOD)).toBeNull();
    expect(compareDays(null, 3, PERIOD)).toBeNull();
    expect(compareDays(3, null, PERIOD)).toBeNull();
  });

  it("cycle times: shorter is better", () => {
    expect(compareDays(15.54, 16.96, PERIOD)).toMatchObject({ direction: "down", tone: "better", text: "−1.42 days", previous: "16.96 days" });
    expect(compareDays(18, 16.96, PERIOD)).toMatchObject({ direction: "up", tone: "worse", text: "+1.04 days" });
  });
});

describe("money compared exactly", () => {
  it("in cents, beyond what a float holds", () => {
    expect(moneyCents("1234567890123456.78")).toBe(123456789012345678n);
    expect(moneyCents("-0.5")).toBe(-50n);
    expect(moneyCents("abc")).toBeNull();
    expect(moneyDirection("9007199254740993.01", "9007199254740993.00")).toBe("up");
    expect(moneyDirection("290000.00", "1523550.00")).toBe("down");
    expect(moneyDirection("10.00", "10")).toBe("same");
  });

  it("names the previous period", () => {
    expect(previousPeriodName(30)).toBe("previous 30 days");
    expect(previousPeriodName(1)).toBe("previous day");
  });
});
