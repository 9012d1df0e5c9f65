import { useEffect, useState } from "react";

/**
 * The SLA countdown of a claim's header: how long until the claim is due (`sla_due_at`), or how
 * long since it breached. Pure, so it can be tested against a fixed clock; `useSlaCountdown` ticks it.
 *
 *   formatSla("2026-11-29T15:30:00Z", now)  -> { text: "3h 30m left", state: "ok" }
 *   formatSla("2026-11-29T09:00:00Z", now)  -> { text: "Breached 3h 0m ago", state: "breached" }
 */
export type SlaState = "none" | "ok" | "soon" | "breached";

export interface SlaView {
  /** What the header shows. */
  text: string;
  /** The same, for a screen reader (no abbreviations). */
  label: string;
  state: SlaState;
}

/** Under this much time left, the countdown turns amber. */
export const SLA_SOON_SECONDS = 4 * 3600;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** A duration in the two largest units: "2d 4h", "4h 12m", "12m 05s", "45s". */
export function formatDuration(totalSeconds: number): { short: string; long: string } {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days > 0) return { short: `${days}d ${hours}h`, long: `${plural(days, "day")} ${plural(hours, "hour")}` };
  if (hours > 0) return { short: `${hours}h ${pad(minutes)}m`, long: `${plural(hours, "hour")} ${plural(minutes, "minute")}` };
  if (minutes > 0) return { short: `${minutes}m ${pad(rest)}s`, long: `${plural(minutes, "minute")} ${plural(rest, "second")}` };
  return { short: `${rest}s`, long: plural(rest, "second") };
}

/**
 * `active`: whether the SLA still runs (an open claim). A draft, decided or finished claim has no
 * countdown, whatever its due time.
 */
export function formatSla(dueAt: string | null | undefined, now: Date, active = true): SlaView {
  const due = dueAt ? new Date(dueAt) : null;
  if (!active || !due || Number.isNaN(due.getTime())) {
    return { text: "No SLA running", label: "No SLA running", state: "none" };
  }
  const seconds = (due.getTime() - now.getTime()) / 1000;
  if (seconds <= 0) {
    const { short, long } = formatDuration(-seconds);
    return { text: `Breached ${short} ago`, label: `SLA breached ${long} ago`, state: "breached" };
  }
  const { short, long } = formatDuration(seconds);
  return {
    text: `${short} left`,
    label: `${long} left before the SLA is breached`,
    state: seconds <= SLA_SOON_SECONDS ? "soon" : "ok",
  };
}

/** How often the countdown needs to tick: every second in its last hour (or once breached, under an hour), else every 30 s. */
export function tickInterval(dueAt: string | null | undefined, now: Date): number {
  const due = dueAt ? new Date(dueAt).getTime() : Number.NaN;
  if (Number.isNaN(due)) return 60_000;
  return Math.abs(due - now.getTime()) < 3600_000 ? 1000 : 30_000;
}

/** The countdown, re-rendered as it ticks (every second near the due time, else every 30 s). */
export function useSlaCountdown(dueAt: string | null | undefined, active: boolean): SlaView {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active || !dueAt) return;
    const timer = setTimeout(() => setNow(new Date()), tickInterval(dueAt, now));
    return () => clearTimeout(timer);
  }, [active, dueAt, now]);
  return formatSla(dueAt, now, active);
}
