import type { Settlement } from "./api/claims";
import { currentOffer } from "./offer";

function settlement(id: string, status: Settlement["status"], created_at: string, extra: object = {}): Settlement {
  return {
    id,
    amount: "40000.00",
    currency: "KES",
    cost_type: "own_damage",
    payee: "Westlands Motors Ltd",
    method: "bank_transfer",
    status,
    proposed_by: null,
    proposed_by_name: null,
    approved_by: null,
    approved_by_name: null,
    paid_transaction: null,
    note: "",
    created_at,
    updated_at: created_at,
    ...extra,
  } as Settlement;
}

describe("the settlement offer the customer sees", () => {
  it("is none while a proposal is being checked or was turned down by staff", () => {
    expect(currentOffer(undefined)).toBeNull();
    expect(currentOffer([settlement("p", "proposed", "2026-11-29T10:00:00Z")])).toBeNull();
    expect(currentOffer([settlement("r", "rejected", "2026-11-29T10:00:00Z")])).toBeNull();
  });

  it("is the newest approved or paid settlement, with what the customer can do", () => {
    const old = settlement("old", "paid", "2026-11-28T10:00:00Z");
    const open = settlement("new", "approved", "2026-11-29T10:00:00Z");
    expect(currentOffer([old, open])).toMatchObject({ settlement: { id: "new" }, state: "respond" });
    expect(currentOffer([old])).toMatchObject({ state: "paid" });
  });

  it("reads the customer's answer", () => {
    const at = "2026-11-29T10:00:00Z";
    expect(currentOffer([settlement("s", "approved", at, { customer_response: { decision: "accept" } })])?.state).toBe(
      "accepted",
    );
    expect(currentOffer([settlement("s", "approved", at, { customer_response: "declined" })])?.state).toBe("declined");
  });
});
