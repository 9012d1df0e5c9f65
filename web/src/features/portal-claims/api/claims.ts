/**
 * What the customer's claim pages read and write, on the typed client. Keys start with
 * `["portal", "claims"]` (the list) and `["portal", "claim", id, ...]` (one claim's parts), so an
 * event about the claim refetches one prefix, and `["portal"]` (what the policy pages invalidate)
 * covers them too.
 */
import { queryOptions } from "@tanstack/react-query";

import { api, sessionFetch, unwrap, type components } from "@/lib/api";

type Schemas = components["schemas"];
export type ClaimRow = Schemas["ClaimList"];
export type Claim = Schemas["ClaimDetail"];
export type ClaimStatus = Schemas["ClaimStatusEnum"];
export type TimelineItem = Schemas["TimelineItem"];
export type Communication = Schemas["Communication"];
export type Offer = Schemas["SettlementOffer"];
export type DocumentRequest = Schemas["DocumentRequest"];
export type CustomerStatus = Schemas["CustomerStatus"];
export type ClaimDocument = Schemas["DocumentOutput"];
export type DocumentKind = Schemas["DocumentKindEnum"];
export type ScanStatus = Schemas["DocumentScanStatusEnum"];

/** A customer's claims and a claim's parts are short lists: one page of this size is all of them. */
const ALL = 200;

export const claimKeys = {
  list: ["portal", "claims"] as const,
  /** Every query of one claim's page (a prefix). */
  all: (id: string) => ["portal", "claim", id] as const,
  detail: (id: string) => ["portal", "claim", id, "claim"] as const,
  part: (id: string, part: string) => ["portal", "claim", id, part] as const,
};

/** A claim that is not the caller's answers 404: no retries, the page shows "not found" at once. */
const hiddenNoRetry = (count: number, error: Error) => !("isHidden" in error && error.isHidden) && count < 2;

export function claimsQuery() {
  return queryOptions({
    queryKey: claimKeys.list,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/", { params: { query: { page_size: ALL, ordering: "-created_at" } }, signal })),
    select: (page) => page.results,
  });
}

export function claimQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/claims/{claim_id}/", { params: { path: { claim_id: id } }, signal })),
    retry: hiddenNoRetry,
  });
}

/** The newest page of a list paged by number, and whether older entries were left out. */
async function newestPage<T>(get: (page: number) => Promise<{ count: number; results: T[] }>) {
  const first = await get(1);
  if (first.count <= first.results.length) return { items: first.results, more: false };
  const last = await get(Math.ceil(first.count / ALL));
  return { items: last.results, more: true };
}

export function timelineQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "timeline"),
    queryFn: ({ signal }) =>
      newestPage((page) =>
        unwrap(
          api.GET("/api/claims/{claim_id}/timeline/", {
            params: { path: { claim_id: id }, query: { page, page_size: ALL } },
            signal,
          }),
        ),
      ),
    retry: hiddenNoRetry,
  });
}

export function messagesQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "messages"),
    queryFn: ({ signal }) =>
      newestPage((page) =>
        unwrap(
          api.GET("/api/claims/{claim_id}/communications/", {
            params: { path: { claim_id: id }, query: { page, page_size: ALL } },
            signal,
          }),
        ),
      ),
    retry: hiddenNoRetry,
  });
}

/** The settlement offers made to the customer, newest first (never a proposal still being checked). */
export function offersQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "offers"),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/{claim_id}/settlement/offers/", { params: { path: { claim_id: id } }, signal })),
    retry: hiddenNoRetry,
  });
}

/** The documents the claims team asked the customer for, oldest first. */
export function documentRequestsQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "document-requests"),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/claims/{claim_id}/document-requests/", {
          params: { path: { claim_id: id }, query: { page_size: ALL } },
          signal,
        }),
      ),
    select: (page) => page.results,
    retry: hiddenNoRetry,
  });
}

export type Decision = Schemas["DecisionEnum"];

/**
 * The customer's answer to a settlement offer, with the answer's Idempotency-Key (required: the
 * acceptance lets money move; a retry with the same key gets the first answer back).
 */
export function answerOffer(id: string, offerId: string, decision: Decision, reason: string, idempotencyKey: string) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/settlement/{settlement_id}/response/", {
      params: { path: { claim_id: id, settlement_id: offerId }, header: { "Idempotency-Key": idempotencyKey } },
      body: { decision, reason, note: "" },
    }),
  );
}

export function documentsQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "documents"),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/claims/{claim_id}/documents/", {
          params: { path: { claim_id: id }, query: { page_size: ALL } },
          signal,
        }),
      ),
    select: (page) => page.results,
    retry: hiddenNoRetry,
  });
}

/**
 * A message from the customer to their claims team. The server files whatever a customer sends as
 * their own inbound note to the insurer; the body says so too.
 */
export function sendMessage(id: string, body: string) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/communications/", {
      params: { path: { claim_id: id } },
      body: { channel: "note", direction: "inbound", party: "customer", subject: "", body },
    }),
  );
}

/**
 * The claim report (`GET /api/claims/{id}/report.pdf`), fetched with the session's token (never a
 * token in a URL) and handed to the browser as a download named after the claim.
 */
export async function downloadReport(id: string, claimNumber: string): Promise<void> {
  const response = await sessionFetch(
    new Request(new URL(`/api/claims/${encodeURIComponent(id)}/report.pdf`, globalThis.location.origin)),
  );
  const href = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = `${claimNumber}.pdf`;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}
