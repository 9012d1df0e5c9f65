/**
 * The area of a catastrophe event as a form takes it: a centre and a radius, or a polygon pasted as
 * GeoJSON coordinates (`[[lon, lat], ...]`, a ring closed on its first point, or a whole Polygon
 * geometry). The server checks the rest (self-intersection, the antimeridian).
 */
export type Ring = [number, number][];

export function parsePolygon(text: string): { ring: Ring | null; error: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ring: null, error: "Paste GeoJSON coordinates: [[lon, lat], [lon, lat], ...]." };
  }
  if (value && typeof value === "object" && !Array.isArray(value) && "coordinates" in value) {
    value = (value).coordinates;
  }
  // A Polygon's coordinates are a list of rings: take the outer one.
  if (Array.isArray(value) && Array.isArray(value[0]) && Array.isArray((value[0] as unknown[])[0])) {
    value = value[0];
  }
  if (!Array.isArray(value)) return { ring: null, error: "Paste GeoJSON coordinates: [[lon, lat], ...]." };
  const ring: Ring = [];
  for (const point of value) {
    if (!Array.isArray(point) || point.length !== 2 || !point.every((n) => typeof n === "number" && Number.isFinite(n))) {
      return { ring: null, error: "Each corner is [longitude, latitude] in numbers." };
    }
    const [lon, lat] = point as [number, number];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return { ring: null, error: "Longitudes are -180 to 180 and latitudes -90 to 90 (GeoJSON order: lon, lat)." };
    }
    ring.push([lon, lat]);
  }
  if (ring.length > 0) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  }
  if (ring.length < 4) return { ring: null, error: "A polygon needs at least three corners." };
  return { ring, error: null };
}

export interface Bar {
  day: string;
  claims: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The bars of a by-day chart in a `width` x `height` box, the tallest day at full height. A bar is at
 * most `maxBar` wide, centred in its day's slot: a day or two of claims reads as bars, not as a block.
 */
export function barsOf(
  days: readonly { day: string; claims: number }[],
  width: number,
  height: number,
  maxBar = 48,
): Bar[] {
  if (days.length === 0) return [];
  const most = Math.max(1, ...days.map((day) => day.claims));
  const slot = width / days.length;
  const gap = Math.min(4, slot * 0.2);
  const barWidth = Math.min(slot - gap, maxBar);
  return days.map((day, index) => {
    const barHeight = (day.claims / most) * height;
    return {
      day: day.day,
      claims: day.claims,
      x: index * slot + (slot - barWidth) / 2,
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
    };
  });
}
