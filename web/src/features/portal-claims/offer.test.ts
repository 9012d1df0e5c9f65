import type { Offer } from "./api/claims";
import { currentOffer } from "./offer";

function offer(id: string, status: Offer["offer_status"], approved_at: string | null): Offer {
  return {
    id,
    amount: "40000.00",
    currency: "KES",
    cost_type: "own_damage",
    payee: "Westlands Motors Ltd",
    method: "bank_transfer",
    excess: null,
    offer_status: status,
    approved_at,
    customer_decision: status === "declined" ? "declined" : "accepted",
    customer_decision_reason: "",
    customer_decided_at: null,
    answered_on_behalf: false,
  };
}

describe("the settlement offer the customer sees", () => {
  it("is none before any offer", () => {
    expect(currentOffer(undefined)).toBeNull();
    expect(currentOffer([])).toBeNull();
  });

  it("is the newest offer, with what the customer can do or wait for", () => {
    const declined = offer("old", "declined", "2026-11-28T10:00:00Z");
    const open = offer("new", "awaiting_answer", "2026-11-29T10:00:00Z");
    expect(currentOffer([declined, open])).toMatchObject({ offer: { id: "new" }, state: "respond" });
    expect(currentOffer([open, declined])).toMatchObject({ offer: { id: "new" }, state: "respond" });
    expect(currentOffer([declined])?.state).toBe("declined");
    expect(currentOffer([offer("a", "accepted", "2026-11-29T10:00:00Z")])?.state).toBe("accepted");
    expect(currentOffer([offer("p", "paid", "2026-11-29T10:00:00Z")])?.state).toBe("paid");
  });

  it("keeps the server's order when two offers carry the same time", () => {
    const at = "2026-11-29T10:00:00Z";
    expect(currentOffer([offer("first", "awaiting_answer", at), offer("second", "declined", at)])?.offer.id).toBe("first");
  });
});
