import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/time";

import { downloadReport, importsQuery } from "../api/intake";

/** The imports the caller may see, newest first, each with its counts and its report. */
export function ImportsList() {
  const [page, setPage] = useState(1);
  const { data, isPending, isError } = useQuery(importsQuery(page));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Past imports</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2">
        {isPending ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
        {isError ? <p className="text-sm text-destructive">The imports could not be loaded.</p> : null}
        {data && data.results.length === 0 ? <p className="text-sm text-muted-foreground">No imports yet.</p> : null}
        {data && data.results.length > 0 ? (
          <Table scrollLabel="Past imports">
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>From</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Rows</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Refused</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>
                  <span className="sr-only">Report</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.results.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{item.filename}</TableCell>
                  <TableCell>{item.partner_name || "Staff"}</TableCell>
                  <TableCell>
                    <Badge variant={item.status === "finished" ? "secondary" : "outline"}>{item.status}</Badge>
                  </TableCell>
                  <TableCell>{item.total_rows}</TableCell>
                  <TableCell>{item.created_count}</TableCell>
                  <TableCell>{item.refused_count}</TableCell>
                  <TableCell>{formatDateTime(item.created_at)}</TableCell>
                  <TableCell>
                    <Button
                      type="button"
                      variant="outline"
                      size="sm"
                      aria-label={`Download the report of ${item.filename}`}
                      onClick={() => void downloadReport(item.id)}
                    >
                      Report
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {data && (data.previous || data.next) ? (
          <div className="flex gap-2">
            <Button type="button" variant="outline" size="sm" disabled={!data.previous} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Button type="button" variant="outline" size="sm" disabled={!data.next} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
