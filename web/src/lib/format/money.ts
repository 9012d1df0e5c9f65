/**
 * Money as the API sends it: a decimal string with two places and an ISO 4217 currency
 * (DESIGN.md section 4). Formatted from the string itself, never through a float, so
 * "12345678901234.56" shows every digit: `formatMoney("12500.5", "KES")` -> "KES 12,500.50".
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

export function formatMoney(amount: string | null | undefined, currency = "KES"): string {
  if (amount == null || amount.trim() === "") return "—";
  const match = DECIMAL.exec(amount.trim());
  if (!match) return `${currency} ${amount}`;
  const [, minus, whole = "0", fraction = ""] = match;
  const grouped = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = fraction.padEnd(2, "0");
  return `${minus ? "−" : ""}${currency} ${grouped}.${cents}`;
}
