import { queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

export type CatastropheEvent = components["schemas"]["CatastropheEvent"];
export type CatastropheFigures = components["schemas"]["CatastropheFigures"];
export type DeclareRequest = components["schemas"]["CatastropheDeclareRequest"];
export type Peril = components["schemas"]["PerilEnum"];
export type BulkReserveRequest = components["schemas"]["BulkReserveRequest"];
export type BulkReserveResponse = components["schemas"]["BulkReserveResponse"];

export const catastropheKeys = {
  all: ["catastrophes"] as const,
  lists: () => [...catastropheKeys.all, "list"] as const,
  list: (status: string) => [...catastropheKeys.lists(), status] as const,
  detail: (id: string) => [...catastropheKeys.all, "detail", id] as const,
  figures: (id: string) => [...catastropheKeys.all, "figures", id] as const,
};

/** The events of a status ("" for all), newest first. */
export function catastrophesQuery(status: "" | "open" | "closed") {
  return queryOptions({
    queryKey: catastropheKeys.list(status),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/catastrophes/", {
          params: { query: { page_size: 100, ...(status ? { status } : {}) } },
          signal,
        }),
      ),
  });
}

export function catastropheQuery(id: string) {
  return queryOptions({
    queryKey: catastropheKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/catastrophes/{event_id}/", { params: { path: { event_id: id } }, signal })),
  });
}

/** An event's figures: claims, open, exposure, reserves, paid, by day (its department's staff and admins). */
export function figuresQuery(id: string) {
  return queryOptions({
    queryKey: catastropheKeys.figures(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/catastrophes/{event_id}/figures/", { params: { path: { event_id: id } }, signal })),
    retry: false,
  });
}

export function declareCatastrophe(body: DeclareRequest): Promise<CatastropheEvent> {
  return unwrap(api.POST("/api/catastrophes/", { body }));
}

export function closeCatastrophe(id: string, reason: string): Promise<CatastropheEvent> {
  return unwrap(api.POST("/api/catastrophes/{event_id}/close/", { params: { path: { event_id: id } }, body: { reason } }));
}

/** A reserve by rule on every open claim of the event the caller may see. */
export function reserveForEvent(body: BulkReserveRequest, key: string): Promise<BulkReserveResponse> {
  return unwrap(api.POST("/api/claims/bulk/reserve/", { body, params: { header: { "Idempotency-Key": key } } }));
}
