/**
 * The settlement offer as the customer sees it: the newest offer made to them (the server lists
 * only settlements once approved, and the ones they declined, newest first), and what they can do
 * or wait for.
 */
import type { Offer } from "./api/claims";

export type OfferState = "respond" | "accepted" | "declined" | "paid";

export interface CurrentOffer {
  offer: Offer;
  state: OfferState;
}

const STATE: Record<Offer["offer_status"], OfferState> = {
  awaiting_answer: "respond",
  accepted: "accepted",
  declined: "declined",
  paid: "paid",
};

function newest(a: Offer, b: Offer): Offer {
  const at = (offer: Offer) => offer.approved_at ?? "";
  return at(b) > at(a) ? b : a;
}

export function currentOffer(offers: readonly Offer[] | undefined): CurrentOffer | null {
  if (!offers || offers.length === 0) return null;
  const offer = offers.reduce(newest);
  return { offer, state: STATE[offer.offer_status] ?? "respond" };
}
