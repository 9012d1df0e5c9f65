/**
 * Where the customer's data requests stand, in words: the latest export (being built, ready to
 * download until its link expires, expired, failed) and the latest erasure (waiting for our
 * decision, held until something finishes, done, declined), and the server's hold reasons as
 * sentences in the reader's language when they are ones we know.
 */
import type { MessageKey } from "@/lib/i18n";

import type { PrivacyRequest } from "./api/account";

export type ExportState = "none" | "processing" | "ready" | "expired" | "failed";
export type ErasureState = "none" | "requested" | "held" | "processing" | "completed" | "rejected" | "failed";

/** The newest request of a kind (the list may come in any order). */
export function latestRequest(requests: readonly PrivacyRequest[], kind: PrivacyRequest["kind"]): PrivacyRequest | undefined {
  return requests
    .filter((request) => request.kind === kind)
    .reduce<PrivacyRequest | undefined>(
      (newest, request) => (!newest || request.created_at > newest.created_at ? request : newest),
      undefined,
    );
}

export function exportState(request: PrivacyRequest | undefined, now: Date = new Date()): ExportState {
  if (!request) return "none";
  switch (request.status) {
    case "completed":
      if (!request.download_url || !request.expires_at) return "expired";
      return new Date(request.expires_at).getTime() > now.getTime() ? "ready" : "expired";
    case "failed":
    case "rejected":
      return "failed";
    default:
      return "processing";
  }
}

export const EXPORT_MESSAGES: Record<ExportState, MessageKey> = {
  none: "account.export.none",
  processing: "account.export.processing",
  ready: "account.export.ready",
  expired: "account.export.expired",
  failed: "account.export.failed",
};

export function erasureState(request: PrivacyRequest | undefined): ErasureState {
  return request ? request.status : "none";
}

/** An erasure still open: a second one would be refused (`erasure_pending`). */
export function erasureOpen(state: ErasureState): boolean {
  return state === "requested" || state === "held" || state === "processing";
}

export const ERASURE_MESSAGES: Record<Exclude<ErasureState, "none">, MessageKey> = {
  requested: "account.erasure.status.requested",
  held: "account.erasure.status.held",
  processing: "account.erasure.status.processing",
  completed: "account.erasure.status.completed",
  rejected: "account.erasure.status.rejected",
  failed: "account.erasure.status.failed",
};

export interface HoldReason {
  key: MessageKey | null;
  vars: Record<string, string>;
  /** The server's words, shown when the reason is not one we know. */
  text: string;
}

/** A hold reason from the server (English) as one of our sentences where we know it. */
export function holdReason(text: string): HoldReason {
  const claims = /open claim\(s\) (.+) must be closed first/.exec(text);
  if (claims) return { key: "account.erasure.hold.claims", vars: { claims: claims[1] ?? "" }, text };
  if (/payment or payout is still pending/.test(text)) return { key: "account.erasure.hold.payment", vars: {}, text };
  if (/export .* still being built/.test(text)) return { key: "account.erasure.hold.export", vars: {}, text };
  return { key: null, vars: {}, text };
}

export function holdReasons(request: PrivacyRequest | undefined): HoldReason[] {
  const reasons = request?.hold_reasons;
  return Array.isArray(reasons) ? reasons.filter((reason): reason is string => typeof reason === "string").map(holdReason) : [];
}
