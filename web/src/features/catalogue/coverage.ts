/**
 * A product's coverage and pricing rules, as the API sends them (JSON checked against the
 * server's schemas, insurehub/policies/schemas.py), read defensively into types, and the
 * pricing rules said in words:
 *
 *   premium = max(min_premium, base_premium + rate_of_value × sum insured) × age factor + add-ons
 */
import type { MessageKey, Vars } from "@/lib/i18n";

export interface Addon {
  code: string;
  name: string;
  price: string;
}

export interface Coverage {
  covers: string[];
  limits: [string, string][];
  excess: { amount: string; percent?: string } | null;
  exclusions: string[];
  addons: Addon[];
}

export interface Pricing {
  rateOfValue?: string;
  minPremium?: string;
  ageLoadings: { maxAge: number; factor: string }[];
  maxVehicleAge?: number;
  maxSumInsured?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function parseCoverage(value: unknown): Coverage {
  const json = isObject(value) ? value : {};
  const limits = isObject(json.limits)
    ? Object.entries(json.limits).filter((entry): entry is [string, string] => typeof entry[1] === "string")
    : [];
  const excess = isObject(json.excess) && typeof json.excess.amount === "string" ? json.excess : null;
  const addons = Array.isArray(json.addons)
    ? json.addons.filter(
        (item): item is Addon =>
          isObject(item) && typeof item.code === "string" && typeof item.name === "string" && typeof item.price === "string",
      )
    : [];
  return {
    covers: strings(json.covers),
    limits,
    excess: excess ? { amount: excess.amount as string, ...(text(excess.percent) ? { percent: text(excess.percent) } : {}) } : null,
    exclusions: strings(json.exclusions),
    addons,
  };
}

export function parsePricing(value: unknown): Pricing {
  const json = isObject(value) ? value : {};
  const loadings = Array.isArray(json.age_loadings)
    ? json.age_loadings
        .filter((item): item is Json => isObject(item) && typeof item.max_age === "number" && typeof item.factor === "string")
        .map((item) => ({ maxAge: item.max_age as number, factor: item.factor as string }))
        .sort((a, b) => a.maxAge - b.maxAge)
    : [];
  return {
    ...(text(json.rate_of_value) ? { rateOfValue: text(json.rate_of_value) } : {}),
    ...(text(json.min_premium) ? { minPremium: text(json.min_premium) } : {}),
    ageLoadings: loadings,
    ...(typeof json.max_vehicle_age === "number" ? { maxVehicleAge: json.max_vehicle_age } : {}),
    ...(text(json.max_sum_insured) ? { maxSumInsured: text(json.max_sum_insured) } : {}),
  };
}

const isZero = (decimal: string | undefined) => !decimal || !/[1-9]/.test(decimal);

/** "0.035" -> "3.5" (percent, from the string: no float error such as 3.5000000000000004). */
export function rateAsPercent(rate: string): string {
  const [units = "0", fraction = ""] = rate.split(".");
  const digits = units + fraction.padEnd(2, "0"); // the decimal point moved two places right
  const whole = digits.slice(0, units.length + 2).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(units.length + 2).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

/** The lowest price the rules allow before add-ons: max(base premium, minimum premium). */
export function startingPrice(basePremium: string, pricing: Pricing): string {
  const min = pricing.minPremium;
  if (!min) return basePremium;
  return compareDecimals(min, basePremium) > 0 ? min : basePremium;
}

/** Compares two non-negative decimal strings without floats. */
export function compareDecimals(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, "0"));
  const y = BigInt(bi + bf.padEnd(width, "0"));
  return x === y ? 0 : x > y ? 1 : -1;
}

export interface Line {
  key: MessageKey;
  vars?: Vars;
}

/**
 * The pricing rules as sentences (message keys with their variables); `money` formats an
 * amount in the product's currency, `percent` a percentage for the reader.
 */
export function priceRuleLines(
  product: { base_premium: string; term_months: number; pricing: Pricing; coverage: Coverage },
  money: (amount: string) => string,
  percent: (value: string) => string,
): Line[] {
  const { pricing } = product;
  const lines: Line[] = [{ key: "product.price.base", vars: { amount: money(product.base_premium) } }];
  if (pricing.rateOfValue && !isZero(pricing.rateOfValue)) {
    lines.push({ key: "product.price.rate", vars: { percent: percent(rateAsPercent(pricing.rateOfValue)) } });
  }
  if (pricing.minPremium && !isZero(pricing.minPremium)) {
    lines.push({ key: "product.price.min", vars: { amount: money(pricing.minPremium) } });
  }
  for (const loading of pricing.ageLoadings) {
    const none = compareDecimals(loading.factor, "1") === 0;
    lines.push({
      key: none ? "product.price.loadingNone" : "product.price.loading",
      vars: { years: loading.maxAge, factor: loading.factor.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "") },
    });
  }
  if (pricing.maxVehicleAge !== undefined) {
    lines.push({ key: "product.price.maxAge", vars: { years: pricing.maxVehicleAge } });
  }
  if (pricing.maxSumInsured) lines.push({ key: "product.price.maxSum", vars: { amount: money(pricing.maxSumInsured) } });
  if (product.coverage.addons.length > 0) lines.push({ key: "product.price.addons" });
  lines.push({
    key: product.term_months === 1 ? "product.price.term.one" : "product.price.term.other",
    vars: { count: product.term_months },
  });
  return lines;
}
