/**
 * How the dashboard writes its figures and their change against the previous period. Every figure
 * is shown exactly as the API gives it (counts grouped, rates as percentages with the API's two
 * decimals, days as sent, money from its decimal string); changes are computed only for counts,
 * rates and days, never for money (money is compared exactly, digit by digit, for the arrow only).
 */

const COUNT = new Intl.NumberFormat("en-GB");
const DAYS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const PERCENT_CHANGE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

export function formatCount(value: number | null | undefined): string {
  return value == null ? "—" : COUNT.format(value);
}

/** A share from 0 to 1 with four decimals (the API's precision) as "84.62%". */
export function formatRate(value: number | null | undefined): string {
  return value == null ? "—" : `${(value * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

export function formatDays(value: number | null | undefined): string {
  if (value == null) return "—";
  return `${DAYS.format(value)} ${value === 1 ? "day" : "days"}`;
}

export type Direction = "up" | "down" | "same";
/** Whether the change is good news: green for better, red for worse, neutral when it is neither. */
export type Tone = "better" | "worse" | "neutral";

export interface Change {
  direction: Direction;
  tone: Tone;
  /** Short text beside the arrow: "+10 (+40%)", "−1.42 days", "−11.03 pts". */
  text: string;
  /** The previous period's figure, as shown: "25", "16.96 days", "95.65%". */
  previous: string;
  /** The whole comparison as a sentence, for screen readers and tooltips. */
  sentence: string;
}

type Better = "up" | "down" | "neither";

function toneOf(direction: Direction, better: Better): Tone {
  if (direction === "same" || better === "neither") return "neutral";
  return direction === better ? "better" : "worse";
}

function directionOf(delta: number): Direction {
  return delta > 0 ? "up" : delta < 0 ? "down" : "same";
}

function signed(text: string, delta: number): string {
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}

/** A count against the previous period's: "+10 (+40%)". */
export function compareCounts(current: number, previous: number, period: string, better: Better = "neither"): Change {
  const delta = current - previous;
  const direction = directionOf(delta);
  const percent = previous === 0 ? null : (Math.abs(delta) / previous) * 100;
  const absolute = signed(COUNT.format(Math.abs(delta)), delta);
  const text = delta === 0 ? "no change" : percent === null ? absolute : `${absolute} (${signed(PERCENT_CHANGE.format(percent), delta)}%)`;
  const sentence =
    delta === 0
      ? `The same as the ${period} (${COUNT.format(previous)}).`
      : `${direction === "up" ? "Up" : "Down"} ${COUNT.format(Math.abs(delta))}${percent === null ? "" : ` (${PERCENT_CHANGE.format(percent)}%)`} from ${COUNT.format(previous)} in the ${period}.`;
  return { direction, tone: toneOf(direction, better), text, previous: COUNT.format(previous), sentence };
}

/** Shares (0-1) compared in percentage points: "−11.03 pts". Null when either is missing. */
export function compareRates(current: number | null, previous: number | null, period: string, better: Better = "neither"): Change | null {
  if (current == null || previous == null) return null;
  const points = Math.round((current - previous) * 10_000) / 100;
  const direction = directionOf(points);
  const size = Math.abs(points).toFixed(2).replace(/\.?0+$/, "");
  const text = points === 0 ? "no change" : `${signed(size, points)} pts`;
  const sentence =
    points === 0
      ? `The same as the ${period} (${formatRate(previous)}).`
      : `${direction === "up" ? "Up" : "Down"} ${size} percentage points from ${formatRate(previous)} in the ${period}.`;
  return { direction, tone: toneOf(direction, better), text, previous: formatRate(previous), sentence };
}

/** Durations in days: "−1.42 days". Null when either is missing. */
export function compareDays(current: number | null, previous: number | null, period: string, better: Better = "down"): Change | null {
  if (current == null || previous == null) return null;
  const delta = Math.round((current - previous) * 100) / 100;
  const direction = directionOf(delta);
  const text = delta === 0 ? "no change" : signed(formatDays(Math.abs(delta)), delta);
  const sentence =
    delta === 0
      ? `The same as the ${period} (${formatDays(previous)}).`
      : `${direction === "up" ? "Up" : "Down"} ${formatDays(Math.abs(delta))} from ${formatDays(previous)} in the ${period}.`;
  return { direction, tone: toneOf(direction, better), text, previous: formatDays(previous), sentence };
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** A decimal money string in cents, exactly (BigInt), or null when it is not one. */
export function moneyCents(amount: string): bigint | null {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return null;
  const [, minus, whole = "0", fraction = ""] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
  return minus ? -cents : cents;
}

/** Which way a money figure moved, compared exactly (no arithmetic in floats). */
export function moneyDirection(current: string, previous: string): Direction | null {
  const a = moneyCents(current);
  const b = moneyCents(previous);
  if (a === null || b === null) return null;
  return a > b ? "up" : a < b ? "down" : "same";
}

/** "previous 30 days" for a range of 30 days. */
export function previousPeriodName(days: number): string {
  return days === 1 ? "previous day" : `previous ${COUNT.format(days)} days`;
}
