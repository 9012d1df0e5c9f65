import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { isApiError, type ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";

import { createEstimate, updateEstimate, type Estimate, type EstimateSource, type LineInput, type LineKind } from "../api/assessments";
import { centsToDecimal, provisionalTotals, type DraftLine } from "../estimate-math";
import { LINE_KIND_LABELS, SOURCE_LABELS } from "../vocabulary";

interface LineDraft extends DraftLine {
  key: number;
  description: string;
  part_number: string;
}

interface EstimateEditorProps {
  assessmentId: string;
  currency: string;
  /** The estimate to edit; a new one when null. */
  estimate: Estimate | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (estimate: Estimate) => void;
}

let lineKeys = 0;

function emptyLine(kind: LineKind = "part"): LineDraft {
  return { key: ++lineKeys, kind, description: "", part_number: "", quantity: "1", unit_price: "", hours: "", rate: "", tax_rate: "16" };
}

function linesOf(estimate: Estimate | null): LineDraft[] {
  if (!estimate) return [emptyLine()];
  return estimate.lines.map((line) => ({
    key: ++lineKeys,
    kind: line.kind,
    description: line.description,
    part_number: line.part_number,
    quantity: line.quantity,
    unit_price: line.unit_price,
    hours: line.hours ?? "",
    rate: line.rate ?? "",
    tax_rate: line.tax_rate,
  }));
}

/** What is sent: labour with hours and rate, other kinds with quantity and unit price. */
function lineInput(line: LineDraft): LineInput {
  const common = { kind: line.kind, description: line.description.trim(), part_number: line.part_number.trim(), tax_rate: line.tax_rate.trim() || "0" };
  return line.kind === "labour"
    ? { ...common, hours: line.hours.trim(), rate: line.rate.trim() }
    : { ...common, quantity: line.quantity.trim() || "1", unit_price: line.unit_price.trim() };
}

function fieldError(error: ApiError | null, field: string): string | undefined {
  return error?.fieldError(field);
}

function Cell({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("grid content-start gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

const MONEY = { inputMode: "decimal" as const, autoComplete: "off", className: "text-right tabular-nums" };

/**
 * An estimate's lines, typed in a dialog. While editing, the totals are PROVISIONAL (computed here
 * in integer cents by the server's rules); the totals that count are the server's, shown on the
 * estimate once saved. Field errors from the API appear next to the line's field.
 */
export function EstimateEditor({ assessmentId, currency, estimate, open, onOpenChange, onSaved }: EstimateEditorProps) {
  const [source, setSource] = useState<EstimateSource>(estimate?.source ?? "assessor");
  const [supplier, setSupplier] = useState(estimate?.supplier ?? "");
  const [reference, setReference] = useState(estimate?.reference ?? "");
  const [notes, setNotes] = useState(estimate?.notes ?? "");
  const [lines, setLines] = useState<LineDraft[]>(() => linesOf(estimate));
  const totals = provisionalTotals(lines);

  const save = useMutation({
    mutationFn: () => {
      const body = { source, supplier: supplier.trim(), reference: reference.trim(), notes, lines: lines.map(lineInput) };
      return estimate ? updateEstimate(assessmentId, estimate.id, body) : createEstimate(assessmentId, body);
    },
    onSuccess: (saved) => onSaved(saved),
  });
  const error = isApiError(save.error) ? save.error : null;
  const setLine = (key: number, change: Partial<LineDraft>) =>
    setLines((list) => list.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const lineFields = ["kind", "description", "part_number", "quantity", "unit_price", "hours", "rate", "tax_rate"];
  const shownElsewhere = (field: string | null) =>
    !!field && (["source", "supplier", "reference", "notes"].includes(field) || lineFields.some((f) => new RegExp(`^lines\\.\\d+\\.${f}$`).test(field)));
  const otherErrors = error ? error.problem.errors.filter((item) => !shownElsewhere(item.field)) : [];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[95svh] overflow-y-auto sm:max-w-6xl">
        <DialogHeader>
          <DialogTitle>{estimate ? "Edit estimate" : "New estimate"}</DialogTitle>
          <DialogDescription>
            Amounts in {currency}. Totals below are provisional; the server computes the totals that count when you save.
          </DialogDescription>
        </DialogHeader>
        <form
          id="estimate-form"
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <div className="grid gap-3 sm:grid-cols-3">
            <Cell id="estimate-source" label="Source" error={fieldError(error, "source")}>
              <NativeSelect id="estimate-source" value={source} onChange={(event) => setSource(event.target.value as EstimateSource)}>
                {(Object.keys(SOURCE_LABELS) as EstimateSource[]).map((value) => (
                  <option key={value} value={value}>
                    {SOURCE_LABELS[value]}
                  </option>
                ))}
              </NativeSelect>
            </Cell>
            <Cell id="estimate-supplier" label="Supplier (garage or company)" error={fieldError(error, "supplier")}>
              <Input id="estimate-supplier" maxLength={200} value={supplier} onChange={(event) => setSupplier(event.target.value)} />
            </Cell>
            <Cell id="estimate-reference" label="Their reference" error={fieldError(error, "reference")}>
              <Input id="estimate-reference" maxLength={100} value={reference} onChange={(event) => setReference(event.target.value)} />
            </Cell>
          </div>

          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Lines</legend>
            <ol className="grid gap-2">
              {lines.map((line, index) => {
                const at = (field: string) => `lines.${index}.${field}`;
                const id = (field: string) => `line-${line.key}-${field}`;
                const amounts = totals.lines[index];
                const labour = line.kind === "labour";
                const err = (field: string) => fieldError(error, at(field));
                const invalid = (field: string) =>
                  err(field) ? { "aria-invalid": true as const, "aria-describedby": `${id(field)}-error` } : {};
                return (
                  <li key={line.key} className="grid grid-cols-2 gap-2 rounded-md border p-2 sm:grid-cols-6 lg:grid-cols-[7rem_1fr_8rem_6rem_8rem_5rem_8rem_auto]" aria-label={`Line ${index + 1}`}>
                    <Cell id={id("kind")} label={`Line ${index + 1}: kind`} error={err("kind")}>
                      <NativeSelect id={id("kind")} value={line.kind} onChange={(event) => setLine(line.key, { kind: event.target.value as LineKind })} {...invalid("kind")}>
                        {(Object.keys(LINE_KIND_LABELS) as LineKind[]).map((kind) => (
                          <option key={kind} value={kind}>
                            {LINE_KIND_LABELS[kind]}
                          </option>
                        ))}
                      </NativeSelect>
                    </Cell>
                    <Cell id={id("description")} label="Description" error={err("description")} className="col-span-2 sm:col-span-3 lg:col-span-1">
                      <Input id={id("description")} maxLength={300} required value={line.description} onChange={(event) => setLine(line.key, { description: event.target.value })} {...invalid("description")} />
                    </Cell>
                    <Cell id={id("part_number")} label="Part number" error={err("part_number")}>
                      <Input id={id("part_number")} maxLength={64} value={line.part_number} onChange={(event) => setLine(line.key, { part_number: event.target.value })} {...invalid("part_number")} />
                    </Cell>
                    {labour ? (
                      <>
                        <Cell id={id("hours")} label="Hours" error={err("hours")}>
                          <Input id={id("hours")} {...MONEY} value={line.hours} onChange={(event) => setLine(line.key, { hours: event.target.value })} {...invalid("hours")} />
                        </Cell>
                        <Cell id={id("rate")} label="Rate per hour" error={err("rate")}>
                          <Input id={id("rate")} {...MONEY} value={line.rate} onChange={(event) => setLine(line.key, { rate: event.target.value })} {...invalid("rate")} />
                        </Cell>
                      </>
                    ) : (
                      <>
                        <Cell id={id("quantity")} label="Quantity" error={err("quantity")}>
                          <Input id={id("quantity")} {...MONEY} value={line.quantity} onChange={(event) => setLine(line.key, { quantity: event.target.value })} {...invalid("quantity")} />
                        </Cell>
                        <Cell id={id("unit_price")} label="Unit price" error={err("unit_price")}>
                          <Input id={id("unit_price")} {...MONEY} value={line.unit_price} onChange={(event) => setLine(line.key, { unit_price: event.target.value })} {...invalid("unit_price")} />
                        </Cell>
                      </>
                    )}
                    <Cell id={id("tax_rate")} label="Tax %" error={err("tax_rate")}>
                      <Input id={id("tax_rate")} {...MONEY} value={line.tax_rate} onChange={(event) => setLine(line.key, { tax_rate: event.target.value })} {...invalid("tax_rate")} />
                    </Cell>
                    <div className="grid content-start gap-1 text-right">
                      <span className="text-xs font-medium text-muted-foreground">Line total</span>
                      <output className="h-9 py-2 text-sm tabular-nums" aria-label={`Line ${index + 1} provisional total`}>
                        {amounts ? formatMoney(centsToDecimal(amounts.total), currency) : "—"}
                      </output>
                    </div>
                    <div className="flex items-end justify-end">
                      <Button
                        variant="ghost"
                        size="icon"
                        disabled={lines.length === 1}
                        onClick={() => setLines((list) => list.filter((l) => l.key !== line.key))}
                        aria-label={`Remove line ${index + 1}`}
                      >
                        <Trash2 aria-hidden="true" />
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div className="flex flex-wrap gap-2">
              {(["part", "labour", "paint", "other"] as LineKind[]).map((kind) => (
                <Button key={kind} variant="outline" size="sm" disabled={lines.length >= 500} onClick={() => setLines((list) => [...list, emptyLine(kind)])}>
                  <Plus aria-hidden="true" />
                  Add {LINE_KIND_LABELS[kind].toLowerCase()}
                </Button>
              ))}
            </div>
          </fieldset>

          <Cell id="estimate-notes" label="Notes" error={fieldError(error, "notes")}>
            <Textarea id="estimate-notes" rows={2} maxLength={5000} value={notes} onChange={(event) => setNotes(event.target.value)} />
          </Cell>

          <section aria-labelledby="provisional-title" className="ml-auto grid w-full max-w-sm gap-1 rounded-md bg-muted/50 p-3 text-sm">
            <h3 id="provisional-title" className="font-medium">
              Provisional totals
            </h3>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 tabular-nums">
              <dt>Subtotal</dt>
              <dd className="text-right">{formatMoney(centsToDecimal(totals.subtotal), currency)}</dd>
              <dt>Tax</dt>
              <dd className="text-right">{formatMoney(centsToDecimal(totals.tax), currency)}</dd>
              <dt className="font-semibold">Total</dt>
              <dd className="text-right font-semibold" data-provisional-total>
                {formatMoney(centsToDecimal(totals.total), currency)}
              </dd>
            </dl>
            <p className="text-xs text-muted-foreground">
              {totals.incomplete > 0
                ? `${totals.incomplete} ${totals.incomplete === 1 ? "line is" : "lines are"} left out until its amounts are valid numbers (two decimals at most). `
                : ""}
              Computed here while you type; the saved estimate shows the server's totals.
            </p>
          </section>

          {error && (otherErrors.length > 0 || error.problem.errors.length === 0) && (
            <Alert variant="destructive">
              <AlertDescription>
                <p>{error.message}</p>
                {otherErrors
                  .filter((item) => item.message !== error.message)
                  .map((item) => (
                    <p key={`${item.field}:${item.message}`}>
                      {item.field ? `${item.field}: ` : ""}
                      {item.message}
                    </p>
                  ))}
              </AlertDescription>
            </Alert>
          )}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="estimate-form" disabled={save.isPending}>
            {save.isPending ? "Saving…" : estimate ? "Save estimate" : "Add estimate"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
