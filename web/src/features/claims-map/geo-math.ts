/**
 * Pure geometry for the claims map: boxes in GeoJSON's order ([min_lon, min_lat, max_lon, max_lat]),
 * the query parameters the API takes (`bbox=`, `polygon=`), a lasso's ring, and point-in-polygon.
 * No DOM and no projection here, so each piece is unit-tested on its own.
 */

export type LonLat = readonly [lon: number, lat: number];
export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

export const WORLD: BBox = [-180, -90, 180, 90];
/** Kenya with a margin: where the map opens. */
export const KENYA: BBox = [33.5, -5.0, 42.0, 5.2];

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Rounds to 6 decimals (about 0.1 m), as the API stores positions, so URLs stay short. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A box the API accepts: inside the world, min <= max on both axes. A view that shows more than
 * the world (zoomed far out) or a wrapped longitude is clamped rather than refused.
 */
export function normalizeBBox([a, b, c, d]: BBox): BBox {
  const minLon = clamp(Math.min(a, c), -180, 180);
  const maxLon = clamp(Math.max(a, c), -180, 180);
  const minLat = clamp(Math.min(b, d), -90, 90);
  const maxLat = clamp(Math.max(b, d), -90, 90);
  return [round6(minLon), round6(minLat), round6(maxLon), round6(maxLat)];
}

/** The smallest box holding every point (null for none). */
export function bboxOfPoints(points: readonly LonLat[]): BBox | null {
  if (points.length === 0) return null;
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function bboxContains([minLon, minLat, maxLon, maxLat]: BBox, [lon, lat]: LonLat): boolean {
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

/** `min_lon,min_lat,max_lon,max_lat` for `?bbox=`. */
export function bboxParam(box: BBox): string {
  return normalizeBBox(box).join(",");
}

/** Reads `?bbox=` leniently: null unless four finite numbers in range with min <= max. */
export function parseBBox(text: string | null): BBox | null {
  if (!text) return null;
  const parts = text.split(",").map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  const lonOk = (n: number) => n >= -180 && n <= 180;
  const latOk = (n: number) => n >= -90 && n <= 90;
  if (!lonOk(minLon) || !lonOk(maxLon) || !latOk(minLat) || !latOk(maxLat)) return null;
  if (minLon > maxLon || minLat > maxLat) return null;
  return [minLon, minLat, maxLon, maxLat];
}

/** The most corners the API takes in a polygon. */
export const MAX_POLYGON_VERTICES = 100;

/** `lon,lat,lon,lat,...` for `?polygon=`. */
export function polygonParam(ring: readonly LonLat[]): string {
  return ring.flatMap(([lon, lat]) => [round6(lon), round6(lat)]).join(",");
}

/** Reads `?polygon=` leniently: null unless 3 to 100 in-range corners. */
export function parsePolygon(text: string | null): LonLat[] | null {
  if (!text) return null;
  const numbers = text.split(",").map((part) => Number(part.trim()));
  if (numbers.length % 2 !== 0 || numbers.some((n) => !Number.isFinite(n))) return null;
  const ring: LonLat[] = [];
  for (let i = 0; i < numbers.length; i += 2) ring.push([numbers[i]!, numbers[i + 1]!]);
  if (ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]) ring.pop();
  if (ring.length < 3 || ring.length > MAX_POLYGON_VERTICES) return null;
  if (ring.some(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90)) return null;
  return ring;
}

/** Ray casting (the same rule as the API's SQL): a point on the western or southern edge is inside. */
export function pointInPolygon([x, y]: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi === yj) continue;
    const low = Math.min(yi, yj);
    const high = Math.max(yi, yj);
    if (y >= low && y < high && x < xj + ((y - yj) * (xi - xj)) / (yi - yj)) inside = !inside;
  }
  return inside;
}

function cross(o: LonLat, a: LonLat, b: LonLat): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsCross(p1: LonLat, p2: LonLat, p3: LonLat, p4: LonLat): boolean {
  const d1 = cross(p3, p4, p1);
  const d2 = cross(p3, p4, p2);
  const d3 = cross(p1, p2, p3);
  const d4 = cross(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Whether two edges of the ring cross (a lasso drawn over itself), which the API refuses. */
export function selfIntersects(ring: readonly LonLat[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours through the closing edge
      if (segmentsCross(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

/**
 * A lasso drawn with the pointer, thinned to at most `max` corners (every k-th point, the last
 * kept) so the API accepts it; null when it cannot make a simple polygon (fewer than three
 * corners, or drawn over itself).
 */
export function lassoRing(path: readonly LonLat[], max = MAX_POLYGON_VERTICES): LonLat[] | null {
  const distinct = path.filter(
    (point, index) => index === 0 || point[0] !== path[index - 1]![0] || point[1] !== path[index - 1]![1],
  );
  const step = Math.max(1, Math.ceil(distinct.length / max));
  const ring = distinct.filter((_, index) => index % step === 0).map(([lon, lat]) => [round6(lon), round6(lat)] as const);
  if (ring.length < 3 || selfIntersects(ring)) return null;
  return ring;
}

/** A cluster's circle radius in pixels: grows with the square root of its count, within bounds. */
export function clusterRadius(count: number, largest: number, min = 10, max = 34): number {
  if (largest <= 1) return min;
  return min + (max - min) * Math.sqrt((count - 1) / (largest - 1));
}

/** The same box zoomed by `factor` (2 = twice as close) about its centre, or about `focus`. */
export function zoomBBox(box: BBox, factor: number, focus?: LonLat): BBox {
  const [minLon, minLat, maxLon, maxLat] = box;
  const [cx, cy] = focus ?? [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  return [cx - (cx - minLon) / factor, cy - (cy - minLat) / factor, cx + (maxLon - cx) / factor, cy + (maxLat - cy) / factor];
}

/** The same box moved by a fraction of its own width and height (east and north positive). */
export function panBBox(box: BBox, east: number, north: number): BBox {
  const [minLon, minLat, maxLon, maxLat] = box;
  const dx = (maxLon - minLon) * east;
  const dy = (maxLat - minLat) * north;
  return [minLon + dx, minLat + dy, maxLon + dx, maxLat + dy];
}
