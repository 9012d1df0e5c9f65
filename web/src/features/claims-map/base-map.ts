/**
 * The base map, shipped with the app (no tile server, nothing from another origin): Natural
 * Earth's country outlines at 1:110m from the `world-atlas` package (TopoJSON, about 100 kB),
 * turned into GeoJSON with `topojson-client`. No package on the registry we use ships Kenya's
 * county boundaries under a licence we can bundle (`kenya-locations` has names and codes only),
 * so Kenya is drawn as its national outline, highlighted.
 */
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

export type CountryFeatures = FeatureCollection<Geometry, { name: string }>;

/** Kenya's ISO 3166-1 numeric code, the feature id in world-atlas. */
export const KENYA_ID = "404";

let cached: CountryFeatures | null = null;

export function countries(): CountryFeatures {
  if (!cached) {
    const topology = countries110m as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    cached = feature(topology, topology.objects.countries);
  }
  return cached;
}
