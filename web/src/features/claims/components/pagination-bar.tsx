import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { useId } from "react";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

import { PAGE_SIZES, type PageSize } from "../filters";

interface PaginationBarProps {
  shown: number;
  pageSize: PageSize;
  onFirstPage: boolean;
  /** The previous page's cursor: null for the first page, undefined when there is none. */
  previous: string | null | undefined;
  next: string | null | undefined;
  onCursor: (cursor: string | null) => void;
  onPageSize: (size: PageSize) => void;
}

/** Cursor paging: first, previous and next page (the API gives no total), and rows per page. */
export function PaginationBar({ shown, pageSize, onFirstPage, previous, next, onCursor, onPageSize }: PaginationBarProps) {
  const id = useId();
  return (
    <nav aria-label="Pages of claims" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        <Label htmlFor={id} className="font-normal text-muted-foreground">
          Rows per page
        </Label>
        <NativeSelect
          id={id}
          className="w-20"
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value) as PageSize)}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </NativeSelect>
        <span className="text-muted-foreground" aria-live="polite">
          {shown === 0 ? "No claims" : `${shown} shown`}
        </span>
      </div>
      <div className="flex items-center gap-1">
        <Button variant="outline" size="sm" disabled={onFirstPage} onClick={() => onCursor(null)}>
          <ChevronsLeft aria-hidden="true" />
          First
        </Button>
        <Button variant="outline" size="sm" disabled={previous === undefined} onClick={() => onCursor(previous ?? null)}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </Button>
        <Button variant="outline" size="sm" disabled={!next} onClick={() => onCursor(next ?? null)}>
          Next
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
