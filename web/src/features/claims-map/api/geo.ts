import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";
import { OPEN_STATUSES } from "@/lib/claim-vocabulary";

import { bboxParam, type BBox } from "../geo-math";

export type ClaimsGeo = components["schemas"]["ClaimsGeo"];
export type GeoPoint = components["schemas"]["GeoPoint"];
export type GeoCluster = components["schemas"]["GeoCluster"];

/** The claims of a box (`GET /api/claims/geo/`): points when few, clusters when many. */
export function claimsGeoQuery(box: BBox, { openOnly }: { openOnly: boolean }) {
  const query = { bbox: bboxParam(box), ...(openOnly ? { status: [...OPEN_STATUSES] } : {}) };
  return queryOptions({
    queryKey: ["claims", "geo", query] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/claims/geo/", { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
