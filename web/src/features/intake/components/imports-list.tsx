import { useQuery } from "@tanstack/react-query";
import { Download, RotateCw } from "lucide-react";
import { useState } from "react";

import { Pager } from "@/components/pager";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/time";

import { downloadReport, importsQuery, type IntakeImport } from "../api/intake";

const STATUS_LABELS: Record<IntakeImport["status"], string> = {
  pending: "Waiting",
  running: "Importing",
  finished: "Finished",
};

function ImportStatusBadge({ status }: { status: IntakeImport["status"] }) {
  return <Badge variant={status === "finished" ? "secondary" : "outline"}>{STATUS_LABELS[status]}</Badge>;
}

function ReportButton({ id, filename }: { id: string; filename: string }) {
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      aria-label={`Download the report of ${filename}`}
      onClick={() => void downloadReport(id)}
    >
      <Download aria-hidden="true" />
      Report
    </Button>
  );
}

/** The imports the caller may see, newest first, each with its counts and its report. */
export function ImportsList() {
  const [page, setPage] = useState(1);
  const { data, isPending, isError, refetch } = useQuery(importsQuery(page));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Past imports</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2">
        {isPending ? (
          <div className="grid gap-2" aria-busy="true" aria-label="Loading past imports">
            {Array.from({ length: 3 }, (_, index) => (
              <Skeleton key={index} className="h-10 w-full" />
            ))}
          </div>
        ) : null}
        {isError ? (
          <Alert variant="destructive">
            <AlertTitle>The imports could not be loaded</AlertTitle>
            <AlertDescription>
              <Button type="button" variant="outline" size="sm" onClick={() => void refetch()}>
                <RotateCw aria-hidden="true" />
                Try again
              </Button>
            </AlertDescription>
          </Alert>
        ) : null}
        {data && data.results.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
            No imports yet. A file you import, or one a partner sends, is listed here with its report.
          </p>
        ) : null}
        {data && data.results.length > 0 ? (
          <>
            {/* Phones: one card per import. */}
            <ul className="grid gap-2 md:hidden" aria-label="Past imports">
              {data.results.map((item) => (
                <li key={item.id} className="grid gap-2 rounded-lg border p-3 text-sm">
                  <div className="flex items-start justify-between gap-2">
                    <span className="min-w-0 font-medium break-all">{item.filename}</span>
                    <ImportStatusBadge status={item.status} />
                  </div>
                  <p className="text-muted-foreground">
                    {item.partner_name || "Staff"} · {formatDateTime(item.created_at)}
                  </p>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="tabular-nums">
                      {item.total_rows} rows: {item.created_count} created, {item.refused_count} refused
                    </span>
                    <ReportButton id={item.id} filename={item.filename} />
                  </div>
                </li>
              ))}
            </ul>
            <div className="hidden md:block">
              <Table scrollLabel="Past imports">
                <TableHeader>
                  <TableRow>
                    <TableHead>File</TableHead>
                    <TableHead>From</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead className="text-right">Rows</TableHead>
                    <TableHead className="text-right">Created</TableHead>
                    <TableHead className="text-right">Refused</TableHead>
                    <TableHead>Started</TableHead>
                    <TableHead>
                      <span className="sr-only">Report</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.results.map((item) => (
                    <TableRow key={item.id}>
                      <TableCell className="max-w-64 truncate" title={item.filename}>
                        {item.filename}
                      </TableCell>
                      <TableCell>{item.partner_name || "Staff"}</TableCell>
                      <TableCell>
                        <ImportStatusBadge status={item.status} />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{item.total_rows}</TableCell>
                      <TableCell className="text-right tabular-nums">{item.created_count}</TableCell>
                      <TableCell className="text-right tabular-nums">{item.refused_count}</TableCell>
                      <TableCell>{formatDateTime(item.created_at)}</TableCell>
                      <TableCell className="text-right">
                        <ReportButton id={item.id} filename={item.filename} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        ) : null}
        <Pager data={data} page={page} onPage={setPage} />
      </CardContent>
    </Card>
  );
}
