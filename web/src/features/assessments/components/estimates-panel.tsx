import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BadgeCheck, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDateTime, formatMoney } from "@/lib/format";

import { acceptEstimate, assessmentKeys, deleteEstimate, estimatesQuery, type Estimate } from "../api/assessments";
import { ESTIMATE_STATUS_LABELS, LINE_KIND_LABELS, SOURCE_LABELS } from "../vocabulary";
import { EstimateComparison } from "./estimate-comparison";
import { EstimateEditor } from "./estimate-editor";

function quantityText(line: Estimate["lines"][number]): string {
  return line.kind === "labour" ? `${line.hours ?? "—"} h` : line.quantity;
}

function EstimateCard({
  assessmentId,
  estimate,
  editable,
  onEdit,
}: {
  assessmentId: string;
  estimate: Estimate;
  editable: boolean;
  onEdit: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) });
  const accept = useMutation({ mutationFn: () => acceptEstimate(assessmentId, estimate.id), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteEstimate(assessmentId, estimate.id), onSuccess: refresh });
  const accepted = estimate.status === "accepted";
  const name = `${SOURCE_LABELS[estimate.source]}${estimate.supplier ? `: ${estimate.supplier}` : ""}`;
  const titleId = `estimate-${estimate.id}-title`;
  const error = accept.error ?? remove.error;

  return (
    <article aria-labelledby={titleId} className={cn("grid gap-3 rounded-lg border p-4", accepted && "border-emerald-600/60 bg-emerald-50/40")} data-estimate={estimate.id}>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-0.5">
          <h3 id={titleId} className="font-semibold">
            {name}
          </h3>
          <p className="text-xs text-muted-foreground">
            {estimate.reference ? `Ref. ${estimate.reference} · ` : ""}
            {estimate.lines.length} {estimate.lines.length === 1 ? "line" : "lines"} · added {formatDateTime(estimate.created_at)}
          </p>
        </div>
        <span
          className={cn(
            "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium",
            accepted ? "bg-emerald-700 text-white" : "bg-muted",
          )}
        >
          {accepted && <BadgeCheck className="size-3.5" aria-hidden="true" />}
          {ESTIMATE_STATUS_LABELS[estimate.status]}
        </span>
      </header>
      {estimate.lines.length > 0 && (
        <Table aria-label={`Lines of ${name}`} scrollLabel={`Lines of ${name}, scrollable`}>
          <TableHeader>
            <TableRow>
              <TableHead>Item</TableHead>
              <TableHead className="text-right">Qty / hours</TableHead>
              <TableHead className="hidden text-right sm:table-cell">Price / rate</TableHead>
              <TableHead className="hidden text-right sm:table-cell">Tax</TableHead>
              <TableHead className="text-right">Total</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {estimate.lines.map((line) => (
              <TableRow key={line.position}>
                <TableCell className="whitespace-normal">
                  <span className="grid leading-tight">
                    <span>{line.description}</span>
                    <span className="text-xs text-muted-foreground">
                      {LINE_KIND_LABELS[line.kind]}
                      {line.part_number ? ` · ${line.part_number}` : ""}
                    </span>
                  </span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{quantityText(line)}</TableCell>
                <TableCell className="hidden text-right tabular-nums sm:table-cell">
                  {formatMoney(line.kind === "labour" ? line.rate : line.unit_price, estimate.currency)}
                </TableCell>
                <TableCell className="hidden text-right tabular-nums sm:table-cell">{line.tax_rate}%</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(line.total, estimate.currency)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <dl className="ml-auto grid grid-cols-[auto_auto] gap-x-6 gap-y-0.5 text-sm tabular-nums" aria-label={`Totals of ${name}, as the server computed them`}>
        <dt className="text-muted-foreground">Subtotal</dt>
        <dd className="text-right">{formatMoney(estimate.subtotal, estimate.currency)}</dd>
        <dt className="text-muted-foreground">Tax</dt>
        <dd className="text-right">{formatMoney(estimate.tax_total, estimate.currency)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold" data-total>
          {formatMoney(estimate.total, estimate.currency)}
        </dd>
      </dl>
      {error && (
        <Alert variant="destructive">
          <AlertDescription>{error.message}</AlertDescription>
        </Alert>
      )}
      {editable && (
        <footer className="flex flex-wrap items-center gap-2 border-t pt-3">
          {!accepted && (
            <Button size="sm" disabled={accept.isPending || estimate.lines.length === 0} onClick={() => accept.mutate()}>
              <BadgeCheck aria-hidden="true" />
              {accept.isPending ? "Accepting…" : "Accept"}
            </Button>
          )}
          {!accepted && (
            <Button size="sm" variant="outline" onClick={onEdit}>
              <Pencil aria-hidden="true" />
              Edit
            </Button>
          )}
          {confirming ? (
            <span className="inline-flex items-center gap-2">
              <span className="text-sm">Delete this estimate?</span>
              <Button size="sm" variant="destructive" disabled={remove.isPending} onClick={() => remove.mutate()}>
                Delete estimate
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </span>
          ) : (
            <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setConfirming(true)}>
              <Trash2 aria-hidden="true" />
              Delete…
            </Button>
          )}
          {accepted && <span className="text-xs text-muted-foreground">The accepted estimate cannot be edited; accept another one instead.</span>}
        </footer>
      )}
    </article>
  );
}

interface EstimatesPanelProps {
  assessmentId: string;
  currency: string;
  editable: boolean;
}

/** The estimates: each with its lines and the server's totals; add, edit, accept, delete; the comparison. */
export function EstimatesPanel({ assessmentId, currency, editable }: EstimatesPanelProps) {
  const estimates = useQuery(estimatesQuery(assessmentId));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ estimate: Estimate | null; key: number } | null>(null);
  const [baseline, setBaseline] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (estimates.isPending) return <Skeleton className="h-64" aria-label="Loading estimates" />;
  if (estimates.error) {
    return (
      <Alert variant="destructive">
        <AlertDescription>The estimates could not be loaded. {estimates.error.message}</AlertDescription>
      </Alert>
    );
  }
  const list = estimates.data;
  const knownBaseline = baseline && list.some((estimate) => estimate.id === baseline) ? baseline : null;

  return (
    <div className="grid gap-6">
      <section aria-labelledby="estimates-title" className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="estimates-title" className="text-lg font-semibold">
            Estimates
          </h2>
          {editable && (
            <Button size="sm" onClick={() => setEditing({ estimate: null, key: Date.now() })}>
              <Plus aria-hidden="true" />
              New estimate
            </Button>
          )}
        </div>
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
        {list.length === 0 ? (
          <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
            No estimate yet. Add yours, and the garage&apos;s quote when it comes in.
          </p>
        ) : (
          <div className="grid gap-3">
            {list.map((estimate) => (
              <EstimateCard
                key={estimate.id}
                assessmentId={assessmentId}
                estimate={estimate}
                editable={editable}
                onEdit={() => setEditing({ estimate, key: Date.now() })}
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="comparison-title" className="grid gap-3">
        <h2 id="comparison-title" className="text-lg font-semibold">
          Side-by-side comparison
        </h2>
        <EstimateComparison assessmentId={assessmentId} estimates={list} baseline={knownBaseline} onBaselineChange={setBaseline} />
      </section>
      {editing && (
        <EstimateEditor
          key={editing.key}
          assessmentId={assessmentId}
          currency={currency}
          estimate={editing.estimate}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          onSaved={(estimate) => {
            setEditing(null);
            setSaved(`Saved. The server's total: ${formatMoney(estimate.total, estimate.currency)}.`);
            void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) });
          }}
        />
      )}
    </div>
  );
}
