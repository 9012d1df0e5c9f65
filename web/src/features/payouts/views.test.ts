import { describe, expect, it } from "vitest";

import { isConfirmable, isReleasable, outcomeCounts, parseView, payoutState, queryForView, statementLines } from "./views";

describe("payout views", () => {
  it("asks for held payouts by their stage and the others by status", () => {
    expect(queryForView("awaiting")).toEqual({ payout_stage: "awaiting_approval" });
    expect(queryForView("pending")).toEqual({ status: "pending" });
    expect(queryForView("failed")).toEqual({ status: "failed" });
    expect(queryForView("paid")).toEqual({ status: "succeeded" });
    expect(queryForView("all")).toEqual({});
  });

  it("reads the view from the address, anything unknown being all", () => {
    expect(parseView("awaiting")).toBe("awaiting");
    expect(parseView("nonsense")).toBe("all");
    expect(parseView(null)).toBe("all");
  });
});

describe("payoutState", () => {
  it("names a pending payout by its stage and a final one by its status", () => {
    expect(payoutState({ status: "pending", payout_stage: "awaiting_approval" })).toEqual({
      label: "Awaiting release",
      tone: "waiting",
    });
    expect(payoutState({ status: "pending", payout_stage: "batched" })).toEqual({ label: "In a bank file", tone: "moving" });
    expect(payoutState({ status: "succeeded", payout_stage: "" })).toEqual({ label: "Paid", tone: "done" });
    expect(payoutState({ status: "failed", payout_stage: "" })).toEqual({ label: "Failed", tone: "failed" });
  });

  it("lets only a held pending payout be released", () => {
    expect(isReleasable({ status: "pending", payout_stage: "awaiting_approval" })).toBe(true);
    expect(isReleasable({ status: "pending", payout_stage: "ready" })).toBe(false);
    expect(isReleasable({ status: "failed", payout_stage: "awaiting_approval" })).toBe(false);
  });

  it("lets only a cheque awaiting its confirmation be confirmed by hand", () => {
    expect(isConfirmable({ status: "pending", payout_stage: "confirming" })).toBe(true);
    expect(isConfirmable({ status: "pending", payout_stage: "awaiting_approval" })).toBe(false);
    expect(isConfirmable({ status: "pending", payout_stage: "sent" })).toBe(false);
    expect(isConfirmable({ status: "succeeded", payout_stage: "" })).toBe(false);
  });
});

describe("statementLines", () => {
  const report = {
    matched: [{ line: 5, reference: "IHIN1", bank_reference: "B-5", amount: "100.00" }],
    paid_out: [{ line: 2, reference: "PBOUT1", bank_reference: "B-2", amount: "-250.00" }],
    already_credited: [],
    duplicate: [{ line: 3, reference: "PBOUT1", bank_reference: "B-3", amount: -250 }],
    unmatched: [
      { line: 4, reference: "NOSUCH", reason: "no such payment" },
      { line: "x", reference: "", reason: "amount unreadable" },
    ],
  };

  it("lists every line once in the statement's order with its outcome", () => {
    const lines = statementLines(report);
    expect(lines.map((line) => [line.line, line.outcome])).toEqual([
      [0, "unmatched"],
      [2, "paid"],
      [3, "duplicate"],
      [4, "unmatched"],
      [5, "credited"],
    ]);
    expect(lines[2]).toMatchObject({ reference: "PBOUT1", bankReference: "B-3", amount: "-250" });
    expect(lines[3]!.reason).toBe("no such payment");
  });

  it("counts the outcomes, a missing bucket counting none", () => {
    expect(outcomeCounts(statementLines({ paid_out: report.paid_out, unmatched: report.unmatched }))).toEqual({
      paid: 1,
      credited: 0,
      already_recorded: 0,
      duplicate: 0,
      unmatched: 2,
    });
  });
});
