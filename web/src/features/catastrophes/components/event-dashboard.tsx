import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, ListFilter, PiggyBank, RotateCw, XCircle } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useUser } from "@/lib/auth";
import { isApiError } from "@/lib/api";
import { formatDateTime, formatMoney } from "@/lib/format";

import { catastropheKeys, catastropheQuery, closeCatastrophe, figuresQuery } from "../api/catastrophes";
import { useLiveCatastrophes } from "../hooks/use-live-catastrophes";
import { canManageEvents, PERIL_LABELS } from "../labels";
import { ByDayChart } from "./by-day-chart";
import { EventReserveDialog } from "./event-reserve-dialog";
import { FiguresTiles } from "./figures-tiles";

/** "25 km" from the API's "25.00" (kilometres, two decimals). */
function formatKm(value: string | null | undefined): string {
  if (value === null || value === undefined) return "? km";
  return `${Number(value).toLocaleString("en-GB", { maximumFractionDigits: 2 })} km`;
}

/** A latitude or longitude to four decimals (about 10 m), as a person reads it. */
function formatCoordinate(value: string | null | undefined): string {
  return value === null || value === undefined ? "?" : Number(value).toFixed(4);
}

function BackToEvents() {
  return (
    <Link
      to="/events"
      className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline focus-visible:underline"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      All events
    </Link>
  );
}

/** `/events/:id`: the event's own dashboard, live (refetched on catastrophe and claim events). */
export function EventDashboard({ eventId }: { eventId: string }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const event = useQuery(catastropheQuery(eventId));
  // Asked once the event is known: a wrong address answers one 404, not two.
  const figures = useQuery({ ...figuresQuery(eventId), enabled: event.isSuccess });
  const [reserving, setReserving] = useState(false);
  useLiveCatastrophes();
  const close = useMutation({
    mutationFn: () => closeCatastrophe(eventId, ""),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catastropheKeys.all }),
  });

  if (event.isPending) {
    return (
      <div className="grid gap-6" aria-busy="true" aria-label="Loading the event">
        <BackToEvents />
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-full max-w-xl" />
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} className="h-[74px]" />
          ))}
        </div>
      </div>
    );
  }
  if (event.isError) {
    const notFound = isApiError(event.error) && (event.error.status === 404 || event.error.status === 403);
    return (
      <div className="grid gap-4">
        <BackToEvents />
        <h1 className="text-2xl font-semibold tracking-tight">{notFound ? "Event not found" : "Catastrophe event"}</h1>
        <Alert variant={notFound ? "default" : "destructive"}>
          <AlertTitle>{notFound ? "No such event" : "The event could not be loaded"}</AlertTitle>
          <AlertDescription>
            <p>{notFound ? "This event does not exist, or it is not available to you." : event.error.message}</p>
            {!notFound && (
              <Button variant="outline" size="sm" onClick={() => void event.refetch()}>
                <RotateCw aria-hidden="true" />
                Try again
              </Button>
            )}
          </AlertDescription>
        </Alert>
      </div>
    );
  }
  const data = event.data;
  const manages = canManageEvents(user.role) && (user.role === "admin" || user.department === data.department);
  const area =
    data.area_type === "circle"
      ? `${formatKm(data.radius_km)} around ${formatCoordinate(data.centre_latitude)}, ${formatCoordinate(data.centre_longitude)}`
      : `A polygon of ${Math.max(0, (data.polygon?.length ?? 1) - 1)} corners`;
  return (
    <div className="grid gap-6">
      <BackToEvents />
      <div className="-mt-3 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{data.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
            <span>{data.code}</span>
            <Badge variant={data.status === "open" ? "default" : "secondary"} data-testid="event-status">
              {data.status === "open" ? "Open" : "Closed"}
            </Badge>
            <span>{PERIL_LABELS[data.peril]}</span>
          </p>
          <p className="mt-1 text-sm text-muted-foreground">
            {area} · from {formatDateTime(data.starts_at)}
            {data.ends_at ? ` to ${formatDateTime(data.ends_at)}` : ""}
          </p>
          <p className="mt-1 text-sm text-muted-foreground">
            {data.sla_hours ? `SLA ${data.sla_hours} h` : "The usual SLA"}
            {data.fast_track_limit ? ` · fast track below ${formatMoney(data.fast_track_limit, data.currency)}` : ""}
            {data.desk.length > 0 ? ` · desk: ${data.desk.map((person) => person.name).join(", ")}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild size="sm" variant="outline">
            <Link to={`/claims?catastrophe=${data.id}`}>
              <ListFilter aria-hidden="true" />
              Its claims
            </Link>
          </Button>
          {data.status === "open" && ["agent", "supervisor", "admin"].includes(user.role) && (
            <Button size="sm" variant="outline" onClick={() => setReserving(true)}>
              <PiggyBank aria-hidden="true" />
              Reserve by rule
            </Button>
          )}
          {manages && data.status === "open" && (
            <Button
              size="sm"
              variant="destructive"
              disabled={close.isPending}
              onClick={() => {
                if (globalThis.confirm(`Close ${data.name}? New claims will no longer be tagged with it.`)) close.mutate();
              }}
            >
              <XCircle aria-hidden="true" />
              Close event
            </Button>
          )}
        </div>
      </div>
      {close.isError && <p className="text-sm text-destructive">{close.error.message}</p>}
      <section aria-labelledby="event-figures" className="grid gap-4">
        <h2 id="event-figures" className="text-base font-semibold">
          Figures
        </h2>
        {figures.isPending ? (
          <p className="text-sm text-muted-foreground">Loading figures…</p>
        ) : figures.isError ? (
          <p className="text-sm text-muted-foreground">
            {isApiError(figures.error) && figures.error.status === 403
              ? "An event's figures are for its department's staff."
              : figures.error.message}
          </p>
        ) : (
          <>
            <FiguresTiles figures={figures.data} />
            <div className="rounded-lg border p-4">
              <h3 className="mb-2 text-sm font-medium">Claims filed per day</h3>
              <ByDayChart days={figures.data.by_day} />
            </div>
          </>
        )}
      </section>
      {reserving && <EventReserveDialog eventId={data.id} eventName={data.name} open onOpenChange={setReserving} />}
    </div>
  );
}
