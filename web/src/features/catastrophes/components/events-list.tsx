import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";

import { catastrophesQuery } from "../api/catastrophes";
import { useLiveCatastrophes } from "../hooks/use-live-catastrophes";
import { canManageEvents, PERIL_LABELS } from "../labels";
import { DeclareDialog } from "./declare-dialog";
import { EventClaimsCount } from "./event-claims-count";

const TABS = [
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "", label: "All" },
] as const;

/** `/events`: the catastrophe events (open, closed), their peril and claims, and "Declare event" for supervisors and admins. */
export function EventsList() {
  const user = useUser();
  const [status, setStatus] = useState<"" | "open" | "closed">("open");
  const [declaring, setDeclaring] = useState(false);
  const events = useQuery(catastrophesQuery(status));
  useLiveCatastrophes();
  const rows = events.data?.results ?? [];
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Show events" className="flex gap-1">
          {TABS.map((tab) => (
            <Button key={tab.label} size="sm" variant={status === tab.value ? "default" : "outline"} aria-pressed={status === tab.value} onClick={() => setStatus(tab.value)}>
              {tab.label}
            </Button>
          ))}
        </div>
        {canManageEvents(user.role) && (
          <Button size="sm" className="sm:ml-auto" onClick={() => setDeclaring(true)}>
            <Plus aria-hidden="true" />
            Declare event
          </Button>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Event</th>
              <th scope="col" className="px-3 py-2 font-medium">Peril</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Started</th>
              <th scope="col" className="px-3 py-2 font-medium">Claims</th>
            </tr>
          </thead>
          <tbody>
            {events.isPending ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-muted-foreground">Loading events…</td>
              </tr>
            ) : events.isError ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-destructive">The events could not be loaded: {events.error.message}</td>
              </tr>
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-muted-foreground">No events.</td>
              </tr>
            ) : (
              rows.map((event) => (
                <tr key={event.id} className="border-t">
                  <td className="px-3 py-2">
                    <Link to={`/events/${event.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                      {event.name}
                    </Link>
                    <span className="ml-2 text-xs text-muted-foreground">{event.code}</span>
                  </td>
                  <td className="px-3 py-2">{PERIL_LABELS[event.peril]}</td>
                  <td className="px-3 py-2">
                    <Badge variant={event.status === "open" ? "default" : "secondary"}>{event.status === "open" ? "Open" : "Closed"}</Badge>
                  </td>
                  <td className="px-3 py-2">{formatDateTime(event.starts_at)}</td>
                  <td className="px-3 py-2">
                    <EventClaimsCount eventId={event.id} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {declaring && <DeclareDialog department={user.department || "motor"} open onOpenChange={setDeclaring} />}
    </div>
  );
}
