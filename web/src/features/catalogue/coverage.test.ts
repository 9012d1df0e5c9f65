import { translate } from "@/lib/i18n";

import { compareDecimals, parseCoverage, parsePricing, priceRuleLines, rateAsPercent, startingPrice } from "./coverage";

const COMPREHENSIVE = {
  base_premium: "5000.00",
  term_months: 12,
  coverage: parseCoverage({
    covers: ["Own damage", "Theft"],
    limits: { windscreen: "50000.00", radio: 30000 },
    excess: { amount: "15000.00" },
    exclusions: ["Racing"],
    addons: [{ code: "pvt", name: "Political violence", price: "2500.00" }, { code: "bad" }],
  }),
  pricing: parsePricing({
    rate_of_value: "0.035",
    min_premium: "37500.00",
    max_vehicle_age: 15,
    age_loadings: [
      { max_age: 10, factor: "1.10" },
      { max_age: 5, factor: "1.0" },
    ],
  }),
};

describe("reading a product's coverage and pricing", () => {
  it("keeps what is well formed and drops what is not", () => {
    expect(COMPREHENSIVE.coverage.limits).toEqual([["windscreen", "50000.00"]]);
    expect(COMPREHENSIVE.coverage.addons.map((addon) => addon.code)).toEqual(["pvt"]);
    expect(COMPREHENSIVE.pricing.ageLoadings.map((loading) => loading.maxAge)).toEqual([5, 10]);
    expect(parseCoverage(null)).toEqual({ covers: [], limits: [], excess: null, exclusions: [], addons: [] });
    expect(parsePricing("nonsense")).toEqual({ ageLoadings: [] });
  });
});

describe("rateAsPercent", () => {
  it("moves the point from the string, never through a float", () => {
    expect(rateAsPercent("0.035")).toBe("3.5");
    expect(rateAsPercent("0.0025")).toBe("0.25");
    expect(rateAsPercent("0.01")).toBe("1");
    expect(rateAsPercent("0.07")).toBe("7"); // 0.07 * 100 is 7.000000000000001 as floats
    expect(rateAsPercent("1")).toBe("100");
  });
});

describe("prices", () => {
  it("compares decimals exactly and starts from the larger of base and minimum", () => {
    expect(compareDecimals("37500.00", "5000")).toBe(1);
    expect(compareDecimals("1.0", "1")).toBe(0);
    expect(startingPrice("5000.00", COMPREHENSIVE.pricing)).toBe("37500.00");
    expect(startingPrice("7500.00", parsePricing({}))).toBe("7500.00");
  });

  it("says the pricing rules in words, in either language", () => {
    const lines = priceRuleLines(COMPREHENSIVE, (amount) => `KES ${amount}`, (value) => `${value}%`);
    const english = lines.map((line) => translate("en", line.key, line.vars));
    expect(english).toEqual([
      "A base premium of KES 5000.00.",
      "Plus 3.5% of the value you insure (the sum insured).",
      "You pay at least KES 37500.00.",
      "Vehicles up to 5 years old: no loading.",
      "Vehicles up to 10 years old: the premium × 1.1.",
      "It covers vehicles up to 15 years old.",
      "The add-ons you choose are added to the premium.",
      "The cover lasts 12 months.",
    ]);
    const swahili = lines.map((line) => translate("sw", line.key, line.vars));
    expect(swahili[0]).toBe("Ada ya msingi ya KES 5000.00.");
    expect(swahili.at(-1)).toBe("Kinga inadumu kwa miezi 12.");
    expect(swahili.join(" ")).not.toMatch(/\{\w+\}/);
  });
});
