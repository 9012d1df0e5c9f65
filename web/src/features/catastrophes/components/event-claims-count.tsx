import { useQuery } from "@tanstack/react-query";

import { figuresQuery } from "../api/catastrophes";

/** An event's claims and open claims, from its figures ("—" when the caller may not read them). */
export function EventClaimsCount({ eventId }: { eventId: string }) {
  const figures = useQuery(figuresQuery(eventId));
  if (figures.isPending) return <span className="text-muted-foreground">…</span>;
  if (!figures.data) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="tabular-nums" data-testid="event-claims">
      {figures.data.claims} ({figures.data.open} open)
    </span>
  );
}
