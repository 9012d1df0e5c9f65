import { MapPinned, X } from "lucide-react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";

import { useClaimFilters } from "../hooks/use-claim-filters";

/**
 * When the list is narrowed to an area picked on the claims map (`?bbox=` or `?polygon=`), says
 * so and offers to drop it; the rest of the list (filters, selection, bulk actions) works as usual.
 */
export function AreaFilter() {
  const { filters, update } = useClaimFilters();
  if (!filters.bbox && !filters.polygon) return null;
  const what = filters.bbox ? "a box" : "a lasso";
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-md border bg-muted/40 px-3 py-2 text-sm"
      data-testid="area-filter"
    >
      <MapPinned aria-hidden="true" className="size-4" />
      <span>Only claims whose incident lies in {what} picked on the map.</span>
      <Link to="/map" className="text-primary underline-offset-4 hover:underline">
        Back to the map
      </Link>
      <Button type="button" size="sm" variant="ghost" onClick={() => update({ bbox: null, polygon: null })}>
        <X aria-hidden="true" />
        Remove the area
      </Button>
    </div>
  );
}
