import { describe, expect, it } from "vitest";

import {
  addonsOf,
  breakdownLines,
  quoteBody,
  ratePercent,
  validateQuote,
  validateVehicle,
  vehicleBody,
  type QuoteInput,
} from "./quote";

const motor = {
  category: "motor",
  pricing_rules: { rate_of_value: "0.035", min_premium: "37500.00", max_sum_insured: "20000000.00" },
  coverage_details: {
    addons: [
      { code: "courtesy_car", name: "Courtesy car (10 days)", price: "3000.00" },
      { code: "pvt", name: "Political violence and terrorism", price: "2500.00" },
    ],
  },
};
const input: QuoteInput = {
  product: "p1",
  vehicle: "v1",
  sumInsured: "",
  startDate: "2026-12-01",
  plan: "quarterly",
  addons: ["pvt", "gone"],
};

describe("validateQuote", () => {
  it("accepts a motor quote on the vehicle's value", () => {
    expect(validateQuote(input, motor, "2026-11-29")).toEqual({});
  });

  it("names what is missing or wrong", () => {
    expect(validateQuote({ ...input, product: "" }, undefined, "2026-11-29").product).toBe("productRequired");
    expect(validateQuote({ ...input, vehicle: "" }, motor, "2026-11-29").vehicle).toBe("vehicleRequired");
    expect(validateQuote({ ...input, sumInsured: "12.345" }, motor, "2026-11-29").sumInsured).toBe("sumInsuredInvalid");
    expect(validateQuote({ ...input, sumInsured: "0.50" }, motor, "2026-11-29").sumInsured).toBe("sumInsuredInvalid");
    expect(validateQuote({ ...input, sumInsured: "20,000,000.01" }, motor, "2026-11-29").sumInsured).toBe(
      "sumInsuredTooHigh",
    );
    expect(validateQuote({ ...input, startDate: "2026-11-28" }, motor, "2026-11-29").startDate).toBe("startInPast");
    expect(validateQuote({ ...input, startDate: "" }, motor, "2026-11-29").startDate).toBe("startDateRequired");
    expect(validateQuote({ ...input, vehicle: "" }, { category: "health" }, "2026-11-29")).toEqual({
      sumInsured: "sumInsuredRequired",
    });
  });
});

describe("quoteBody", () => {
  it("sends what was chosen, only add-ons the product offers, the sum without separators", () => {
    expect(quoteBody(input, addonsOf(motor))).toEqual({
      policy_type: "p1",
      vehicle: "v1",
      start_date: "2026-12-01",
      payment_plan: "quarterly",
      addons: ["pvt"],
    });
    expect(quoteBody({ ...input, sumInsured: "1,500,000" }, []).sum_insured).toBe("1500000");
  });
});

describe("vehicles", () => {
  const car = {
    registration: "kdq 123a",
    vin: "wvwzzz1jz xw000001",
    make: " Toyota ",
    model: "Axio",
    year: "2024",
    colour: "",
    estimatedValue: "1,800,000",
  };

  it("validates and normalises a new vehicle", () => {
    expect(validateVehicle(car, 2026)).toEqual({});
    expect(vehicleBody(car)).toEqual({
      registration: "KDQ123A",
      vin: "WVWZZZ1JZXW000001",
      make: "Toyota",
      model: "Axio",
      year: 2024,
      colour: "",
      estimated_value: "1800000",
    });
  });

  it("names each problem, the VIN's by its server code", () => {
    expect(
      validateVehicle({ ...car, registration: " ", vin: "1M8GDM9A1KP042788", year: "2028", estimatedValue: "0" }, 2026),
    ).toEqual({
      registration: "registrationRequired",
      vin: "vin_check_digit",
      year: "yearInvalid",
      estimatedValue: "valueInvalid",
    });
  });
});

describe("breakdownLines", () => {
  it("shows the server's steps: base, share of value, age loading, add-ons, total", () => {
    const details = {
      base_premium: "5000.00",
      rate_of_value: "0.035",
      value_component: "63000.00",
      min_premium: "37500.00",
      age_factor: "1.1",
      vehicle_age: 7,
      addons: { courtesy_car: "3000.00" },
      premium: "77900.00",
    };
    expect(breakdownLines(details, "1800000.00")).toEqual([
      { kind: "base", amount: "5000.00" },
      { kind: "value", amount: "63000.00", rate: "0.035", sumInsured: "1800000.00" },
      { kind: "age", factor: "1.1", age: 7 },
      { kind: "addon", code: "courtesy_car", amount: "3000.00" },
      { kind: "total", amount: "77900.00" },
    ]);
  });

  it("says when the minimum premium applied and leaves out a factor of 1", () => {
    const details = {
      base_premium: "5000.00",
      rate_of_value: "0.035",
      value_component: "17500.00",
      min_premium: "37500.00",
      age_factor: "1",
      vehicle_age: 0,
      addons: {},
      premium: "37500.00",
    };
    expect(breakdownLines(details, "500000.00").map((line) => line.kind)).toEqual(["base", "value", "minimum", "total"]);
    expect(breakdownLines(null, "1")).toEqual([]);
  });

  it("writes rates as per cent exactly", () => {
    expect(ratePercent("0.035")).toBe("3.5");
    expect(ratePercent("0.0025")).toBe("0.25");
    expect(ratePercent("1")).toBe("100");
    expect(ratePercent("0.01")).toBe("1");
  });
});
