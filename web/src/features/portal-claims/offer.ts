/**
 * The settlement offer as the customer sees it. Staff propose a settlement and another approves
 * it: only then is it an offer to the customer (a proposal still being checked, or one staff
 * turned down, is not shown). The newest offer counts; its state is what the customer can do or
 * wait for.
 */
import type { Settlement } from "./api/claims";

export type OfferState = "respond" | "accepted" | "declined" | "paid";

export interface Offer {
  settlement: Settlement;
  state: OfferState;
}

/** The customer's answer recorded on a settlement, where the server sends one. */
function answerOf(settlement: Settlement): "accept" | "decline" | null {
  const fields = settlement as Settlement & { customer_response?: { decision?: string } | string | null };
  const response = fields.customer_response;
  const decision = typeof response === "string" ? response : response?.decision;
  if (decision === "accept" || decision === "accepted") return "accept";
  if (decision === "decline" || decision === "declined") return "decline";
  return null;
}

export function currentOffer(settlements: readonly Settlement[] | undefined): Offer | null {
  const offers = (settlements ?? []).filter((item) => item.status === "approved" || item.status === "paid");
  if (offers.length === 0) return null;
  const newest = offers.reduce((best, item) => (item.created_at > best.created_at ? item : best));
  if (newest.status === "paid") return { settlement: newest, state: "paid" };
  const answer = answerOf(newest);
  return { settlement: newest, state: answer === "accept" ? "accepted" : answer === "decline" ? "declined" : "respond" };
}
