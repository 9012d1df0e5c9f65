import { describe, expect, it } from "vitest";

import { isAboutTransaction, NO_ANSWER_AFTER_MS, POLL_EVERY_MS, waitView } from "./payment-wait";

const sent = "2026-11-29T10:00:00Z";
const at = (ms: number) => Date.parse(sent) + ms;

describe("waitView", () => {
  it("waits without polling while the stream is live", () => {
    expect(waitView({ status: "pending", created_at: sent }, at(1000), "live")).toMatchObject({
      phase: "waiting",
      offerResend: false,
      pollMs: false,
    });
  });

  it("polls while the stream is down or reconnecting", () => {
    for (const stream of ["reconnecting", "connecting", "stopped", "idle"] as const) {
      expect(waitView({ status: "pending", created_at: sent }, at(1000), stream).pollMs).toBe(POLL_EVERY_MS);
    }
  });

  it("offers to send the prompt again when no answer came in time", () => {
    const view = waitView({ status: "pending", created_at: sent }, at(NO_ANSWER_AFTER_MS), "live");
    expect(view).toMatchObject({ phase: "no_answer", offerResend: true });
    expect(waitView({ status: "pending", created_at: sent }, at(NO_ANSWER_AFTER_MS - 1), "live").offerResend).toBe(
      false,
    );
  });

  it("stops at the outcome; a failure may be retried, a payment not", () => {
    expect(waitView({ status: "succeeded", created_at: sent }, at(5000), "stopped")).toMatchObject({
      phase: "finished",
      offerResend: false,
      pollMs: false,
    });
    const cancelled = waitView(
      { status: "cancelled", failure_reason: "1032: Request cancelled by user", created_at: sent },
      at(5000),
      "live",
    );
    expect(cancelled).toMatchObject({ phase: "finished", offerResend: true });
    expect(cancelled.outcome.kind).toBe("cancelled");
  });
});

describe("isAboutTransaction", () => {
  it("matches payment events by transaction id", () => {
    expect(isAboutTransaction({ type: "payment.failed", data: { transaction_id: "t1" } }, "t1")).toBe(true);
    expect(isAboutTransaction({ type: "payment.failed", data: { transaction_id: "t2" } }, "t1")).toBe(false);
    expect(isAboutTransaction({ type: "policy.status_changed", data: { transaction_id: "t1" } }, "t1")).toBe(false);
  });
});
