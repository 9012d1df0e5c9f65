/**
 * Amounts and dates for the customer pages, in the reader's language (Intl).
 *
 * Amounts arrive from the API as decimal strings ("37500.00") with an ISO 4217 currency; they are
 * formatted from the string (Intl.NumberFormat accepts decimal strings, so no float rounding) and
 * without false decimals: "KES 37500.00" reads "Ksh 37,500", while real cents stay ("Ksh 37,500.50").
 * `whole: true` is for providers that take whole shillings only (M-Pesa): the cents are rounded up,
 * so what is shown is what will be asked for.
 */
import { LOCALES, type Language } from "./language";

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

export function formatAmount(
  amount: string | null | undefined,
  currency: string,
  language: Language,
  { whole = false }: { whole?: boolean } = {},
): string {
  if (amount == null || amount.trim() === "") return "—";
  const text = amount.trim();
  if (!DECIMAL.test(text)) return `${currency} ${text}`;
  const [units = "0", fraction = ""] = text.replace(/^-/, "").split(".");
  const hasCents = /[1-9]/.test(fraction);
  const sign = text.startsWith("-") ? "-" : "";
  // Whole shillings: cents round up (away from zero), in BigInt so no digit is lost.
  const value = (whole && hasCents ? `${sign}${(BigInt(units) + 1n).toString()}` : text) as `${number}`;
  const digits = hasCents && !whole ? 2 : 0;
  const formatter = new Intl.NumberFormat(LOCALES[language], {
    style: "currency",
    currency,
    currencyDisplay: "symbol",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    roundingMode: "trunc",
  });
  return formatter.format(value);
}

/** A plain number in the reader's language ("1,234"). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

function parse(value: string | Date | null | undefined): Date | null {
  if (value == null || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "29 November 2026" / "29 Novemba 2026"; a date-only string ("2026-11-29") is that calendar day. */
export function formatDate(value: string | Date | null | undefined, language: Language): string {
  const dateOnly = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (!date) return "—";
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(dateOnly ? { timeZone: "UTC" } : {}),
  }).format(date);
}

/** A date and a time of day in the reader's time zone. */
export function formatDateTime(value: string | Date | null | undefined, language: Language): string {
  const date = parse(value);
  if (!date) return "—";
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}
