import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, sessionFetch, unwrap, type components } from "@/lib/api";

import { claimsApiQuery, type ClaimFilters, type ClaimsApiQuery } from "../filters";

export type ClaimRow = components["schemas"]["ClaimList"];
export type Assignee = components["schemas"]["Assignee"];
export type Assignees = components["schemas"]["Assignees"];
export type BulkResponse = components["schemas"]["BulkResponse"];
export type BulkResult = components["schemas"]["BulkResult"];
export type BulkAssignRequest = components["schemas"]["BulkAssignRequest"];
export type BulkTransitionRequest = components["schemas"]["BulkTransitionRequest"];
export type BulkReserveRequest = components["schemas"]["BulkReserveRequest"];
export type BulkReserveResponse = components["schemas"]["BulkReserveResponse"];
export type BulkMessageRequest = components["schemas"]["BulkMessageRequest"];
export type BulkMessageResponse = components["schemas"]["BulkMessageResponse"];

export const claimKeys = {
  all: ["claims"] as const,
  lists: () => [...claimKeys.all, "list"] as const,
  list: (query: ClaimsApiQuery) => [...claimKeys.lists(), query] as const,
  assignees: (department: string) => [...claimKeys.all, "assignees", department] as const,
};

/** One page of the claims list for the filters in the URL; the previous page stays shown while the next loads. */
export function claimsListQuery(filters: ClaimFilters) {
  const query = claimsApiQuery(filters);
  return queryOptions({
    queryKey: claimKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/claims/", { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The staff of a department that claims can be assigned to, with their open-claim load. */
export function assigneesQuery(department: string) {
  return queryOptions({
    queryKey: claimKeys.assignees(department),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/assignees/", { params: { query: { department } }, signal })),
    staleTime: 60_000,
  });
}

export function bulkAssign(body: BulkAssignRequest): Promise<BulkResponse> {
  return unwrap(api.POST("/api/claims/bulk/assign/", { body }));
}

export function bulkTransition(body: BulkTransitionRequest): Promise<BulkResponse> {
  return unwrap(api.POST("/api/claims/bulk/transition/", { body }));
}

/** Sets a reserve by rule on the claims; `key` (Idempotency-Key) makes a retry answer the first answer. */
export function bulkReserve(body: BulkReserveRequest, key: string): Promise<BulkReserveResponse> {
  return unwrap(api.POST("/api/claims/bulk/reserve/", { body, params: { header: { "Idempotency-Key": key } } }));
}

/** Writes to the claims' customers; `key` (Idempotency-Key) makes a retry send nothing twice. */
export function bulkMessage(body: BulkMessageRequest, key: string): Promise<BulkMessageResponse> {
  return unwrap(api.POST("/api/claims/bulk/message/", { body, params: { header: { "Idempotency-Key": key } } }));
}

function queryString(query: ClaimsApiQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query) as [string, string | number | boolean | string[] | undefined][]) {
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else if (value !== undefined) params.set(name, String(value));
  }
  return params.toString();
}

function filenameOf(response: Response): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? "claims.csv";
}

/**
 * The CSV of every claim matching the filters (`GET /api/claims/export.csv`), fetched with the
 * session's Bearer token (never a token in a URL) and handed to the browser as a download.
 */
export async function downloadClaimsCsv(filters: ClaimFilters): Promise<void> {
  const query = queryString(claimsApiQuery(filters, { page: false }));
  const url = `${globalThis.location.origin}/api/claims/export.csv${query ? `?${query}` : ""}`;
  const response = await sessionFetch(new Request(url));
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = filenameOf(response);
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}
