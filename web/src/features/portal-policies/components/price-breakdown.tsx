import { useT } from "@/lib/i18n";

import { breakdownLines, ratePercent, type BreakdownLine } from "../quote";

/** The premium as the server computed it (policy.quote_details), step by step. */
export function PriceBreakdown({
  details,
  sumInsured,
  currency,
  addonNames,
}: {
  details: unknown;
  sumInsured: string;
  currency: string;
  addonNames: Record<string, string>;
}) {
  const { t, amount } = useT();
  const money = (value: string) => amount(value, currency);
  const label = (line: BreakdownLine): string => {
    switch (line.kind) {
      case "base":
        return t("quote.breakdown.base");
      case "value":
        return t("quote.breakdown.value", { rate: ratePercent(line.rate), sum: money(line.sumInsured) });
      case "minimum":
        return t("quote.breakdown.minimum", { amount: money(line.amount) });
      case "age":
        return t("quote.breakdown.age", { factor: line.factor, age: line.age });
      case "addon":
        return t("quote.breakdown.addon", { name: addonNames[line.code] ?? line.code });
      case "total":
        return t("quote.breakdown.total");
    }
  };
  const lines = breakdownLines(details, sumInsured);
  return (
    <dl className="flex flex-col divide-y text-sm" data-testid="price-breakdown">
      {lines.map((line, index) => (
        <div
          key={`${line.kind}-${index}`}
          className={line.kind === "total" ? "flex justify-between gap-3 py-2 text-base font-semibold" : "flex justify-between gap-3 py-2"}
        >
          <dt>{label(line)}</dt>
          <dd className="shrink-0 tabular-nums">
            {line.kind === "age" ? `× ${line.factor}` : line.kind === "minimum" ? "" : money(line.amount)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
