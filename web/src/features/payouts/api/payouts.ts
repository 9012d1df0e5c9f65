import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, ApiError, sessionFetch, unwrap, type components } from "@/lib/api";
import { uploadWithProgress } from "@/lib/api/upload";

import { queryForView, type PayoutView } from "../views";

export type Payout = components["schemas"]["PayoutOutput"];
export type PayoutBatch = components["schemas"]["PayoutBatch"];
export type ReconcileReport = components["schemas"]["ReconcileReport"];

export const payoutKeys = {
  all: ["payouts"] as const,
  list: (view: PayoutView, page: number) => [...payoutKeys.all, "list", view, page] as const,
  batches: (page: number) => [...payoutKeys.all, "batches", page] as const,
};

export function payoutsQuery(view: PayoutView, page: number) {
  return queryOptions({
    queryKey: payoutKeys.list(view, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/payments/payouts/", { params: { query: { ...queryForView(view), page, page_size: 50 } }, signal }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function batchesQuery(page: number) {
  return queryOptions({
    queryKey: payoutKeys.batches(page),
    queryFn: ({ signal }) => unwrap(api.GET("/api/payments/payout-batches/", { params: { query: { page } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Releases a payout held above its payer's authority; `key` (Idempotency-Key) makes a retry release it once. */
export function releasePayout(id: string, key: string): Promise<Payout> {
  return unwrap(
    api.POST("/api/payments/transactions/{transaction_id}/payout/release/", {
      params: { path: { transaction_id: id }, header: { "Idempotency-Key": key } },
    }),
  ) as Promise<Payout>;
}

/** Records a payout finance made by hand (a cheque) as paid, with its reference; `key` makes a retry record it once. */
export function confirmPayout(id: string, providerReference: string, key: string): Promise<Payout> {
  return unwrap(
    api.POST("/api/payments/transactions/{transaction_id}/payout/", {
      params: { path: { transaction_id: id }, header: { "Idempotency-Key": key } },
      body: { provider_reference: providerReference },
    }),
  ) as Promise<Payout>;
}

/** Puts every released bank payout not yet in a file into a new file; `key` makes a retry make one file. */
export function makeBatch(currency: string, key: string): Promise<PayoutBatch> {
  return unwrap(
    api.POST("/api/payments/payout-batches/", {
      params: { header: { "Idempotency-Key": key } },
      body: { currency: currency as PayoutBatch["currency"] },
    }),
  );
}

/** The file (CSV), fetched with the session's token and handed to the browser as a download. */
export async function downloadBatch(batch: Pick<PayoutBatch, "id" | "reference">): Promise<void> {
  const response = await sessionFetch(
    new Request(
      new URL(`/api/payments/payout-batches/${encodeURIComponent(batch.id)}/download/`, globalThis.location.origin),
    ),
  );
  if (!response.ok) throw await ApiError.fromResponse(response);
  const href = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = `${batch.reference}.csv`;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}

/** Sends the bank's statement (CSV); answers each line's outcome. */
export function reconcileStatement(file: File): Promise<ReconcileReport> {
  const form = new FormData();
  form.append("file", file);
  return uploadWithProgress<ReconcileReport>("/api/payments/bank-statements/reconcile/", form, () => {}).done;
}
