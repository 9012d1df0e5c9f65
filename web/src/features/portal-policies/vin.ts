/**
 * VINs checked as they are typed, with the server's rules (insurehub/vehicles/vin.py, ISO 3779):
 * upper case without spaces or dashes; 17 characters; no I, O or Q; the check digit (9th
 * character) where the region uses one (WMI starting 1-5: North America; L: China). Europe's VINs
 * carry none. The model year is read from the 10th character, which names a year in a 30-year
 * cycle: every candidate not after next year is given (the server's `vininfo` does the same).
 */
export type VinProblem =
  | { code: "vin_length"; length: number }
  | { code: "vin_characters" }
  | { code: "vin_check_digit"; found: string; expected: string };

const ALLOWED = /^[A-HJ-NPR-Z0-9]*$/;
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}; // prettier-ignore
for (let digit = 0; digit <= 9; digit += 1) TRANSLITERATION[String(digit)] = digit;
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
// The 10th character's year codes, in order from 1980 (A) to 2009 (9); the cycle repeats every 30 years.
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

export function normaliseVin(raw: string | null | undefined): string {
  return (raw ?? "").replace(/[\s-]/g, "").toUpperCase();
}

/** The check digit a VIN of allowed characters should carry at position 9. */
export function checkDigit(vin: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += (TRANSLITERATION[vin[index] ?? "0"] ?? 0) * (WEIGHTS[index] ?? 0);
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

export function usesCheckDigit(vin: string): boolean {
  return "12345L".includes(vin[0] ?? "");
}

/** What is wrong with a normalised VIN, null when nothing is. */
export function vinProblem(vin: string): VinProblem | null {
  if (vin.length !== 17) return { code: "vin_length", length: vin.length };
  if (!ALLOWED.test(vin)) return { code: "vin_characters" };
  if (usesCheckDigit(vin) && vin[8] !== checkDigit(vin)) {
    return { code: "vin_check_digit", found: vin[8] ?? "", expected: checkDigit(vin) };
  }
  return null;
}

/**
 * While typing: a problem only once it is certain (a forbidden character at once, the length
 * and check digit once 17 characters are in), so the customer is not scolded mid-word.
 */
export function vinProblemWhileTyping(vin: string): VinProblem | null {
  if (!ALLOWED.test(vin)) return { code: "vin_characters" };
  if (vin.length < 17) return null;
  return vinProblem(vin);
}

/** The model years the 10th character can mean, newest first, none after `latestYear`. */
export function possibleModelYears(vin: string, latestYear: number): number[] {
  if (vinProblem(vin) !== null) return [];
  const index = YEAR_CODES.indexOf(vin[9] ?? "");
  if (index < 0) return [];
  const years: number[] = [];
  for (let year = 1980 + index; year <= latestYear; year += 30) years.unshift(year);
  return years;
}

/** A VIN with the right check digit put in position 9 (for examples and tests). */
export function withCheckDigit(vin: string): string {
  const clean = normaliseVin(vin);
  return `${clean.slice(0, 8)}${checkDigit(clean)}${clean.slice(9)}`;
}

/** What the server's VIN decoding (`GET /api/integrations/vin/{vin}/`, its `offline` part) says of the car. */
export interface DecodedVin {
  manufacturer: string | null;
  country: string | null;
  modelYears: number[];
}

/** Reads the decoding's `offline` JSON defensively (the schema types it as free JSON). */
export function readDecodedVin(offline: unknown): DecodedVin {
  const value = (offline ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === "string" && value[key] !== "" ? value[key] : null);
  const years = Array.isArray(value.model_years)
    ? value.model_years.filter((year): year is number => Number.isInteger(year)).sort((a, b) => b - a)
    : [];
  return { manufacturer: text("manufacturer"), country: text("country"), modelYears: years };
}
