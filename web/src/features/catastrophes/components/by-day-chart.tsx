import { formatDate } from "@/lib/format";

import { barsOf } from "../geometry";

const WIDTH = 600;
const HEIGHT = 160;

/** Claims filed per day as SVG bars (no chart library, nothing from another origin), with a table for screen readers. */
export function ByDayChart({ days }: { days: readonly { day: string; claims: number }[] }) {
  if (days.length === 0) return <p className="text-sm text-muted-foreground">No claims filed yet.</p>;
  const bars = barsOf(days, WIDTH, HEIGHT);
  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} className="h-48 w-full" role="img" aria-label="Claims filed per day">
        {bars.map((bar) => (
          <g key={bar.day}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="fill-primary" rx={2}>
              <title>{`${formatDate(bar.day)}: ${bar.claims}`}</title>
            </rect>
            {bars.length <= 14 && (
              <text x={bar.x + bar.width / 2} y={HEIGHT + 14} textAnchor="middle" className="fill-muted-foreground text-[10px]">
                {bar.day.slice(5)}
              </text>
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
  );
}
