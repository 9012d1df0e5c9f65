import { useQuery } from "@tanstack/react-query";
import { geoArea, geoCircle, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, Polygon as GeoPolygon } from "geojson";
import {
  ArrowDown,
  ArrowLeft,
  ArrowRight,
  ArrowUp,
  Hand,
  Lasso,
  ListFilter,
  LocateFixed,
  RotateCw,
  SquareDashed,
  ZoomIn,
  ZoomOut,
} from "lucide-react";
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useNavigate } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useElementWidth } from "@/hooks/use-element-width";
import { STATUS_LABELS, type ClaimStatus } from "@/lib/claim-vocabulary";
import { cn } from "@/lib/cn";

import { openEventsQuery, type EventArea } from "../api/events";
import { claimsGeoQuery, type ClaimsGeo } from "../api/geo";
import { countries, KENYA_ID } from "../base-map";
import {
  bboxParam,
  clusterRadius,
  KENYA,
  lassoRing,
  normalizeBBox,
  polygonParam,
  type BBox,
} from "../geo-math";

const WIDTH = 960;
/** The map's height in its own units: landscape on wide screens, portrait (Kenya is taller than wide) on phones. */
const HEIGHT = 560;
const PHONE_HEIGHT = 1100;
/** Below this many CSS pixels the map is drawn portrait. */
const NARROW = 640;

type Mode = "pan" | "box" | "lasso";
type Pixel = readonly [number, number];

/** Marker colours by status (dark enough for white text and for a light background). */
const STATUS_COLOURS: Record<ClaimStatus, string> = {
  draft: "#64748b",
  submitted: "#1d4ed8",
  under_review: "#7c3aed",
  assessment: "#b45309",
  approved: "#047857",
  rejected: "#b91c1c",
  settlement: "#0e7490",
  settled: "#15803d",
  closed: "#334155",
  withdrawn: "#6b7280",
};

function projectionFor(view: BBox, height: number): GeoProjection {
  const [minLon, minLat, maxLon, maxLat] = view;
  return geoMercator().fitExtent(
    [
      [0, 0],
      [WIDTH, height],
    ],
    {
      type: "Feature",
      properties: {},
      geometry: {
        type: "MultiPoint",
        coordinates: [
          [minLon, minLat],
          [maxLon, maxLat],
        ],
      },
    },
  );
}

/** The box shown between two pixel corners of the projection (clamped to the world). */
function boxBetween(projection: GeoProjection, [x0, y0]: Pixel, [x1, y1]: Pixel): BBox | null {
  const a = projection.invert?.([x0, y0]);
  const b = projection.invert?.([x1, y1]);
  if (!a || !b) return null;
  return normalizeBBox([a[0], a[1], b[0], b[1]]);
}

function eventFeature(event: EventArea): Feature<GeoPolygon> {
  if (event.area.kind === "circle") {
    const degrees = event.area.radiusKm / 111.195;
    return { type: "Feature", properties: {}, geometry: geoCircle().center([...event.area.centre]).radius(degrees)() };
  }
  const ring = event.area.ring.map(([lon, lat]) => [lon, lat]);
  const first = ring[0]!;
  const last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([...first]);
  const shape: Feature<GeoPolygon> = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } };
  // d3-geo reads rings on the sphere: wound the other way, a small ring would mean the rest of the world.
  if (geoArea(shape) > 2 * Math.PI) shape.geometry.coordinates[0] = ring.reverse();
  return shape;
}

/** "1 claim in view", "3 claims in view". */
function claimsInView(total: number): string {
  return `${total.toLocaleString("en-GB")} ${total === 1 ? "claim" : "claims"} in view`;
}

function pixelOf(svg: SVGSVGElement, event: PointerEvent | { clientX: number; clientY: number }, height: number): Pixel {
  const rect = svg.getBoundingClientRect();
  return [((event.clientX - rect.left) * WIDTH) / rect.width, ((event.clientY - rect.top) * height) / rect.height];
}

/**
 * The staff claims map: the base map (countries, Kenya highlighted), the claims of the visible box
 * from `GET /api/claims/geo/` (clusters sized by count, or points coloured by status), the open
 * catastrophe events' areas, and a box or lasso selection that opens those claims in the list.
 * Everything the pointer does has a keyboard way: the buttons, the arrow keys and +/- on the map.
 */
export function ClaimsMap() {
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<BBox>(KENYA);
  const [mode, setMode] = useState<Mode>("pan");
  const [openOnly, setOpenOnly] = useState(false);
  const [drag, setDrag] = useState<{ start: Pixel; now: Pixel; path: Pixel[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const renderedWidth = useElementWidth(svgRef, WIDTH);
  const height = renderedWidth < NARROW ? PHONE_HEIGHT : HEIGHT;
  // Map units per CSS pixel: markers keep a size a finger can find when the map is drawn small.
  const unit = Math.min(3, Math.max(1, WIDTH / renderedWidth));

  const projection = useMemo(() => projectionFor(view, height), [view, height]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const visible = useMemo(() => boxBetween(projection, [0, height], [WIDTH, 0]) ?? view, [projection, view, height]);
  const fetched = useDeferredValue(visible);
  const geo = useQuery(claimsGeoQuery(fetched, { openOnly }));
  const events = useQuery(openEventsQuery());
  const world = useMemo(() => countries(), []);

  const statusQuery = openOnly ? "&status=submitted,under_review,assessment,approved,settlement" : "";
  const openList = (param: string) => void navigate(`/claims?${param}${statusQuery}`);

  const zoom = (factor: number, focus: Pixel = [WIDTH / 2, height / 2]) => {
    const [fx, fy] = focus;
    const next = boxBetween(
      projection,
      [fx - fx / factor, fy + (height - fy) / factor],
      [fx + (WIDTH - fx) / factor, fy - fy / factor],
    );
    if (next && next[2] - next[0] > 0.0005 && next[3] - next[1] > 0.0005) setView(next);
  };
  const pan = (dx: number, dy: number) => {
    const next = boxBetween(projection, [dx, height + dy], [WIDTH + dx, dy]);
    if (next) setView(next);
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = WIDTH / 5;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => pan(-step, 0),
      ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step),
      ArrowDown: () => pan(0, step),
      "+": () => zoom(2),
      "=": () => zoom(2),
      "-": () => zoom(0.5),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0 || !svgRef.current) return;
    const at = pixelOf(svgRef.current, event, height);
    svgRef.current.setPointerCapture?.(event.pointerId);
    setDrag({ start: at, now: at, path: [at] });
    setProblem(null);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag || !svgRef.current) return;
    const at = pixelOf(svgRef.current, event, height);
    setDrag({ ...drag, now: at, path: mode === "lasso" ? [...drag.path, at] : drag.path });
  };
  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    const [x0, y0] = drag.start;
    const [x1, y1] = drag.now;
    const moved = Math.abs(x1 - x0) + Math.abs(y1 - y0) > 4;
    if (!moved) return;
    if (mode === "pan") {
      pan(x0 - x1, y0 - y1);
    } else if (mode === "box") {
      const box = boxBetween(projection, [Math.min(x0, x1), Math.max(y0, y1)], [Math.max(x0, x1), Math.min(y0, y1)]);
      if (box) openList(`bbox=${bboxParam(box)}`);
    } else {
      const points = drag.path
        .map((pixel) => projection.invert?.([pixel[0], pixel[1]]))
        .filter((point): point is [number, number] => Boolean(point));
      const ring = lassoRing(points);
      if (ring) openList(`polygon=${polygonParam(ring)}`);
      else setProblem("The lasso crossed itself or was too small: draw a simple loop around the claims.");
    }
  };
  const onWheel = (event: React.WheelEvent<SVGSVGElement>) => {
    if (!svgRef.current) return;
    zoom(event.deltaY < 0 ? 1.5 : 1 / 1.5, pixelOf(svgRef.current, event, height));
  };

  const offset = drag && mode === "pan" ? [drag.now[0] - drag.start[0], drag.now[1] - drag.start[1]] : [0, 0];
  const data: ClaimsGeo | undefined = geo.data;
  const largest = Math.max(1, ...(data?.clusters.map((cluster) => cluster.count) ?? [1]));

  const modes: { value: Mode; label: string; icon: typeof Hand }[] = [
    { value: "pan", label: "Pan", icon: Hand },
    { value: "box", label: "Select a box", icon: SquareDashed },
    { value: "lasso", label: "Lasso", icon: Lasso },
  ];

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Map controls">
        <div className="flex gap-1" role="group" aria-label="Pointer mode">
          {modes.map(({ value, label, icon: Icon }) => (
            <Button
              key={value}
              type="button"
              size="sm"
              variant={mode === value ? "default" : "outline"}
              aria-pressed={mode === value}
              onClick={() => setMode(value)}
            >
              <Icon aria-hidden="true" />
              {label}
            </Button>
          ))}
        </div>
        <div className="flex gap-1" role="group" aria-label="Zoom and move">
          <Button type="button" size="icon" variant="outline" aria-label="Zoom in" onClick={() => zoom(2)}>
            <ZoomIn aria-hidden="true" />
          </Button>
          <Button type="button" size="icon" variant="outline" aria-label="Zoom out" onClick={() => zoom(0.5)}>
            <ZoomOut aria-hidden="true" />
          </Button>
          <Button type="button" size="icon" variant="outline" aria-label="Move west" onClick={() => pan(-WIDTH / 4, 0)}>
            <ArrowLeft aria-hidden="true" />
          </Button>
          <Button type="button" size="icon" variant="outline" aria-label="Move north" onClick={() => pan(0, -height / 4)}>
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button type="button" size="icon" variant="outline" aria-label="Move south" onClick={() => pan(0, height / 4)}>
            <ArrowDown aria-hidden="true" />
          </Button>
          <Button type="button" size="icon" variant="outline" aria-label="Move east" onClick={() => pan(WIDTH / 4, 0)}>
            <ArrowRight aria-hidden="true" />
          </Button>
          <Button type="button" size="icon" variant="outline" aria-label="Back to Kenya" onClick={() => setView(KENYA)}>
            <LocateFixed aria-hidden="true" />
          </Button>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={openOnly} onChange={(event) => setOpenOnly(event.target.checked)} />
          Open claims only
        </label>
        <Button type="button" size="sm" variant="secondary" onClick={() => openList(`bbox=${bboxParam(visible)}`)}>
          <ListFilter aria-hidden="true" />
          List the claims in view
        </Button>
      </div>

      <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="map-summary">
        {geo.isError
          ? "The claims could not be loaded."
          : !data
            ? "Loading claims…"
            : data.mode === "points"
              ? `${claimsInView(data.total)}.`
              : `${claimsInView(data.total)}, in ${data.clusters.length} clusters (cells of ${data.cell_size ?? 0}°): zoom in to see each claim.`}
      </p>
      {geo.isError && (
        <Alert variant="destructive">
          <AlertDescription>
            <p>{geo.error.message}</p>
            <Button type="button" variant="outline" size="sm" onClick={() => void geo.refetch()}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {problem && (
        <Alert variant="destructive">
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      )}

      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className={cn(
          "w-full touch-none select-none rounded-md border bg-sky-50 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
          mode === "pan" ? "cursor-grab" : "cursor-crosshair",
        )}
        role="application"
        aria-label="Claims map. Arrow keys move the map, plus and minus zoom."
        aria-roledescription="map"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onWheel={onWheel}
        data-testid="claims-map"
        data-bbox={bboxParam(visible)}
      >
        <g transform={`translate(${offset[0]},${offset[1]})`}>
          <g aria-hidden="true">
            {world.features.map((country, index) => (
              <path
                key={String(country.id ?? index)}
                d={path(country) ?? undefined}
                fill={String(country.id) === KENYA_ID ? "#fefce8" : "#f1f5f9"}
                stroke={String(country.id) === KENYA_ID ? "#a16207" : "#94a3b8"}
                strokeWidth={String(country.id) === KENYA_ID ? 1.5 : 0.6}
              />
            ))}
          </g>
          <g data-testid="event-areas">
            {(events.data ?? []).map((event) => (
              <path
                key={event.id}
                d={path(eventFeature(event)) ?? undefined}
                fill="#dc2626"
                fillOpacity={0.12}
                stroke="#dc2626"
                strokeDasharray={`${6 * unit} ${4 * unit}`}
                strokeWidth={1.5 * unit}
                role="img"
                aria-label={`Catastrophe event ${event.code} ${event.name}`}
              >
                <title>{`${event.code} ${event.name}`}</title>
              </path>
            ))}
          </g>
          {data?.mode === "clusters" &&
            data.clusters.map((cluster) => {
              const at = projection([cluster.lon, cluster.lat]);
              if (!at) return null;
              const radius = clusterRadius(cluster.count, largest) * unit;
              const label = `${cluster.count} claims, ${cluster.open} open: zoom in`;
              const [minLon, minLat, maxLon, maxLat] = cluster.cell;
              const zoomInto = () => setView([minLon!, minLat!, maxLon!, maxLat!]);
              return (
                <g
                  key={cluster.cell.join(",")}
                  transform={`translate(${at[0]},${at[1]})`}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  className="cursor-pointer outline-none [&:focus-visible>circle]:stroke-slate-950"
                  data-testid="map-cluster"
                  onPointerDown={(event) => event.stopPropagation()}
                  onClick={zoomInto}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" || event.key === " ") {
                      event.preventDefault();
                      zoomInto();
                    }
                  }}
                >
                  <title>{label}</title>
                  <circle r={radius} fill="#1e3a8a" fillOpacity={0.85} stroke="#ffffff" strokeWidth={2 * unit} />
                  <text
                    textAnchor="middle"
                    dy="0.35em"
                    fill="#ffffff"
                    fontSize={(radius > 16 * unit ? 13 : 11) * unit}
                    fontWeight={600}
                  >
                    {cluster.count}
                  </text>
                </g>
              );
            })}
          {data?.mode === "points" &&
            data.points.map((point) => {
              const at = projection([point.lon, point.lat]);
              if (!at) return null;
              const label = `${point.claim_number}, ${STATUS_LABELS[point.status]}, ${point.priority} priority`;
              return (
                <a
                  key={point.id}
                  href={`/claims/${point.id}`}
                  aria-label={label}
                  data-testid="map-point"
                  className="outline-none [&:focus-visible>circle:first-of-type]:stroke-slate-950"
                  onPointerDown={(event) => event.stopPropagation()}
                  onClick={(event) => {
                    event.preventDefault();
                    void navigate(`/claims/${point.id}`);
                  }}
                >
                  <title>{label}</title>
                  {/* A larger, clear target around the dot for a finger or an unsteady pointer; its ring shows keyboard focus. */}
                  <circle cx={at[0]} cy={at[1]} r={12 * unit} fill="transparent" stroke="transparent" strokeWidth={2.5 * unit} />
                  <circle
                    cx={at[0]}
                    cy={at[1]}
                    r={6 * unit}
                    fill={STATUS_COLOURS[point.status]}
                    stroke="#ffffff"
                    strokeWidth={1.5 * unit}
                  />
                </a>
              );
            })}
        </g>
        {drag && mode === "box" && (
          <rect
            x={Math.min(drag.start[0], drag.now[0])}
            y={Math.min(drag.start[1], drag.now[1])}
            width={Math.abs(drag.now[0] - drag.start[0])}
            height={Math.abs(drag.now[1] - drag.start[1])}
            fill="#2563eb"
            fillOpacity={0.1}
            stroke="#2563eb"
            strokeDasharray="4 3"
            aria-hidden="true"
          />
        )}
        {drag && mode === "lasso" && drag.path.length > 1 && (
          <polyline
            points={drag.path.map(([x, y]) => `${x},${y}`).join(" ")}
            fill="#2563eb"
            fillOpacity={0.1}
            stroke="#2563eb"
            strokeDasharray="4 3"
            aria-hidden="true"
          />
        )}
      </svg>

      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
        {(Object.keys(STATUS_COLOURS) as ClaimStatus[]).map((status) => (
          <li key={status} className="flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="5" fill={STATUS_COLOURS[status]} />
            </svg>
            {STATUS_LABELS[status]}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="6" fill="#1e3a8a" />
          </svg>
          A cluster (its count)
        </li>
        <li className="flex items-center gap-1">
          <svg width="14" height="10" aria-hidden="true">
            <rect width="14" height="10" fill="#dc2626" fillOpacity={0.15} stroke="#dc2626" strokeDasharray="3 2" />
          </svg>
          An open catastrophe event
        </li>
      </ul>
    </div>
  );
}
