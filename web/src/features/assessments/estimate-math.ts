/**
 * The estimate editor's PROVISIONAL totals, while lines are being typed. The totals that count are
 * the server's (insurehub/assessments/estimating.py), shown after saving; these follow the same
 * rules so the two agree: a line's net is quantity x unit price (hours x rate for labour), its tax
 * is net x tax rate / 100, each rounded half up to the cent per line, and the estimate's totals
 * are the sums of its lines.
 *
 * Arithmetic is on integers (BigInt), never floats: amounts are read from their decimal strings as
 * cents, quantities and rates as hundredths, so "0.1 + 0.2" is exactly 0.30 and 14-digit
 * amounts keep every digit.
 */

export type LineKind = "part" | "labour" | "paint" | "other";

export interface DraftLine {
  kind: LineKind;
  quantity: string;
  unit_price: string;
  hours: string;
  rate: string;
  tax_rate: string;
}

export interface LineAmounts {
  net: bigint;
  tax: bigint;
  total: bigint;
}

export interface ProvisionalTotals {
  lines: (LineAmounts | null)[];
  subtotal: bigint;
  tax: bigint;
  total: bigint;
  /** Lines left out because a number in them is not a valid amount yet. */
  incomplete: number;
}

const DECIMAL = /^\s*(\d*)(?:\.(\d*))?\s*$/;

/**
 * A non-negative decimal string as an integer count of `1 / 10^places` (cents for places = 2).
 * Null for anything that is not such a number, or with more decimals than `places`
 * (the API refuses those too). An empty string is null.
 */
export function parseScaled(value: string, places = 2): bigint | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  if (fraction.length > places) return null;
  return BigInt((whole || "0") + fraction.padEnd(places, "0"));
}

/** `value / divisor` rounded half up (values here are never negative). */
function divideHalfUp(value: bigint, divisor: bigint): bigint {
  return (value * 2n + divisor) / (divisor * 2n);
}

/** Cents as a decimal string with two places ("1234.50"), for formatMoney. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** One line's net, tax and total in cents; null while a number it needs is not valid. */
export function lineAmounts(line: DraftLine): LineAmounts | null {
  const taxRate = line.tax_rate.trim() === "" ? 0n : parseScaled(line.tax_rate);
  if (taxRate === null || taxRate > 10_000n) return null;
  let net: bigint;
  if (line.kind === "labour") {
    const hours = parseScaled(line.hours);
    const rate = parseScaled(line.rate);
    if (hours === null || rate === null) return null;
    net = divideHalfUp(hours * rate, 100n); // hundredths of an hour x cents -> cents
  } else {
    const quantity = line.quantity.trim() === "" ? 100n : parseScaled(line.quantity);
    const price = parseScaled(line.unit_price);
    if (quantity === null || price === null) return null;
    net = divideHalfUp(quantity * price, 100n);
  }
  const tax = divideHalfUp(net * taxRate, 10_000n); // tax rate in hundredths of a percent
  return { net, tax, total: net + tax };
}

export function provisionalTotals(lines: readonly DraftLine[]): ProvisionalTotals {
  const amounts = lines.map(lineAmounts);
  let subtotal = 0n;
  let tax = 0n;
  for (const amount of amounts) {
    if (!amount) continue;
    subtotal += amount.net;
    tax += amount.tax;
  }
  return { lines: amounts, subtotal, tax, total: subtotal + tax, incomplete: amounts.filter((a) => !a).length };
}
