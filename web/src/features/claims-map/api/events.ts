import { queryOptions } from "@tanstack/react-query";

import { sessionFetch } from "@/lib/api";

import type { LonLat } from "../geo-math";

/** An open catastrophe event's area, as the map draws it. */
export interface EventArea {
  id: string;
  name: string;
  code: string;
  area: { kind: "circle"; centre: LonLat; radiusKm: number } | { kind: "polygon"; ring: LonLat[] };
}

function num(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : NaN;
  return Number.isFinite(n) ? n : null;
}

/** One event of `GET /api/catastrophes/` read defensively (null when it has no area we can draw). */
export function eventArea(raw: unknown): EventArea | null {
  if (typeof raw !== "object" || raw === null) return null;
  const row = raw as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
  const base = { id: text(row.id), name: text(row.name), code: text(row.code) };
  if (Array.isArray(row.polygon)) {
    const ring = (row.polygon as unknown[])
      .map((point) => (Array.isArray(point) ? [num(point[0]), num(point[1])] : [null, null]))
      .filter((point): point is [number, number] => point[0] !== null && point[1] !== null);
    return ring.length >= 3 ? { ...base, area: { kind: "polygon", ring } } : null;
  }
  const lat = num(row.centre_latitude);
  const lon = num(row.centre_longitude);
  const radius = num(row.radius_km);
  if (lat === null || lon === null || radius === null || radius <= 0) return null;
  return { ...base, area: { kind: "circle", centre: [lon, lat], radiusKm: radius } };
}

/**
 * The open catastrophe events' areas (`GET /api/catastrophes/?status=open`). Read with the
 * session's fetch rather than the typed client so that the map keeps working, without event
 * areas, where the catastrophes API is not deployed (a 404 reads as no events).
 */
export function openEventsQuery() {
  return queryOptions({
    queryKey: ["catastrophes", "open-areas"] as const,
    queryFn: async ({ signal }): Promise<EventArea[]> => {
      const response = await sessionFetch(new Request("/api/catastrophes/?status=open&page_size=200", { signal }));
      if (response.status === 404 || response.status === 403) return [];
      if (!response.ok) throw new Error(`catastrophes: ${response.status}`);
      const body = (await response.json()) as { results?: unknown[] } | unknown[];
      const rows = Array.isArray(body) ? body : (body.results ?? []);
      return rows.map(eventArea).filter((area): area is EventArea => area !== null);
    },
    staleTime: 60_000,
  });
}
