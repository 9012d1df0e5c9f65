import { formatMoney } from "@/lib/format";

import type { CatastropheFigures } from "../api/catastrophes";

/** The event's KPIs: claims, open, exposure, reserves, paid. */
export function FiguresTiles({ figures }: { figures: CatastropheFigures }) {
  const tiles = [
    { label: "Claims", value: String(figures.claims), testId: "kpi-claims" },
    { label: "Open", value: String(figures.open), testId: "kpi-open" },
    { label: "Exposure", value: formatMoney(figures.exposure, figures.currency), testId: "kpi-exposure" },
    { label: "Reserves", value: formatMoney(figures.reserves, figures.currency), testId: "kpi-reserves" },
    { label: "Paid", value: formatMoney(figures.paid, figures.currency), testId: "kpi-paid" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5 [&>*:last-child]:col-span-2 md:[&>*:last-child]:col-span-1">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-lg border bg-card p-3 shadow-sm">
          <dt className="text-xs font-medium text-muted-foreground">{tile.label}</dt>
          <dd className="mt-1 text-lg font-semibold break-words tabular-nums sm:text-xl" data-testid={tile.testId}>
            {tile.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
