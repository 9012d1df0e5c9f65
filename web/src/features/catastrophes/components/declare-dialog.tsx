import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { api, isApiError, unwrap } from "@/lib/api";

import { catastropheKeys, declareCatastrophe, type DeclareRequest, type Peril } from "../api/catastrophes";
import { parsePolygon } from "../geometry";
import { PERIL_LABELS, PERILS } from "../labels";

type Errors = Partial<Record<string, string>>;

function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

/** "Declare event": name, peril, area (centre and radius, or a GeoJSON polygon), window, SLA, fast track, desk. */
export function DeclareDialog({ department, open, onOpenChange }: { department: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [peril, setPeril] = useState<Peril>("flood");
  const [shape, setShape] = useState<"circle" | "polygon">("circle");
  const [lat, setLat] = useState("");
  const [lon, setLon] = useState("");
  const [radius, setRadius] = useState("");
  const [polygon, setPolygon] = useState("");
  const [startsAt, setStartsAt] = useState(localNow);
  const [endsAt, setEndsAt] = useState("");
  const [slaHours, setSlaHours] = useState("");
  const [fastTrack, setFastTrack] = useState("");
  const [desk, setDesk] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const staff = useQuery({
    queryKey: ["claims", "assignees", department],
    queryFn: ({ signal }) => unwrap(api.GET("/api/claims/assignees/", { params: { query: { department } }, signal })),
    enabled: open && department !== "",
    staleTime: 60_000,
  });
  const mutation = useMutation({
    mutationFn: declareCatastrophe,
    onSuccess: (event) => {
      void queryClient.invalidateQueries({ queryKey: catastropheKeys.all });
      onOpenChange(false);
      void navigate(`/events/${event.id}`);
    },
  });
  const apiError = isApiError(mutation.error) ? mutation.error : null;
  const errorOf = (field: string) => errors[field] ?? apiError?.fieldError(field);
  const people = [...(staff.data?.agents ?? []), ...(staff.data?.assessors ?? [])];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!name.trim()) found.name = "Name the event, e.g. Kisumu floods.";
    const body: DeclareRequest = { name: name.trim(), peril, starts_at: new Date(startsAt).toISOString() };
    if (!startsAt) found.starts_at = "When it started.";
    if (endsAt) body.ends_at = new Date(endsAt).toISOString();
    if (shape === "circle") {
      if (!lat.trim()) found.centre_latitude = "The centre's latitude, e.g. -0.0917.";
      if (!lon.trim()) found.centre_longitude = "The centre's longitude, e.g. 34.768.";
      if (!radius.trim()) found.radius_km = "The radius in km.";
      body.centre_latitude = lat.trim();
      body.centre_longitude = lon.trim();
      body.radius_km = radius.trim();
    } else {
      const parsed = parsePolygon(polygon);
      if (parsed.error) found.polygon = parsed.error;
      body.polygon = parsed.ring;
    }
    if (slaHours.trim()) body.sla_hours = Number(slaHours);
    if (fastTrack.trim()) body.fast_track_limit = fastTrack.trim();
    if (desk.length > 0) body.desk = desk;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(body);
  };

  const field = (key: string, label: string, input: React.ReactNode) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`${id}-${key}`}>{label}</Label>
      {input}
      {errorOf(key) && (
        <p id={`${id}-${key}-error`} className="text-sm text-destructive">
          {errorOf(key)}
        </p>
      )}
    </div>
  );
  const text = (key: string, value: string, set: (value: string) => void, props: React.ComponentProps<"input"> = {}) => (
    <Input
      id={`${id}-${key}`}
      value={value}
      aria-invalid={!!errorOf(key)}
      aria-describedby={errorOf(key) ? `${id}-${key}-error` : undefined}
      onChange={(event) => set(event.target.value)}
      {...props}
    />
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Declare a catastrophe event</DialogTitle>
          <DialogDescription>
            Claims whose incident falls inside the area and window are tagged with the event, those filed already too.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={submit} noValidate>
          {apiError && <p className="rounded-md border border-destructive/40 p-2 text-sm text-destructive">{apiError.message}</p>}
          <div className="grid gap-4 sm:grid-cols-2">
            {field("name", "Name", text("name", name, setName, { maxLength: 200 }))}
            {field(
              "peril",
              "Peril",
              <NativeSelect id={`${id}-peril`} value={peril} onChange={(event) => setPeril(event.target.value as Peril)}>
                {PERILS.map((value) => (
                  <option key={value} value={value}>
                    {PERIL_LABELS[value]}
                  </option>
                ))}
              </NativeSelect>,
            )}
          </div>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Area</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name={`${id}-shape`} className="accent-primary" checked={shape === "circle"} onChange={() => setShape("circle")} />
                Centre and radius
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name={`${id}-shape`} className="accent-primary" checked={shape === "polygon"} onChange={() => setShape("polygon")} />
                Polygon (GeoJSON coordinates)
              </label>
            </div>
          </fieldset>
          {shape === "circle" ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {field("centre_latitude", "Centre latitude", text("centre_latitude", lat, setLat, { inputMode: "decimal" }))}
              {field("centre_longitude", "Centre longitude", text("centre_longitude", lon, setLon, { inputMode: "decimal" }))}
              {field("radius_km", "Radius (km)", text("radius_km", radius, setRadius, { inputMode: "decimal" }))}
            </div>
          ) : (
            field(
              "polygon",
              "Polygon corners [[lon, lat], ...]",
              <Textarea
                id={`${id}-polygon`}
                rows={3}
                value={polygon}
                aria-invalid={!!errorOf("polygon")}
                aria-describedby={errorOf("polygon") ? `${id}-polygon-error` : undefined}
                onChange={(event) => setPolygon(event.target.value)}
              />,
            )
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            {field("starts_at", "Started", text("starts_at", startsAt, setStartsAt, { type: "datetime-local" }))}
            {field("ends_at", "Ended (optional)", text("ends_at", endsAt, setEndsAt, { type: "datetime-local" }))}
            {field("sla_hours", "SLA hours (optional)", text("sla_hours", slaHours, setSlaHours, { inputMode: "numeric" }))}
            {field("fast_track_limit", "Fast-track below (KES, optional)", text("fast_track_limit", fastTrack, setFastTrack, { inputMode: "decimal" }))}
          </div>
          <fieldset className="grid gap-1">
            <legend className="mb-1 text-sm font-medium">Desk</legend>
            {people.length === 0 ? (
              <p className="text-sm text-muted-foreground">{staff.isLoading ? "Loading staff…" : "No staff to pick."}</p>
            ) : (
              <div className="grid max-h-40 gap-1 overflow-y-auto rounded-md border p-2 text-sm sm:grid-cols-2">
                {people.map((person) => (
                  <label key={person.id} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="accent-primary"
                      checked={desk.includes(person.id)}
                      onChange={(event) =>
                        setDesk((current) => (event.target.checked ? [...current, person.id] : current.filter((item) => item !== person.id)))
                      }
                    />
                    {person.name || person.email} ({person.role})
                  </label>
                ))}
              </div>
            )}
            {errorOf("desk") && <p className="text-sm text-destructive">{errorOf("desk")}</p>}
          </fieldset>
          <DialogFooter>
            <Button variant="outline" type="button" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Declaring…" : "Declare event"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
