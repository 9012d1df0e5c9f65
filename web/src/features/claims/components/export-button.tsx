import { useMutation } from "@tanstack/react-query";
import { Download, LoaderCircle } from "lucide-react";

import { Button } from "@/components/ui/button";

import { downloadClaimsCsv } from "../api/claims";
import type { ClaimFilters } from "../filters";

/** Downloads the CSV of every claim matching the current filters (not only the page shown). */
export function ExportButton({ filters }: { filters: ClaimFilters }) {
  const exporting = useMutation({ mutationFn: downloadClaimsCsv });
  return (
    <div className="flex items-center gap-2">
      {exporting.isError && (
        <p role="alert" className="text-sm text-destructive">
          Export failed: {exporting.error.message}
        </p>
      )}
      <Button
        variant="outline"
        size="sm"
        className="h-9"
        disabled={exporting.isPending}
        onClick={() => exporting.mutate(filters)}
      >
        {exporting.isPending ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
        Export CSV
      </Button>
    </div>
  );
}
