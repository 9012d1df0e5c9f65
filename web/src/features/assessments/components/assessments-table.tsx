import { ChevronRight } from "lucide-react";
import { Link } from "react-router";

import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/format";

import type { Assessment } from "../api/assessments";
import { AssessmentStatusBadge, Completion, Severity } from "./badges";

interface AssessmentsTableProps {
  rows: readonly Assessment[];
  loading: boolean;
  /** Assessors see only their own: no assessor column. */
  showAssessor: boolean;
  empty: React.ReactNode;
  now: Date;
}

const LINK = "font-medium text-primary underline-offset-4 hover:underline focus-visible:underline";

function Scheduled({ row, now }: { row: Assessment; now: Date }) {
  if (!row.scheduled_at) return <span className="text-muted-foreground">Not scheduled</span>;
  const overdue = row.status === "scheduled" && new Date(row.scheduled_at) < now;
  return (
    <span className="grid leading-tight">
      <time dateTime={row.scheduled_at}>{formatDateTime(row.scheduled_at)}</time>
      <span className={overdue ? "text-xs font-medium text-amber-800" : "text-xs text-muted-foreground"}>
        {overdue ? "Not started, " : ""}
        {formatRelative(row.scheduled_at, now)}
      </span>
    </span>
  );
}

/** The assessments the caller may see: a dense table, one row each, the workspace one click away. */
export function AssessmentsTable({ rows, loading, showAssessor, empty, now }: AssessmentsTableProps) {
  if (loading && rows.length === 0) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Loading assessments">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (rows.length === 0) return <div className="rounded-lg border border-dashed p-8 text-center">{empty}</div>;
  return (
    <>
      {/* Phones: one card per assessment. */}
      <ul className="grid gap-2 md:hidden" aria-label="Assessments">
        {rows.map((row) => (
          <li key={row.id} data-assessment={row.id} className="grid gap-2 rounded-lg border p-3">
            <div className="flex items-center justify-between gap-2">
              <Link to={`/claims/${row.claim}`} className={LINK}>
                {row.claim_number}
              </Link>
              <AssessmentStatusBadge status={row.status} />
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <Scheduled row={row} now={now} />
              <Completion value={row.completion_percentage} label={`${row.claim_number}: sections completed`} />
            </div>
            <div className="flex items-center justify-between gap-2">
              <Severity value={row.overall_severity} />
              <Link
                to={`/assessments/${row.id}`}
                className={buttonVariants({ variant: "outline", size: "sm" })}
                aria-label={`Open the assessment of ${row.claim_number}`}
              >
                Open
                <ChevronRight aria-hidden="true" />
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table aria-label="Assessments" scrollLabel="Assessments, scrollable" aria-busy={loading || undefined}>
          <TableHeader>
            <TableRow>
              <TableHead>Claim</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Scheduled</TableHead>
              {showAssessor && <TableHead className="hidden lg:table-cell">Assessor</TableHead>}
              <TableHead>Completion</TableHead>
              <TableHead className="hidden md:table-cell">Severity</TableHead>
              <TableHead className="hidden text-right xl:table-cell">Accepted estimate</TableHead>
              <TableHead>
                <span className="sr-only">Open</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-assessment={row.id}>
                <TableCell>
                  <Link to={`/claims/${row.claim}`} className={LINK}>
                    {row.claim_number}
                  </Link>
                </TableCell>
                <TableCell>
                  <AssessmentStatusBadge status={row.status} />
                </TableCell>
                <TableCell>
                  <Scheduled row={row} now={now} />
                </TableCell>
                {showAssessor && (
                  <TableCell className="hidden lg:table-cell">
                    {row.assessor_name ?? <span className="text-muted-foreground italic">Unassigned</span>}
                  </TableCell>
                )}
                <TableCell>
                  <Completion value={row.completion_percentage} label={`${row.claim_number}: sections completed`} />
                </TableCell>
                <TableCell className="hidden md:table-cell">
                  <Severity value={row.overall_severity} />
                </TableCell>
                <TableCell className="hidden text-right tabular-nums xl:table-cell">
                  {row.accepted_estimate ? (
                    formatMoney(row.accepted_estimate.total, row.accepted_estimate.currency)
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  <Link
                    to={`/assessments/${row.id}`}
                    className={buttonVariants({ variant: "outline", size: "sm" })}
                    aria-label={`Open the assessment of ${row.claim_number}`}
                  >
                    Open
                    <ChevronRight aria-hidden="true" />
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
