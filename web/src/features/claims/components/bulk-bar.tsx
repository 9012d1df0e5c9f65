import { ArrowRightLeft, MessageSquare, PiggyBank, UserPlus, X } from "lucide-react";

import { Button } from "@/components/ui/button";

interface BulkBarProps {
  count: number;
  onAssign: () => void;
  onTransition: () => void;
  onReserve: () => void;
  onMessage: () => void;
  onClear: () => void;
}

/** The actions on the selected claims, shown while some are selected. */
export function BulkBar({ count, onAssign, onTransition, onReserve, onMessage, onClear }: BulkBarProps) {
  return (
    <div
      role="region"
      aria-label="Selected claims"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-primary/5 px-3 py-2 text-sm"
    >
      <span className="font-medium" aria-live="polite">
        {count === 1 ? "1 claim selected" : `${count} claims selected`}
      </span>
      <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
        <Button size="sm" onClick={onAssign}>
          <UserPlus aria-hidden="true" />
          Bulk assign
        </Button>
        <Button size="sm" variant="outline" onClick={onTransition}>
          <ArrowRightLeft aria-hidden="true" />
          Bulk transition
        </Button>
        <Button size="sm" variant="outline" onClick={onReserve}>
          <PiggyBank aria-hidden="true" />
          Set reserve
        </Button>
        <Button size="sm" variant="outline" onClick={onMessage}>
          <MessageSquare aria-hidden="true" />
          Message customers
        </Button>
        <Button size="sm" variant="ghost" onClick={onClear}>
          <X aria-hidden="true" />
          Clear selection
        </Button>
      </div>
    </div>
  );
}
