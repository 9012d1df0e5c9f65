import { useQuery } from "@tanstack/react-query";
import { Plus, RotateCw } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";

import { catastrophesQuery } from "../api/catastrophes";
import { useLiveCatastrophes } from "../hooks/use-live-catastrophes";
import { canManageEvents, PERIL_LABELS } from "../labels";
import { DeclareDialog } from "./declare-dialog";
import { EventClaimsCount } from "./event-claims-count";

const LINK = "font-medium text-primary underline-offset-4 hover:underline focus-visible:underline";

const EMPTY = { open: "No open events.", closed: "No closed events.", "": "No events yet." } as const;

function StatusBadge({ status }: { status: string }) {
  return <Badge variant={status === "open" ? "default" : "secondary"}>{status === "open" ? "Open" : "Closed"}</Badge>;
}

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
      {events.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading events">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} className="h-12 w-full" />
          ))}
        </div>
      ) : events.isError ? (
        <Alert variant="destructive">
          <AlertTitle>The events could not be loaded</AlertTitle>
          <AlertDescription>
            <p>{events.error.message}</p>
            <Button variant="outline" size="sm" onClick={() => void events.refetch()}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : rows.length === 0 ? (
        <div className="rounded-lg border border-dashed p-8 text-center">
          <p className="font-medium">{EMPTY[status]}</p>
          {status === "open" && (
            <p className="mt-1 text-sm text-muted-foreground">
              When a flood, storm or pile-up is declared, its claims are counted here.
            </p>
          )}
        </div>
      ) : (
        <>
          {/* Phones: one card per event. */}
          <ul className="grid gap-2 md:hidden" aria-label="Catastrophe events">
            {rows.map((event) => (
              <li key={event.id} className="grid gap-1 rounded-lg border p-3 text-sm" data-event={event.id}>
                <div className="flex items-start justify-between gap-2">
                  <Link to={`/events/${event.id}`} className={LINK}>
                    {event.name}
                  </Link>
                  <StatusBadge status={event.status} />
                </div>
                <p className="text-muted-foreground">
                  {PERIL_LABELS[event.peril]} · {event.code}
                </p>
                <p className="flex flex-wrap justify-between gap-x-4 gap-y-1">
                  <span>
                    <span className="text-muted-foreground">Started </span>
                    {formatDateTime(event.starts_at)}
                  </span>
                  <span>
                    <span className="text-muted-foreground">Claims </span>
                    <EventClaimsCount eventId={event.id} />
                  </span>
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-hidden rounded-lg border md:block">
            <Table aria-label="Catastrophe events" scrollLabel="Catastrophe events, scrollable">
              <TableHeader className="bg-muted/40">
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">Event</TableHead>
                  <TableHead scope="col">Peril</TableHead>
                  <TableHead scope="col">Status</TableHead>
                  <TableHead scope="col">Started</TableHead>
                  <TableHead scope="col">Claims</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((event) => (
                  <TableRow key={event.id} data-event={event.id}>
                    <TableCell>
                      <Link to={`/events/${event.id}`} className={LINK}>
                        {event.name}
                      </Link>
                      <span className="ml-2 text-xs text-muted-foreground">{event.code}</span>
                    </TableCell>
                    <TableCell>{PERIL_LABELS[event.peril]}</TableCell>
                    <TableCell>
                      <StatusBadge status={event.status} />
                    </TableCell>
                    <TableCell>{formatDateTime(event.starts_at)}</TableCell>
                    <TableCell>
                      <EventClaimsCount eventId={event.id} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {declaring && <DeclareDialog department={user.department || "motor"} open onOpenChange={setDeclaring} />}
    </div>
  );
}
