import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ListFilter, PiggyBank, XCircle } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useUser } from "@/lib/auth";
import { isApiError } from "@/lib/api";
import { formatDateTime, formatMoney } from "@/lib/format";

import { catastropheKeys, catastropheQuery, closeCatastrophe, figuresQuery } from "../api/catastrophes";
import { useLiveCatastrophes } from "../hooks/use-live-catastrophes";
import { canManageEvents, PERIL_LABELS } from "../labels";
import { ByDayChart } from "./by-day-chart";
import { EventReserveDialog } from "./event-reserve-dialog";
import { FiguresTiles } from "./figures-tiles";

/** `/events/:id`: the event's own dashboard, live (refetched on catastrophe and claim events). */
export function EventDashboard({ eventId }: { eventId: string }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const event = useQuery(catastropheQuery(eventId));
  const figures = useQuery(figuresQuery(eventId));
  const [reserving, setReserving] = useState(false);
  useLiveCatastrophes();
  const close = useMutation({
    mutationFn: () => closeCatastrophe(eventId, ""),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catastropheKeys.all }),
  });

  if (event.isPending) return <p className="text-sm text-muted-foreground">Loading the event…</p>;
  if (event.isError) {
    const notFound = isApiError(event.error) && event.error.status === 404;
    return <p className="text-sm text-destructive">{notFound ? "No such event." : event.error.message}</p>;
  }
  const data = event.data;
  const manages = canManageEvents(user.role) && (user.role === "admin" || user.department === data.department);
  const area =
    data.area_type === "circle"
      ? `${data.radius_km ?? "?"} km around ${data.centre_latitude ?? "?"}, ${data.centre_longitude ?? "?"}`
      : `a polygon of ${Math.max(0, (data.polygon?.length ?? 1) - 1)} corners`;
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{data.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <span>{data.code}</span>
            <Badge variant={data.status === "open" ? "default" : "secondary"} data-testid="event-status">
              {data.status === "open" ? "Open" : "Closed"}
            </Badge>
            <span>{PERIL_LABELS[data.peril]}</span>
            <span>· {area}</span>
            <span>
              · from {formatDateTime(data.starts_at)}
              {data.ends_at ? ` to ${formatDateTime(data.ends_at)}` : ""}
            </span>
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
