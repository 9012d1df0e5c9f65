/**
 * The new-and-settled line chart (Recharts). Its own chunk, loaded when the chart nears the screen
 * (trend-panel.tsx), so the charting library never delays the figures.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

import type { Trend } from "../api/dashboard";
import { formatCount } from "../figures";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

function formatTick(day: string, long: boolean): string {
  const date = new Date(`${day}T00:00:00Z`);
  return long ? MONTH.format(date) : DAY.format(date);
}

interface TrendChartProps {
  days: Trend["days"];
  title: string;
  description: string;
}

export default function TrendChart({ days, title, description }: TrendChartProps) {
  const long = days.length > 92;
  return (
    <LineChart
      data={days}
      responsive
      style={{ width: "100%", height: 260 }}
      margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      title={title}
      desc={description}
    >
      <CartesianGrid vertical={false} stroke="var(--color-border)" />
      <XAxis
        dataKey="day"
        tickFormatter={(day: string) => formatTick(day, long)}
        minTickGap={24}
        tickLine={false}
        axisLine={false}
        tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
      />
      <YAxis
        allowDecimals={false}
        tickLine={false}
        axisLine={false}
        width={48}
        tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
      />
      <Tooltip
        labelFormatter={(day) => (typeof day === "string" ? formatTick(day, false) : "")}
        formatter={(value, name) => [formatCount(Number(value)), name]}
        contentStyle={{ borderRadius: 8, borderColor: "var(--color-border)", fontSize: 12 }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        type="monotone"
        dataKey="new"
        name="Filed"
        stroke="var(--color-primary)"
        strokeWidth={2}
        dot={days.length <= 31}
        isAnimationActive={false}
      />
      <Line
        type="monotone"
        dataKey="settled"
        name="Settled"
        stroke="var(--color-success)"
        strokeWidth={2}
        dot={days.length <= 31}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
