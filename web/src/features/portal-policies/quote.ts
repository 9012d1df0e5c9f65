/**
 * The quote form's rules (the server's, checked before sending so the customer hears them as they
 * type) and the price breakdown the server computed (insurehub/policies/pricing.py):
 *
 *   premium = max(min_premium, base_premium + rate_of_value x sum_insured) x age factor + add-ons
 *
 * Error values are catalogue keys under `portalPolicies.quote.error.*`.
 */
import { toCents } from "./money-math";
import { normaliseVin, vinProblem } from "./vin";

export type PaymentPlan = "annual" | "quarterly" | "monthly";
export const PAYMENT_PLANS: readonly PaymentPlan[] = ["annual", "quarterly", "monthly"];

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

export interface QuoteInput {
  product: string;
  vehicle: string;
  /** Blank: the vehicle's estimated value. */
  sumInsured: string;
  startDate: string;
  plan: PaymentPlan;
  addons: string[];
}

export interface ProductRules {
  category: string;
  pricing_rules?: unknown;
  coverage_details?: unknown;
}

export type QuoteErrors = Partial<Record<"product" | "vehicle" | "sumInsured" | "startDate", string>>;

export interface Addon {
  code: string;
  name: string;
  price: string;
}

/** The add-ons a product offers (coverage_details.addons). */
export function addonsOf(product: ProductRules | undefined): Addon[] {
  const details = product?.coverage_details as { addons?: unknown } | undefined;
  if (!details || !Array.isArray(details.addons)) return [];
  return details.addons.filter(
    (item): item is Addon =>
      typeof item === "object" && item !== null && typeof (item as Addon).code === "string" && typeof (item as Addon).price === "string",
  );
}

export function maxSumInsured(product: ProductRules | undefined): string | null {
  const rules = product?.pricing_rules as { max_sum_insured?: unknown } | undefined;
  return typeof rules?.max_sum_insured === "string" ? rules.max_sum_insured : null;
}

export function validateQuote(input: QuoteInput, product: ProductRules | undefined, today: string): QuoteErrors {
  const errors: QuoteErrors = {};
  if (!input.product || !product) errors.product = "productRequired";
  if (product?.category === "motor" && !input.vehicle) errors.vehicle = "vehicleRequired";
  const sum = input.sumInsured.trim().replace(/,/g, "");
  if (sum !== "") {
    if (!MONEY.test(sum) || toCents(sum) < 100n) errors.sumInsured = "sumInsuredInvalid";
    else {
      const limit = maxSumInsured(product);
      if (limit !== null && toCents(sum) > toCents(limit)) errors.sumInsured = "sumInsuredTooHigh";
    }
  } else if (product && product.category !== "motor") errors.sumInsured = "sumInsuredRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) errors.startDate = "startDateRequired";
  else if (input.startDate < today) errors.startDate = "startInPast";
  return errors;
}

/** The body of POST /api/policies/quote/ (only what the customer chose; the server defaults the rest). */
export function quoteBody(input: QuoteInput, offered: readonly Addon[]) {
  const codes = new Set(offered.map((addon) => addon.code));
  const sum = input.sumInsured.trim().replace(/,/g, "");
  return {
    policy_type: input.product,
    ...(input.vehicle ? { vehicle: input.vehicle } : {}),
    ...(sum ? { sum_insured: sum } : {}),
    start_date: input.startDate,
    payment_plan: input.plan,
    addons: input.addons.filter((code) => codes.has(code)),
  };
}

export interface NewVehicleInput {
  registration: string;
  vin: string;
  make: string;
  model: string;
  year: string;
  colour: string;
  estimatedValue: string;
}

export type VehicleErrors = Partial<Record<keyof NewVehicleInput, string>>;

export function normaliseRegistration(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

export function validateVehicle(input: NewVehicleInput, thisYear: number): VehicleErrors {
  const errors: VehicleErrors = {};
  if (!normaliseRegistration(input.registration)) errors.registration = "registrationRequired";
  const vin = normaliseVin(input.vin);
  const problem = vinProblem(vin);
  if (problem) errors.vin = problem.code;
  if (!input.make.trim()) errors.make = "makeRequired";
  if (!input.model.trim()) errors.model = "modelRequired";
  const year = Number(input.year);
  if (!/^\d{4}$/.test(input.year.trim()) || year < 1900 || year > thisYear + 1) errors.year = "yearInvalid";
  const value = input.estimatedValue.trim().replace(/,/g, "");
  if (!MONEY.test(value) || toCents(value) < 1n) errors.estimatedValue = "valueInvalid";
  return errors;
}

export function vehicleBody(input: NewVehicleInput) {
  return {
    registration: normaliseRegistration(input.registration),
    vin: normaliseVin(input.vin),
    make: input.make.trim(),
    model: input.model.trim(),
    year: Number(input.year),
    colour: input.colour.trim(),
    estimated_value: input.estimatedValue.trim().replace(/,/g, ""),
  };
}

export type BreakdownLine =
  | { kind: "base"; amount: string }
  | { kind: "value"; amount: string; rate: string; sumInsured: string }
  | { kind: "minimum"; amount: string }
  | { kind: "age"; factor: string; age: number }
  | { kind: "addon"; code: string; amount: string }
  | { kind: "total"; amount: string };

/** The server's breakdown (policy.quote_details) as lines to show, in the order it was computed. */
export function breakdownLines(details: unknown, sumInsured: string): BreakdownLine[] {
  if (typeof details !== "object" || details === null) return [];
  const d = details as Record<string, unknown>;
  const str = (key: string) => (typeof d[key] === "string" ? (d[key]) : null);
  const lines: BreakdownLine[] = [];
  const base = str("base_premium");
  const value = str("value_component");
  const rate = str("rate_of_value");
  const minimum = str("min_premium");
  if (base !== null) lines.push({ kind: "base", amount: base });
  if (value !== null && rate !== null && toCents(value) > 0n) lines.push({ kind: "value", amount: value, rate, sumInsured });
  if (base !== null && value !== null && minimum !== null && toCents(base) + toCents(value) < toCents(minimum)) {
    lines.push({ kind: "minimum", amount: minimum });
  }
  const factor = str("age_factor");
  if (factor !== null && Number(factor) !== 1 && typeof d.vehicle_age === "number") {
    lines.push({ kind: "age", factor, age: d.vehicle_age });
  }
  if (typeof d.addons === "object" && d.addons !== null) {
    for (const [code, amount] of Object.entries(d.addons as Record<string, unknown>)) {
      if (typeof amount === "string") lines.push({ kind: "addon", code, amount });
    }
  }
  const total = str("premium");
  if (total !== null) lines.push({ kind: "total", amount: total });
  return lines;
}

/** "0.035" -> "3.5" (per cent, for "3.5% of the sum insured"), exact for the rates products use. */
export function ratePercent(rate: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) return rate;
  const digits = `${match[1]}${(match[2] ?? "").padEnd(2, "0")}`;
  const whole = digits.slice(0, (match[1] ?? "").length + 2).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice((match[1] ?? "").length + 2).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
