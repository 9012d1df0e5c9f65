/**
 * What the customer's policy pages read and write, on the typed client. Keys start with
 * `["portal", ...]`; a payment or policy event invalidates `["portal"]` as a whole (a customer has
 * few policies, so refetching them all is cheap and never misses a change).
 */
import { queryOptions } from "@tanstack/react-query";

import { api, sessionFetch, unwrap, type components } from "@/lib/api";

import { readDecodedVin } from "../vin";

type Schemas = components["schemas"];
export type Policy = Schemas["PolicyOutput"];
export type PolicyType = Schemas["PolicyTypeOutput"];
export type Vehicle = Schemas["VehicleOutput"];
export type Stage = Schemas["StageOutput"];
export type Schedule = Schemas["ScheduleOutput"];
export type Transaction = Schemas["TransactionOutput"];
export type BankTransfer = Schemas["BankTransferOutput"];
export type CardIntent = Schemas["CardIntentOutput"];
export type StkPush = Schemas["StkPushOutput"];
export type Refund = Schemas["RefundOutput"];
export type CancellationQuote = Schemas["CancellationQuoteOutput"];
export type PolicyDocument = "schedule" | "certificate";

/** A customer's lists are short: one page of this size is all of them in practice. */
const ALL = 100;

export const portalKeys = {
  all: ["portal"] as const,
  products: (category: string) => ["portal", "products", category] as const,
  product: (id: string) => ["portal", "product", id] as const,
  vehicles: ["portal", "vehicles"] as const,
  policies: ["portal", "policies"] as const,
  policy: (id: string) => ["portal", "policy", id] as const,
  history: (id: string) => ["portal", "policy", id, "history"] as const,
  // Not under ["portal"]: the events that refresh the portal (the cancellation itself among them)
  // must not ask for the refund of a policy that can no longer be cancelled; the dialog asks anew on opening.
  cancellationQuote: (id: string) => ["portal-cancellation-quote", id] as const,
  schedule: (id: string) => ["portal", "policy", id, "schedule"] as const,
  transactions: (id: string) => ["portal", "policy", id, "transactions"] as const,
  refunds: ["portal", "refunds"] as const,
  transaction: (id: string) => ["portal", "transaction", id] as const,
};

const hiddenNoRetry = (count: number, error: Error) => !("isHidden" in error && error.isHidden) && count < 2;

export function productsQuery(category: string) {
  return queryOptions({
    queryKey: portalKeys.products(category),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/policy-types/", { params: { query: { category, page_size: ALL, ordering: "name" } }, signal })),
    select: (page) => page.results,
  });
}

export function productQuery(id: string) {
  return queryOptions({
    queryKey: portalKeys.product(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/policy-types/{type_id}/", { params: { path: { type_id: id } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function vehiclesQuery() {
  return queryOptions({
    queryKey: portalKeys.vehicles,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/vehicles/", { params: { query: { page_size: ALL, ordering: "created_at" } }, signal })),
    select: (page) => page.results,
  });
}

export function policiesQuery() {
  return queryOptions({
    queryKey: portalKeys.policies,
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/policies/", { params: { query: { page_size: ALL, ordering: "-created_at" } }, signal })),
    select: (page) => page.results,
  });
}

export function policyQuery(id: string) {
  return queryOptions({
    queryKey: portalKeys.policy(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/policies/{policy_id}/", { params: { path: { policy_id: id } }, signal })),
    retry: hiddenNoRetry,
  });
}

export function historyQuery(id: string) {
  return queryOptions({
    queryKey: portalKeys.history(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/policies/{policy_id}/history/", { params: { path: { policy_id: id } }, signal })),
    retry: hiddenNoRetry,
  });
}

/** What cancelling today would refund (the server's own computation, the one the cancellation uses). */
export function cancellationQuoteQuery(id: string) {
  return queryOptions({
    queryKey: portalKeys.cancellationQuote(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/policies/{policy_id}/cancellation-quote/", { params: { path: { policy_id: id } }, signal })),
    staleTime: 0,
  });
}

/**
 * A policy document made by the server (`schedule.pdf`, `certificate.pdf`), fetched with the
 * session's token (never a token in a URL) and handed to the browser as a download.
 */
export async function downloadPolicyDocument(id: string, document_: PolicyDocument, filename: string): Promise<void> {
  const response = await sessionFetch(
    new Request(new URL(`/api/policies/${encodeURIComponent(id)}/${document_}.pdf`, globalThis.location.origin)),
  );
  const href = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = filename;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 10_000); // the download has started by then
  }
}

export function scheduleQuery(policyId: string) {
  return queryOptions({
    queryKey: portalKeys.schedule(policyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/payments/schedules/", { params: { query: { policy: policyId, page_size: 5 } }, signal })),
    select: (page) => page.results[0] ?? null,
  });
}

export function transactionsQuery(policyId: string) {
  return queryOptions({
    queryKey: portalKeys.transactions(policyId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/payments/transactions/", {
          params: { query: { policy: policyId, page_size: ALL, ordering: "-created_at" } },
          signal,
        }),
      ),
    select: (page) => page.results,
  });
}

export function refundsQuery() {
  return queryOptions({
    queryKey: portalKeys.refunds,
    queryFn: ({ signal }) => unwrap(api.GET("/api/payments/refunds/", { params: { query: { page_size: ALL } }, signal })),
    select: (page) => page.results,
  });
}

export function transactionQuery(id: string) {
  return queryOptions({
    queryKey: portalKeys.transaction(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/payments/transactions/{transaction_id}/", { params: { path: { transaction_id: id } }, signal })),
  });
}

/** The server's decoding of a complete, valid VIN (what the VIN itself says; cached for the session). */
export function vinDecodeQuery(vin: string) {
  return queryOptions({
    queryKey: ["portal", "vin", vin] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/integrations/vin/{vin}/", { params: { path: { vin } }, signal })),
    select: (decoding) => readDecodedVin(decoding.offline),
    staleTime: Infinity,
    retry: false,
  });
}

export function createVehicle(body: Schemas["VehicleInputRequest"]) {
  return unwrap(api.POST("/api/vehicles/", { body }));
}

export function requestQuote(body: Schemas["QuoteInputRequest"]) {
  return unwrap(api.POST("/api/policies/quote/", { body }));
}

export function acceptQuote(id: string) {
  return unwrap(api.POST("/api/policies/{policy_id}/accept/", { params: { path: { policy_id: id } } }));
}

export function cancelPolicy(id: string, reason: string) {
  return unwrap(api.POST("/api/policies/{policy_id}/cancel/", { params: { path: { policy_id: id } }, body: { reason } }));
}

export function renewPolicy(id: string) {
  return unwrap(api.POST("/api/policies/{policy_id}/renew/", { params: { path: { policy_id: id } } }));
}

export function pushMpesa(policy: string, phone: string, key: string) {
  return unwrap(
    api.POST("/api/payments/mpesa/stk-push/", {
      params: { header: { "Idempotency-Key": key } },
      body: { policy, phone },
    }),
  );
}

export function startCard(policy: string, key: string) {
  return unwrap(
    api.POST("/api/payments/card/intents/", { params: { header: { "Idempotency-Key": key } }, body: { policy } }),
  );
}

export function settleSandboxCard(transactionId: string, outcome: "succeeded" | "failed") {
  return unwrap(
    api.POST("/api/payments/card/sandbox/{transaction_id}/settle/", {
      params: { path: { transaction_id: transactionId } },
      body: { outcome },
    }),
  );
}

export function startBankTransfer(policy: string, key: string) {
  return unwrap(
    api.POST("/api/payments/bank-transfers/", { params: { header: { "Idempotency-Key": key } }, body: { policy } }),
  );
}

export function requestRefund(transaction: string, amount: string, reason: string, key: string) {
  return unwrap(
    api.POST("/api/payments/refunds/", {
      params: { header: { "Idempotency-Key": key } },
      body: { transaction, amount, reason },
    }),
  );
}
