import type { components } from "@/lib/api";
import { formatMoney } from "@/lib/format";

/**
 * A bulk reserve rule (`POST /api/claims/bulk/reserve/`), as a form holds it and as the API takes
 * it, with the figure it gives a claim computed exactly as the server does (cents, half up): a
 * fixed `amount`, or `percent` of the claim's estimate raised to `floor` and lowered to `cap`.
 */
export type ReserveRule = components["schemas"]["BulkReserveRuleRequest"];
export type CostType = components["schemas"]["CostTypeEnum"];

export const COST_TYPE_LABELS: Record<CostType, string> = {
  own_damage: "Own vehicle damage",
  third_party: "Third-party property",
  injury: "Injury",
  legal: "Legal",
  expenses: "Expenses",
};
export const COST_TYPES = Object.keys(COST_TYPE_LABELS) as CostType[];

export interface ReserveRuleDraft {
  cost_type: CostType | "";
  basis: "fixed" | "estimate";
  amount: string;
  percent: string;
  floor: string;
  cap: string;
  only_raise: boolean;
}

export const EMPTY_RULE: ReserveRuleDraft = {
  cost_type: "own_damage",
  basis: "estimate",
  amount: "",
  percent: "",
  floor: "",
  cap: "",
  only_raise: true,
};

export type RuleErrors = Partial<Record<"cost_type" | "amount" | "percent" | "floor" | "cap", string>>;

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,4}(\.\d{1,2})?$/;

/** Cents of a money string ("1,234.5" -> 123450n), or null when it is not an amount. */
export function toCents(value: string): bigint | null {
  const text = value.replaceAll(",", "").trim();
  if (!MONEY.test(text)) return null;
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

export function fromCents(cents: bigint): string {
  const whole = cents / 100n;
  const fraction = (cents % 100n).toString().padStart(2, "0");
  return `${whole}.${fraction}`;
}

/** The rule the API takes, or the message for each field that is wrong. */
export function validateRule(draft: ReserveRuleDraft): { rule: ReserveRule | null; errors: RuleErrors } {
  const errors: RuleErrors = {};
  if (!draft.cost_type) errors.cost_type = "Choose the cost type to reserve for.";
  const optionalMoney = (name: "floor" | "cap") => {
    const value = draft[name].trim();
    if (value && toCents(value) === null) errors[name] = "An amount, e.g. 20000 or 20000.50.";
    return value ? fromCents(toCents(value) ?? 0n) : undefined;
  };
  if (draft.basis === "fixed") {
    const cents = toCents(draft.amount);
    if (cents === null) errors.amount = "The amount to reserve on every claim, e.g. 50000.";
    if (Object.keys(errors).length > 0 || cents === null || !draft.cost_type) return { rule: null, errors };
    return {
      rule: { cost_type: draft.cost_type, basis: "fixed", amount: fromCents(cents), only_raise: draft.only_raise },
      errors,
    };
  }
  const percent = draft.percent.trim();
  if (!PERCENT.test(percent) || Number(percent) <= 0 || Number(percent) > 1000) {
    errors.percent = "A percentage of the estimate above 0 and up to 1000, e.g. 80.";
  }
  const floor = optionalMoney("floor");
  const cap = optionalMoney("cap");
  if (floor !== undefined && cap !== undefined && !errors.floor && !errors.cap) {
    if ((toCents(cap) ?? 0n) < (toCents(floor) ?? 0n)) errors.cap = "The cap is below the floor.";
  }
  if (Object.keys(errors).length > 0 || !draft.cost_type) return { rule: null, errors };
  const rule: ReserveRule = { cost_type: draft.cost_type, basis: "estimate", percent, only_raise: draft.only_raise };
  if (floor !== undefined) rule.floor = floor;
  if (cap !== undefined) rule.cap = cap;
  return { rule, errors };
}

/** Half-up division of non-negative big integers. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * The reserve the rule gives a claim with this estimate, as the server computes it; null when the
 * claim would be skipped for having no estimate (and the rule no floor).
 */
export function ruleFigure(rule: ReserveRule, estimate: string | null | undefined): string | null {
  if (rule.basis === "fixed") return fromCents(toCents(rule.amount ?? "0") ?? 0n);
  const floor = rule.floor ? toCents(rule.floor) : null;
  const cap = rule.cap ? toCents(rule.cap) : null;
  const estimateCents = estimate ? toCents(estimate) : null;
  if (estimateCents === null) return floor === null ? null : fromCents(floor);
  const [whole = "0", fraction = ""] = (rule.percent ?? "0").split(".");
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  let figure = divideHalfUp(estimateCents * hundredths, 10000n);
  if (floor !== null && figure < floor) figure = floor;
  if (cap !== null && figure > cap) figure = cap;
  return fromCents(figure);
}

/** The rule in words, for the confirmation and the audit trail the user reads. */
export function describeRule(rule: ReserveRule, currency = "KES"): string {
  const what = COST_TYPE_LABELS[rule.cost_type];
  if (rule.basis === "fixed") return `${what}: ${formatMoney(rule.amount ?? "0", currency)} on every claim`;
  const bounds = [
    rule.floor ? `at least ${formatMoney(rule.floor, currency)}` : "",
    rule.cap ? `at most ${formatMoney(rule.cap, currency)}` : "",
  ].filter(Boolean);
  return `${what}: ${rule.percent}% of each claim's estimate${bounds.length ? `, ${bounds.join(" and ")}` : ""}`;
}
