import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { catastrophesQuery } from "../api/catastrophes";
import { useLiveCatastrophes } from "../hooks/use-live-catastrophes";
import { PERIL_LABELS } from "../labels";
import { EventClaimsCount } from "./event-claims-count";

/** For the main dashboard: the open catastrophe events with their live claim counts, each linking to its page. */
export function OpenEventsCard() {
  const events = useQuery(catastrophesQuery("open"));
  useLiveCatastrophes();
  const rows = events.data?.results ?? [];
  if (events.isPending || events.isError || rows.length === 0) return null;
  return (
    <section aria-labelledby="open-events" className="rounded-xl border border-amber-300 bg-amber-50 p-4 shadow-sm dark:bg-amber-950/30">
      <div className="flex items-center justify-between gap-4">
        <h2 id="open-events" className="text-base font-semibold">
          Open catastrophe events
        </h2>
        <Link to="/events" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          All events
        </Link>
      </div>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {rows.map((event) => (
          <li key={event.id} className="rounded-lg border bg-card p-3 text-sm">
            <Link to={`/events/${event.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
              {event.name}
            </Link>
            <p className="text-muted-foreground">
              {PERIL_LABELS[event.peril]} · {event.code}
            </p>
            <p>
              Claims: <EventClaimsCount eventId={event.id} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
