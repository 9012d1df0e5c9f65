import { keysForClaimEvent } from "./use-claim-live";

const id = "c1";
const event = (type: string) => ({ id: 1, type, occurred_at: "2026-11-29T12:00:00Z", data: { claim_id: id } });
const names = (type: string) => keysForClaimEvent(id, event(type)).map((key) => key.slice(3).join("/"));

describe("keysForClaimEvent", () => {
  it("refetches the claim and its history when it moves or changes", () => {
    expect(names("claim.status_changed")).toEqual([
      "timeline",
      "communications",
      "reserves",
      "settlements",
      "assignees",
      "claim",
    ]);
  });

  it("refetches only what a document, an alert or an enrichment changes", () => {
    expect(names("document.scanned")).toEqual(["documents", "timeline"]);
    expect(names("alert.raised")).toEqual(["alerts", "claim"]);
    expect(names("claim.enriched")).toEqual(["enrichment", "vehicle-checks"]);
    expect(names("claim.assigned")).toEqual(["timeline", "assignees", "claim"]);
  });

  it("never refetches the customer's contact (each read is audited)", () => {
    for (const type of ["claim.updated", "claim.assigned", "document.processed", "alert.acknowledged", "assessment.updated"]) {
      expect(names(type)).not.toContain("customer");
    }
  });
});
