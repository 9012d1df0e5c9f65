import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, TriangleAlert } from "lucide-react";
import { useMemo } from "react";
import { Link } from "react-router";

import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime, formatMoney, formatRelative } from "@/lib/format";

import type { ClaimRow } from "../api/claims";
import type { Ordering, SortField } from "../filters";
import type { ClaimSelection } from "../hooks/use-selection";
import { DEPARTMENT_LABELS, OPEN_STATUSES } from "../vocabulary";
import { PriorityLabel, StatusBadge } from "./claim-badges";

interface ClaimsTableProps {
  rows: readonly ClaimRow[];
  /** A request is on its way (a refetch after a live event included). */
  loading: boolean;
  /** The rows shown are the previous filter's, while the new one loads: dim them. */
  stale: boolean;
  ordering: Ordering;
  onSort: (ordering: Ordering) => void;
  /** Null when the caller may not act on claims in bulk (no checkbox column). */
  selection: ClaimSelection | null;
  now: Date;
  empty: React.ReactNode;
}

interface ColumnMeta {
  sort?: SortField;
  /** Which way a first click sorts (dates and money: largest first reads better). */
  firstDescending?: boolean;
  align?: "right";
  className?: string;
}

function slaBreached(row: ClaimRow, now: Date): boolean {
  return !!row.sla_due_at && OPEN_STATUSES.includes(row.status) && new Date(row.sla_due_at) < now;
}

function SlaCell({ row, now }: { row: ClaimRow; now: Date }) {
  const open = OPEN_STATUSES.includes(row.status);
  // The SLA runs while the claim is open; a draft or a finished claim has none to meet.
  if (!row.sla_due_at || !open) return <span className="text-muted-foreground">—</span>;
  const breached = slaBreached(row, now);
  return (
    <time
      dateTime={row.sla_due_at}
      title={formatDateTime(row.sla_due_at)}
      data-breached={breached || undefined}
      className={cn(breached && "font-medium text-red-700")}
    >
      {breached && <span className="sr-only">SLA breached: </span>}
      {formatRelative(row.sla_due_at, now)}
    </time>
  );
}

function columns(now: Date, selection: ClaimSelection | null): ColumnDef<ClaimRow>[] {
  const list: ColumnDef<ClaimRow>[] = [
    {
      id: "claim_number",
      header: "Claim",
      meta: { sort: "claim_number" } satisfies ColumnMeta,
      cell: ({ row: { original: claim } }) => (
        <div className="grid leading-tight">
          <span className="inline-flex items-center gap-1.5">
            <Link
              to={`/claims/${claim.id}`}
              className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline"
            >
              {claim.claim_number}
            </Link>
            {claim.has_open_alerts && (
              <TriangleAlert className="size-3.5 text-amber-700" role="img" aria-label="Has open alerts" />
            )}
          </span>
          <span className="text-xs text-muted-foreground">
            <span className="sr-only">Department: </span>
            {DEPARTMENT_LABELS[claim.department]}
          </span>
        </div>
      ),
    },
    {
      id: "status",
      header: "Status",
      meta: { sort: "status" } satisfies ColumnMeta,
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
    {
      id: "priority",
      header: "Priority",
      meta: { sort: "priority", firstDescending: true } satisfies ColumnMeta,
      cell: ({ row }) => <PriorityLabel priority={row.original.priority} />,
    },
    {
      id: "customer",
      header: "Customer / vehicle",
      meta: { className: "max-w-44" } satisfies ColumnMeta,
      cell: ({ row: { original: claim } }) => (
        <div className="grid leading-tight">
          <span className="truncate" title={claim.customer_name}>
            {claim.customer_name || "—"}
          </span>
          <span className="font-mono text-xs tracking-wide text-muted-foreground">
            <span className="sr-only">Registration: </span>
            {claim.vehicle_registration ?? "No vehicle"}
          </span>
        </div>
      ),
    },
    {
      id: "assigned",
      header: "Agent / assessor",
      meta: { className: "max-w-52" } satisfies ColumnMeta,
      cell: ({ row: { original: claim } }) => (
        <div className="grid text-xs leading-tight">
          <span className={cn("truncate", !claim.assigned_agent_name && "text-muted-foreground")}>
            <span className="sr-only">Agent: </span>
            {claim.assigned_agent_name ?? "No agent"}
          </span>
          <span className={cn("truncate text-muted-foreground", !claim.assigned_assessor_name && "italic")}>
            <span className="sr-only">Assessor: </span>
            {claim.assigned_assessor_name ?? "No assessor"}
          </span>
        </div>
      ),
    },
    {
      id: "sla_due_at",
      header: "SLA due",
      meta: { sort: "sla_due_at" } satisfies ColumnMeta,
      cell: ({ row }) => <SlaCell row={row.original} now={now} />,
    },
    {
      id: "estimated_cost",
      header: "Est. cost",
      meta: { sort: "estimated_cost", firstDescending: true, align: "right" } satisfies ColumnMeta,
      cell: ({ row }) =>
        row.original.estimated_cost === null ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          formatMoney(row.original.estimated_cost, row.original.currency)
        ),
    },
    {
      id: "created_at",
      header: "Created",
      meta: { sort: "created_at", firstDescending: true } satisfies ColumnMeta,
      cell: ({ row }) => (
        <time dateTime={row.original.created_at} title={formatDateTime(row.original.created_at)}>
          {formatDate(row.original.created_at)}
        </time>
      ),
    },
  ];
  if (!selection) return list;
  return [
    {
      id: "select",
      header: ({ table }) => (
        <Checkbox
          aria-label="Select all claims on this page"
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={(event) => selection.setMany(table.getRowModel().rows.map((row) => row.original), event.target.checked)}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          aria-label={`Select ${row.original.claim_number}`}
          checked={row.getIsSelected()}
          onChange={(event) => selection.toggle(row.original, event.target.checked)}
        />
      ),
    },
    ...list,
  ];
}

function SortButton({ label, meta, ordering, onSort }: { label: string; meta: ColumnMeta; ordering: Ordering; onSort: (o: Ordering) => void }) {
  const field = meta.sort!;
  const current = ordering.replace(/^-/, "") === field ? (ordering.startsWith("-") ? "descending" : "ascending") : null;
  const next: Ordering =
    current === null ? (meta.firstDescending ? `-${field}` : field) : current === "ascending" ? `-${field}` : field;
  const Icon = current === "ascending" ? ArrowUp : current === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={() => onSort(next)}
      className={cn(
        "-mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        meta.align === "right" && "flex-row-reverse",
      )}
    >
      {label}
      <Icon aria-hidden="true" className={cn("size-3.5", current ? "text-foreground" : "text-muted-foreground")} />
    </button>
  );
}

/** One page of claims: sortable headers (server-side), optional selection, dense rows. */
export function ClaimsTable({ rows, loading, stale, ordering, onSort, selection, now, empty }: ClaimsTableProps) {
  const defs = useMemo(() => columns(now, selection), [now, selection]);
  const rowSelection = useMemo<RowSelectionState>(
    () => Object.fromEntries(rows.filter((row) => selection?.selected.has(row.id)).map((row) => [row.id, true])),
    [rows, selection],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table: this component is left unmemoised
  const table = useReactTable({
    data: rows as ClaimRow[],
    columns: defs,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: selection !== null,
    state: { rowSelection },
  });
  const columnCount = defs.length;
  return (
    <Table aria-busy={loading} aria-label="Claims" scrollLabel="Claims table, scrolls sideways" className="text-[13px]">
      <TableHeader className="bg-muted/40">
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id} className="hover:bg-transparent">
            {group.headers.map((header) => {
              const meta = (header.column.columnDef.meta ?? {}) as ColumnMeta;
              const label = typeof header.column.columnDef.header === "string" ? header.column.columnDef.header : "";
              const sorted = meta.sort && ordering.replace(/^-/, "") === meta.sort;
              return (
                <TableHead
                  key={header.id}
                  scope="col"
                  aria-sort={sorted ? (ordering.startsWith("-") ? "descending" : "ascending") : undefined}
                  className={cn("h-9 text-xs", meta.align === "right" && "text-right", header.id === "select" && "w-8")}
                >
                  {meta.sort ? (
                    <SortButton label={label} meta={meta} ordering={ordering} onSort={onSort} />
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {loading && rows.length === 0 ? (
          Array.from({ length: 8 }, (_, index) => (
            <TableRow key={index}>
              <TableCell colSpan={columnCount}>
                <Skeleton className="h-5 w-full" />
              </TableCell>
            </TableRow>
          ))
        ) : rows.length === 0 ? (
          <TableRow className="hover:bg-transparent">
            <TableCell colSpan={columnCount} className="py-12 text-center whitespace-normal">
              {empty}
            </TableCell>
          </TableRow>
        ) : (
          table.getRowModel().rows.map((row) => (
            <TableRow
              key={row.id}
              data-state={row.getIsSelected() ? "selected" : undefined}
              data-claim={row.original.claim_number}
              className={cn(stale && "opacity-60")}
            >
              {row.getVisibleCells().map((cell) => {
                const meta = (cell.column.columnDef.meta ?? {}) as ColumnMeta;
                return (
                  <TableCell
                    key={cell.id}
                    className={cn("py-1.5", meta.align === "right" && "text-right tabular-nums", meta.className)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                );
              })}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
