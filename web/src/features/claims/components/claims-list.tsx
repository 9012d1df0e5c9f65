import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useState } from "react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useUser } from "@/lib/auth";

import { claimsListQuery } from "../api/claims";
import { activeFilterCount, cursorOf } from "../filters";
import { useClaimFilters } from "../hooks/use-claim-filters";
import { useLiveClaims } from "../hooks/use-live-claims";
import { useNow } from "../hooks/use-now";
import { useClaimSelection } from "../hooks/use-selection";
import { BulkAssignDialog } from "./bulk-assign-dialog";
import { BulkBar } from "./bulk-bar";
import { BulkMessageDialog } from "./bulk-message-dialog";
import { BulkReserveDialog } from "./bulk-reserve-dialog";
import { BulkTransitionDialog } from "./bulk-transition-dialog";
import { ClaimsFilters } from "./claims-filters";
import { ClaimsTable } from "./claims-table";
import { ExportButton } from "./export-button";
import { PaginationBar } from "./pagination-bar";

const MANAGERS = ["agent", "supervisor", "admin"];

/**
 * The claims list: filters in the URL, one page of the API's cursor pagination, live refetch on
 * claim events, and (for agents, supervisors and admins) bulk actions and the CSV export.
 */
export function ClaimsList() {
  const user = useUser();
  const { filters, update, reset } = useClaimFilters();
  const list = useQuery(claimsListQuery(filters));
  const now = useNow();
  useLiveClaims();
  const manages = MANAGERS.includes(user.role);
  const selection = useClaimSelection();
  const [dialog, setDialog] = useState<"assign" | "transition" | "reserve" | "message" | null>(null);

  const rows = list.data?.results ?? [];
  const afterBulk = (succeeded: string[]) => {
    // The claims done leave the selection; the refused stay picked, to retry or act on otherwise.
    selection.setMany(
      selection.rows.filter((row) => succeeded.includes(row.id)),
      false,
    );
  };
  const filtered = activeFilterCount(filters) > 0;

  return (
    <div className="grid gap-4">
      <ClaimsFilters
        user={user}
        filters={filters}
        update={update}
        reset={reset}
        actions={manages ? <ExportButton filters={filters} /> : undefined}
      />
      {manages && selection.rows.length > 0 && (
        <BulkBar
          count={selection.rows.length}
          onAssign={() => setDialog("assign")}
          onTransition={() => setDialog("transition")}
          onReserve={() => setDialog("reserve")}
          onMessage={() => setDialog("message")}
          onClear={selection.clear}
        />
      )}
      {list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>The claims could not be loaded</AlertTitle>
          <AlertDescription>
            <p>{list.error.message}</p>
            <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : (
        <div className="overflow-hidden rounded-lg border">
          <ClaimsTable
            rows={rows}
            loading={list.isFetching}
            stale={list.isPlaceholderData}
            ordering={filters.ordering}
            onSort={(ordering) => update({ ordering })}
            selection={manages ? selection : null}
            now={now}
            empty={
              <div className="grid justify-items-center gap-2">
                <p className="font-medium">{filtered ? "No claims match these filters." : "No claims yet."}</p>
                {filtered && (
                  <Button variant="outline" size="sm" onClick={reset}>
                    Clear filters
                  </Button>
                )}
              </div>
            }
          />
        </div>
      )}
      <PaginationBar
        shown={rows.length}
        pageSize={filters.page_size}
        onFirstPage={filters.cursor === null}
        previous={list.data?.previous ? cursorOf(list.data.previous) : undefined}
        next={list.data?.next ? cursorOf(list.data.next) : undefined}
        onCursor={(cursor) => update({ cursor })}
        onPageSize={(page_size) => update({ page_size })}
      />
      {dialog === "assign" && (
        <BulkAssignDialog
          user={user}
          claims={selection.rows}
          open
          onOpenChange={(open) => setDialog(open ? "assign" : null)}
          onDone={afterBulk}
        />
      )}
      {dialog === "transition" && (
        <BulkTransitionDialog
          claims={selection.rows}
          open
          onOpenChange={(open) => setDialog(open ? "transition" : null)}
          onDone={afterBulk}
        />
      )}
      {dialog === "reserve" && (
        <BulkReserveDialog
          claims={selection.rows}
          open
          onOpenChange={(open) => setDialog(open ? "reserve" : null)}
          onDone={afterBulk}
        />
      )}
      {dialog === "message" && (
        <BulkMessageDialog
          claims={selection.rows}
          open
          onOpenChange={(open) => setDialog(open ? "message" : null)}
          onDone={afterBulk}
        />
      )}
    </div>
  );
}
