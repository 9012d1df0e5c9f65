import { describe, expect, it } from "vitest";

import { EMPTY_RULE, describeRule, ruleFigure, toCents, validateRule, type ReserveRule } from "./rule";

describe("validateRule", () => {
  it("turns a percentage rule with bounds into the API's body", () => {
    const { rule, errors } = validateRule({ ...EMPTY_RULE, percent: "80", floor: "20,000", cap: "400000.5" });
    expect(errors).toEqual({});
    expect(rule).toEqual({
      cost_type: "own_damage",
      basis: "estimate",
      percent: "80",
      floor: "20000.00",
      cap: "400000.50",
      only_raise: true,
    });
  });

  it("takes a fixed amount without the estimate's fields", () => {
    const { rule } = validateRule({ ...EMPTY_RULE, basis: "fixed", amount: "50000", percent: "9", only_raise: false });
    expect(rule).toEqual({ cost_type: "own_damage", basis: "fixed", amount: "50000.00", only_raise: false });
  });

  it("names each wrong field", () => {
    expect(validateRule({ ...EMPTY_RULE, basis: "fixed", amount: "-5" }).errors.amount).toBeDefined();
    expect(validateRule({ ...EMPTY_RULE, percent: "0" }).errors.percent).toBeDefined();
    expect(validateRule({ ...EMPTY_RULE, percent: "abc" }).errors.percent).toBeDefined();
    expect(validateRule({ ...EMPTY_RULE, percent: "50", floor: "9", cap: "1" }).errors.cap).toBe(
      "The cap is below the floor.",
    );
    expect(validateRule({ ...EMPTY_RULE, cost_type: "", percent: "50" }).errors.cost_type).toBeDefined();
    expect(validateRule({ ...EMPTY_RULE, percent: "50", floor: "1.234" }).rule).toBeNull();
  });
});

describe("ruleFigure", () => {
  const rule: ReserveRule = { cost_type: "own_damage", basis: "estimate", percent: "80", floor: "20000.00", cap: "400000.00", only_raise: true };

  it("computes as the server does: cents, half up, floor then cap", () => {
    expect(ruleFigure(rule, "100000.50")).toBe("80000.40");
    expect(ruleFigure(rule, "10000.00")).toBe("20000.00");
    expect(ruleFigure(rule, "900000.00")).toBe("400000.00");
    expect(ruleFigure({ ...rule, percent: "33.33", floor: undefined, cap: undefined }, "0.05")).toBe("0.02");
    expect(ruleFigure({ ...rule, percent: "50", floor: undefined, cap: undefined }, "0.05")).toBe("0.03");
  });

  it("gives the floor, or nothing, to a claim without an estimate", () => {
    expect(ruleFigure(rule, null)).toBe("20000.00");
    expect(ruleFigure({ ...rule, floor: undefined }, null)).toBeNull();
  });

  it("keeps every digit of large amounts", () => {
    expect(toCents("123456789012.34")).toBe(12345678901234n);
    expect(ruleFigure({ ...rule, percent: "100", floor: undefined, cap: undefined }, "123456789012.34")).toBe(
      "123456789012.34",
    );
    expect(ruleFigure({ cost_type: "legal", basis: "fixed", amount: "5000.00", only_raise: true }, null)).toBe("5000.00");
  });
});

describe("describeRule", () => {
  it("says the rule in words", () => {
    expect(describeRule({ cost_type: "legal", basis: "fixed", amount: "5000.00", only_raise: true })).toBe(
      "Legal: KES 5,000.00 on every claim",
    );
    expect(describeRule({ cost_type: "own_damage", basis: "estimate", percent: "80", floor: "20000.00", only_raise: true })).toBe(
      "Own vehicle damage: 80% of each claim's estimate, at least KES 20,000.00",
    );
  });
});
