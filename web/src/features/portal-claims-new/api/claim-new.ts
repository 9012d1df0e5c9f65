/**
 * What the "Report a claim" wizard reads and writes, on the typed client: the customer's policies
 * (the active ones are offered), the geocoder (address search and the address at a point), and the
 * claim itself: filed as a draft (POST with `draft: true` and the draft's Idempotency-Key), its
 * details PATCHed while it is a draft, then submitted or withdrawn through the transition endpoint.
 */
import { queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

import type { ClaimBody } from "../wizard";

type Schemas = components["schemas"];
export type Policy = Schemas["PolicyOutput"];
export type Claim = Schemas["ClaimDetail"];
export type LookupResult = Schemas["LookupResult"];

export const claimNewKeys = {
  policies: ["portal", "claim-new", "policies"] as const,
  claim: (id: string) => ["portal", "claim-new", "claim", id] as const,
  documents: (id: string) => ["portal", "claim-new", "claim", id, "documents"] as const,
};

/** A customer has few policies: one page holds them all. */
const ALL = 100;

export function policiesQuery() {
  return queryOptions({
    queryKey: claimNewKeys.policies,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/policies/", { params: { query: { page_size: ALL, ordering: "-created_at" } }, signal })),
    select: (page) => page.results,
  });
}

export function claimQuery(id: string) {
  return queryOptions({
    queryKey: claimNewKeys.claim(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/claims/{claim_id}/", { params: { path: { claim_id: id } }, signal })),
    retry: (count, error) => !("isHidden" in error && error.isHidden) && count < 2,
  });
}

/** The documents on the draft (the customer's own uploads): their names and scan states. */
export function claimDocumentsQuery(id: string) {
  return queryOptions({
    queryKey: claimNewKeys.documents(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/claims/{claim_id}/documents/", {
          params: { path: { claim_id: id }, query: { page_size: ALL } },
          signal,
        }),
      ),
    select: (page) => page.results,
  });
}

/** A place as the geocoder answers it (integrations/clients/nominatim.py `_place`). */
export interface Place {
  latitude: number;
  longitude: number;
  display_name: string;
}

export type PlaceAnswer =
  | { status: "ok"; place: Place }
  | { status: "not_found" }
  /** The geocoder cannot answer now (not configured, unavailable, rate limited, failed). */
  | { status: "unavailable" };

function placeOf(result: LookupResult): PlaceAnswer {
  if (result.status === "ok") {
    const data = result.data as Partial<Place> | null;
    if (data && typeof data.latitude === "number" && typeof data.longitude === "number") {
      return {
        status: "ok",
        place: { latitude: data.latitude, longitude: data.longitude, display_name: data.display_name ?? "" },
      };
    }
  }
  if (result.status === "not_found" || result.status === "invalid") return { status: "not_found" };
  return { status: "unavailable" };
}

export async function searchAddress(q: string, signal?: AbortSignal): Promise<PlaceAnswer> {
  return placeOf(await unwrap(api.GET("/api/integrations/geocode/", { params: { query: { q } }, signal })));
}

export async function addressAt(lat: number, lon: number, signal?: AbortSignal): Promise<PlaceAnswer> {
  return placeOf(
    await unwrap(api.GET("/api/integrations/geocode/reverse/", { params: { query: { lat, lon } }, signal })),
  );
}

export function fileDraftClaim(policy: string, body: ClaimBody, key: string) {
  return unwrap(
    api.POST("/api/claims/", {
      params: { header: { "Idempotency-Key": key } },
      body: { policy, draft: true, total_loss_hint: false, ...body },
    }),
  );
}

export function updateDraftClaim(id: string, body: Partial<ClaimBody>) {
  return unwrap(api.PATCH("/api/claims/{claim_id}/", { params: { path: { claim_id: id } }, body }));
}

export function moveClaim(id: string, to: "submitted" | "withdrawn", reason = "") {
  return unwrap(
    api.POST("/api/claims/{claim_id}/transition/", { params: { path: { claim_id: id } }, body: { to, reason } }),
  );
}
