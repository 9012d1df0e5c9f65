import { useRef } from "react";

import { useElementWidth } from "@/hooks/use-element-width";
import { formatDate } from "@/lib/format";

import { barsOf } from "../geometry";

/** The chart's widest drawing, in its own units; on a narrower screen one unit is one CSS pixel, so labels stay readable. */
const WIDTH = 600;
const HEIGHT = 160;
/** Room above the tallest bar for its count. */
const TOP = 16;
const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Claims filed per day as SVG bars (no chart library, nothing from another origin), with a table for screen readers. */
export function ByDayChart({ days }: { days: readonly { day: string; claims: number }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = Math.round(Math.min(WIDTH, Math.max(240, useElementWidth(ref, WIDTH))));
  const bars = barsOf(days, width, HEIGHT);
  return (
    <div ref={ref}>
      {days.length === 0 ? (
        <p className="text-sm text-muted-foreground">No claims filed yet.</p>
      ) : (
        <figure className="grid gap-2">
          <svg viewBox={`0 ${-TOP} ${width} ${HEIGHT + TOP + 20}`} className="h-48 w-full" role="img" aria-label="Claims filed per day">
            {bars.map((bar) => (
              <g key={bar.day}>
                <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="fill-primary" rx={2}>
                  <title>{`${formatDate(bar.day)}: ${bar.claims}`}</title>
                </rect>
                {bars.length <= 14 && (
                  <>
                    <text x={bar.x + bar.width / 2} y={bar.y - 4} textAnchor="middle" className="fill-foreground text-[12px] tabular-nums">
                      {bar.claims}
                    </text>
                    <text x={bar.x + bar.width / 2} y={HEIGHT + 14} textAnchor="middle" className="fill-muted-foreground text-[11px]">
                      {DAY_MONTH.format(new Date(`${bar.day}T00:00:00Z`))}
                    </text>
                  </>
                )}
              </g>
            ))}
          </svg>
          <table className="sr-only">
            <caption>Claims filed per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day}>
                  <td>{formatDate(day.day)}</td>
                  <td>{day.claims}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </div>
  );
}
