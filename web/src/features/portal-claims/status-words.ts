/**
 * A claim's status in the customer's words and what happens next.
 *
 * The server may say both itself (`customer_status: {code, next_step_code}` on the claim): a code
 * the catalogue knows (`claims.status.<code>`, `claims.next.<code>`) is used as it is. Otherwise,
 * and for a code this version of the app does not know yet, the words come from the workflow
 * status, refined by what the customer can see: documents still asked for, and the settlement
 * offer and their answer to it.
 */
import { hasMessage, type MessageKey } from "@/lib/i18n";

import type { ClaimStatus } from "./api/claims";
import type { OfferState } from "./offer";

export interface CustomerStatus {
  code: string;
  next_step_code: string;
}

export interface StatusInput {
  status: ClaimStatus;
  customer_status?: CustomerStatus | null;
}

export interface StatusFacts {
  /** Documents asked for and not yet provided. */
  documentsAsked?: number;
  /** The settlement offer as the customer sees it (offer.ts). */
  offer?: OfferState | null;
}

export interface StatusWords {
  status: MessageKey;
  next: MessageKey;
}

/** What happens next by status, as the server words it (claims.selectors.NEXT_STEP). */
const NEXT_BY_STATUS: Record<ClaimStatus, string> = {
  draft: "finish_and_submit",
  submitted: "agent_reviews",
  under_review: "agent_reviews",
  assessment: "assessor_contacts",
  approved: "offer_being_prepared",
  rejected: "reply_if_you_disagree",
  settlement: "offer_being_prepared",
  settled: "payment_made",
  closed: "nothing_needed",
  withdrawn: "nothing_needed",
};

const NEXT_BY_OFFER: Record<OfferState, string> = {
  respond: "answer_offer",
  accepted: "payment_on_its_way",
  declined: "offer_being_prepared",
  paid: "payment_made",
};

/** Statuses in which the customer is still expected to act or wait (documents and offers matter). */
const WORKING: ReadonlySet<ClaimStatus> = new Set(["submitted", "under_review", "assessment", "approved", "settlement"]);

function known(prefix: "claims.status" | "claims.next", code: string | undefined | null): MessageKey | null {
  if (!code) return null;
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? key : null;
}

/** The message keys of the claim's status and next step. */
export function statusWords(claim: StatusInput, facts: StatusFacts = {}): StatusWords {
  const status = known("claims.status", claim.customer_status?.code) ?? (`claims.status.${claim.status}` as const);
  const fromServer = known("claims.next", claim.customer_status?.next_step_code);
  if (fromServer) return { status, next: fromServer };
  let next = NEXT_BY_STATUS[claim.status];
  if (WORKING.has(claim.status)) {
    if (facts.offer) next = NEXT_BY_OFFER[facts.offer];
    // An offer to answer comes first; any other step waits for the documents asked for.
    if (next !== "answer_offer" && (facts.documentsAsked ?? 0) > 0) next = "upload_documents";
  }
  return { status, next: `claims.next.${next}` as MessageKey };
}

/** The badge colour of a status: settled good news, refusals red, the rest neutral. */
export function statusTone(status: ClaimStatus): "default" | "secondary" | "destructive" | "outline" {
  if (status === "rejected") return "destructive";
  if (status === "settled" || status === "approved") return "default";
  if (status === "draft" || status === "closed" || status === "withdrawn") return "outline";
  return "secondary";
}
