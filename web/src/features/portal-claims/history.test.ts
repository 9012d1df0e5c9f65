import type { TimelineItem } from "./api/claims";
import { customerHistory } from "./history";

const item = (type: string, at: string, extra: Partial<TimelineItem> & { kind?: string } = {}) =>
  ({ type, at, actor: null, actor_name: null, detail: "", ...extra }) as TimelineItem;

describe("the history the customer reads", () => {
  it("gives the reason of a refusal only, and keeps status changes, offers, documents and requests, newest first", () => {
    const lines = customerHistory([
      item("status_changed", "2026-11-29T10:00:00Z", { to: "submitted", detail: "first notice of loss" }),
      item("assigned", "2026-11-29T10:01:00Z", { role: "agent" }),
      item("communication", "2026-11-29T10:02:00Z", { detail: "Hello" }),
      item("document_requested", "2026-11-29T10:03:00Z", { kind: "police_report", detail: "The abstract, please" }),
      item("document", "2026-11-29T10:04:00Z", { detail: "abstract.pdf" }),
      item("settlement_offered", "2026-11-29T10:05:00Z", { amount: "42000.00" }),
      item("settlement_accepted", "2026-11-29T10:06:00Z", { amount: "42000.00" }),
      item("status_changed", "2026-11-29T10:07:00Z", { to: "rejected", detail: "  not covered  " }),
    ]);
    expect(lines.map((line) => line.message)).toEqual([
      "claims.history.status",
      "claims.history.offerAccepted",
      "claims.history.offer",
      "claims.history.document",
      "claims.history.documentRequested",
      "claims.history.status",
    ]);
    expect(lines[0]).toMatchObject({ status: "rejected", reason: "not covered" });
    expect(lines[2]).toMatchObject({ amount: "42000.00" });
    expect(lines[3]).toMatchObject({ vars: { name: "abstract.pdf" } });
    expect(lines[4]).toMatchObject({ kind: "police_report", note: "The abstract, please" });
    expect(lines[5]).toMatchObject({ status: "submitted", reason: undefined });
  });
});
