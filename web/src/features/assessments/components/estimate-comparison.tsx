import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";

import { comparisonQuery, type Comparison, type Estimate } from "../api/assessments";
import { LINE_KIND_LABELS, SOURCE_LABELS } from "../vocabulary";

type Cell = Comparison["lines"][number]["cells"][number];

function estimateName(estimate: Pick<Estimate, "source" | "supplier">): string {
  const source = SOURCE_LABELS[estimate.source] ?? estimate.source;
  return estimate.supplier ? `${source}: ${estimate.supplier}` : source;
}

function signed(amount: string | null, currency: string): string {
  if (amount === null) return "";
  return amount.startsWith("-") ? formatMoney(amount, currency) : `+${formatMoney(amount, currency)}`;
}

function percent(value: string | null): string {
  if (value === null) return "";
  return `${value.startsWith("-") ? "" : "+"}${value}%`;
}

const FLAG_TEXT: Record<NonNullable<Cell["flag"]>, string> = {
  missing: "Missing here",
  not_in_baseline: "Not in the baseline",
  variance: "Differs beyond the threshold",
};

function AmountCell({ cell, currency, baseline }: { cell: Cell; currency: string; baseline: boolean }) {
  const flagged = cell.flag !== null;
  return (
    <TableCell
      data-flag={cell.flag ?? undefined}
      className={cn("text-right align-top tabular-nums", flagged && "bg-amber-50")}
    >
      <div className="grid justify-items-end gap-0.5">
        <span className={cn(cell.amount === null && "text-muted-foreground")}>
          {cell.amount === null ? "—" : formatMoney(cell.amount, currency)}
        </span>
        {!baseline && cell.difference !== null && cell.difference !== "0.00" && (
          <span className="text-xs text-muted-foreground">
            {signed(cell.difference, currency)} {cell.variance_percent !== null && `(${percent(cell.variance_percent)})`}
          </span>
        )}
        {flagged && (
          <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-900">
            <TriangleAlert className="size-3" aria-hidden="true" />
            {FLAG_TEXT[cell.flag!]}
          </span>
        )}
      </div>
    </TableCell>
  );
}

interface EstimateComparisonProps {
  assessmentId: string;
  estimates: readonly Estimate[];
  baseline: string | null;
  onBaselineChange: (id: string | null) => void;
}

/**
 * The estimates side by side (`?compare=1`): one row per item matched across them, each one's
 * amount and its difference from the baseline; rows and cells beyond the variance threshold, or
 * missing on one side, are flagged (colour, icon AND words).
 */
export function EstimateComparison({ assessmentId, estimates, baseline, onBaselineChange }: EstimateComparisonProps) {
  const comparison = useQuery(comparisonQuery(assessmentId, baseline, estimates.length >= 2));
  if (estimates.length < 2) {
    return <p className="text-sm text-muted-foreground">Add a second estimate (a garage quote, say) to compare them side by side.</p>;
  }
  if (comparison.error) {
    return (
      <Alert variant="destructive">
        <AlertDescription>The comparison could not be made. {comparison.error.message}</AlertDescription>
      </Alert>
    );
  }
  if (!comparison.data) return <Skeleton className="h-48" aria-label="Loading the comparison" />;
  const data = comparison.data;
  const byId = new Map(estimates.map((estimate) => [estimate.id, estimate]));
  const columns = data.estimates;
  const currency = columns[0]?.currency ?? "KES";

  return (
    <div className="grid gap-3" data-comparison>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm" role="status">
          {data.flagged_lines === 0
            ? "No item differs beyond the threshold."
            : `${data.flagged_lines} of ${data.lines.length} ${data.lines.length === 1 ? "item is" : "items are"} flagged`}
          <span className="text-muted-foreground"> (threshold {data.threshold_percent}%).</span>
        </p>
        <div className="grid gap-1">
          <label htmlFor="comparison-baseline" className="text-xs font-medium text-muted-foreground">
            Compare against
          </label>
          <NativeSelect
            id="comparison-baseline"
            className="w-64"
            value={baseline ?? data.baseline}
            onChange={(event) => onBaselineChange(event.target.value)}
          >
            {estimates.map((estimate) => (
              <option key={estimate.id} value={estimate.id}>
                {estimateName(estimate)}
                {estimate.status === "accepted" ? " (accepted)" : ""}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <Table aria-label="Estimates compared" scrollLabel="Estimates compared, scrollable" className={cn(comparison.isPlaceholderData && "opacity-60")}>
        <TableHeader>
          <TableRow>
            <TableHead>Item</TableHead>
            {columns.map((column) => {
              const estimate = byId.get(column.estimate);
              return (
                <TableHead key={column.estimate} className="text-right">
                  <span className="grid justify-items-end leading-tight">
                    <span>{estimate ? estimateName(estimate) : SOURCE_LABELS[column.source as Estimate["source"]] ?? column.source}</span>
                    <span className="text-xs font-normal text-muted-foreground">
                      {column.estimate === data.baseline ? "baseline" : column.status === "accepted" ? "accepted" : column.status}
                    </span>
                  </span>
                </TableHead>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.lines.map((row) => (
            <TableRow key={row.key} data-flagged={row.flagged || undefined}>
              <TableCell className="align-top whitespace-normal">
                <span className="grid leading-tight">
                  <span className="font-medium">
                    {row.flagged && <span className="sr-only">Flagged: </span>}
                    {row.description}
                  </span>
                  <span className="text-xs text-muted-foreground">{LINE_KIND_LABELS[row.kind as keyof typeof LINE_KIND_LABELS] ?? row.kind}</span>
                </span>
              </TableCell>
              {row.cells.map((cell) => (
                <AmountCell key={cell.estimate} cell={cell} currency={currency} baseline={cell.estimate === data.baseline} />
              ))}
            </TableRow>
          ))}
          <TableRow className="border-t-2 font-semibold">
            <TableCell>Total (with tax)</TableCell>
            {columns.map((column) => (
              <TableCell
                key={column.estimate}
                className={cn("text-right align-top tabular-nums", column.flagged && "bg-amber-50")}
                data-flag={column.flagged ? "variance" : undefined}
              >
                <div className="grid justify-items-end gap-0.5">
                  <span>{formatMoney(column.total, column.currency)}</span>
                  {column.estimate !== data.baseline && (
                    <span className="text-xs font-normal text-muted-foreground">
                      {signed(column.difference, column.currency)} {column.variance_percent !== null && `(${percent(column.variance_percent)})`}
                    </span>
                  )}
                  {column.flagged && (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-900">
                      <TriangleAlert className="size-3" aria-hidden="true" />
                      {FLAG_TEXT.variance}
                    </span>
                  )}
                </div>
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
