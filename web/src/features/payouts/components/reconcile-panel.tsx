import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useId, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

import { payoutKeys, reconcileStatement } from "../api/payouts";
import { OUTCOME_LABELS, outcomeCounts, statementLines, type LineOutcome, type StatementLine } from "../views";
import { ProblemAlert } from "@/components/problem-alert";

const OUTCOME_VARIANT: Record<LineOutcome, "secondary" | "outline" | "destructive"> = {
  paid: "secondary",
  credited: "secondary",
  already_recorded: "outline",
  duplicate: "outline",
  unmatched: "destructive",
};

/** Upload the bank's statement (CSV): its debit lines pay our payouts, each line once; shows every line's outcome. */
export function ReconcilePanel() {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lines, setLines] = useState<StatementLine[] | null>(null);

  async function send() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setLines(null);
    try {
      setLines(statementLines(await reconcileStatement(file)));
      void queryClient.invalidateQueries({ queryKey: payoutKeys.all });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const counts = lines ? outcomeCounts(lines) : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Reconcile a bank statement</CardTitle>
        <CardDescription>
          A UTF-8 CSV with the columns date, reference, amount, currency and bank_reference. A bank line counts once,
          ever: sending the same statement again pays nothing twice.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={inputId}>Bank statement</Label>
            <Input
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <Button type="submit" disabled={!file || busy}>
            {busy && <LoaderCircle className="animate-spin" aria-hidden="true" />}
            Reconcile
          </Button>
        </form>
        <ProblemAlert error={error} fallback="The statement could not be reconciled." />
        {lines && counts && (
          <div className="grid gap-2">
            <p role="status" className="text-sm" data-testid="reconcile-summary">
              {lines.length} {lines.length === 1 ? "line" : "lines"}: {counts.paid} paid, {counts.credited} payments
              received, {counts.duplicate} duplicate, {counts.already_recorded} already recorded, {counts.unmatched}{" "}
              unmatched.
            </p>
            {lines.length > 0 && (
              <Table scrollLabel="Statement lines">
                <TableHeader>
                  <TableRow>
                    <TableHead>Line</TableHead>
                    <TableHead>Result</TableHead>
                    <TableHead>Reference</TableHead>
                    <TableHead>Bank reference</TableHead>
                    <TableHead className="text-right">Amount</TableHead>
                    <TableHead>Why</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((line, index) => (
                    <TableRow key={`${line.line}-${index}`} data-testid="statement-line">
                      <TableCell>{line.line || "—"}</TableCell>
                      <TableCell>
                        <Badge variant={OUTCOME_VARIANT[line.outcome]}>{OUTCOME_LABELS[line.outcome]}</Badge>
                      </TableCell>
                      <TableCell className="font-mono text-xs">{line.reference || "—"}</TableCell>
                      <TableCell className="font-mono text-xs">{line.bankReference || "—"}</TableCell>
                      <TableCell className="text-right tabular-nums">{line.amount || "—"}</TableCell>
                      <TableCell>{line.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
