import { useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useId, useState } from "react";

import { Pager } from "@/components/pager";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useIdempotentAction } from "@/lib/idempotency";

import { batchesQuery, downloadBatch, makeBatch, payoutKeys, type PayoutBatch } from "../api/payouts";
import { ProblemAlert } from "@/components/problem-alert";

const CURRENCIES = ["KES", "UGX", "TZS", "USD", "GBP", "EUR"] as const;

/** Bank payout files: make one of every released bank payout not yet in a file, and download any. */
export function PayoutFiles() {
  const queryClient = useQueryClient();
  const currencyId = useId();
  const [currency, setCurrency] = useState<string>("KES");
  const [page, setPage] = useState(1);
  const [made, setMade] = useState<PayoutBatch | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const { data, isPending, isError, error } = useQuery(batchesQuery(page));
  const make = useIdempotentAction((input: { currency: string }, key: string) => makeBatch(input.currency, key), {
    onSuccess: (batch) => {
      setMade(batch);
      void queryClient.invalidateQueries({ queryKey: payoutKeys.all });
    },
  });

  async function download(batch: PayoutBatch) {
    setDownloadError(null);
    try {
      await downloadBatch(batch);
    } catch (caught) {
      setDownloadError(caught);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Bank payout files</CardTitle>
        <CardDescription>
          A file holds every released bank payout not yet in one; hand it to the bank, and its statement marks them
          paid.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setMade(null);
            void make.run({ currency });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={currencyId}>Currency</Label>
            <NativeSelect id={currencyId} value={currency} onChange={(event) => setCurrency(event.target.value)}>
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" disabled={make.pending}>
            {make.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
            Make bank file
          </Button>
        </form>
        <ProblemAlert error={make.error} fallback="The file could not be made." />
        {made && (
          <p role="status" className="text-sm" data-testid="batch-made">
            File {made.reference} made: {made.line_count} {made.line_count === 1 ? "payout" : "payouts"},{" "}
            {formatMoney(made.total, made.currency)}.{" "}
            <Button type="button" variant="link" className="h-auto p-0" onClick={() => void download(made)}>
              Download {made.reference}
            </Button>
          </p>
        )}
        <ProblemAlert error={downloadError} fallback="The file could not be downloaded." />
        {isPending && <p className="text-sm text-muted-foreground">Loading…</p>}
        {isError && <ProblemAlert error={error} fallback="The files could not be loaded." />}
        {data && data.results.length === 0 && <p className="text-sm text-muted-foreground">No file made yet.</p>}
        {data && data.results.length > 0 && (
          <Table scrollLabel="Bank payout files">
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>Payouts</TableHead>
                <TableHead className="text-right">Total</TableHead>
                <TableHead>Made</TableHead>
                <TableHead>
                  <span className="sr-only">Download</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.results.map((batch) => (
                <TableRow key={batch.id}>
                  <TableCell className="font-mono text-xs">{batch.reference}</TableCell>
                  <TableCell>{batch.line_count}</TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">
                    {formatMoney(batch.total, batch.currency)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(batch.created_at)}</TableCell>
                  <TableCell>
                    <Button
                      type="button"
                      variant="outline"
                      size="sm"
                      aria-label={`Download ${batch.reference}`}
                      onClick={() => void download(batch)}
                    >
                      Download
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Pager data={data} page={page} onPage={setPage} />
      </CardContent>
    </Card>
  );
}
