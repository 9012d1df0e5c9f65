/**
 * Waiting for the customer to answer the M-Pesa prompt on their phone. The page learns the
 * outcome live (`payment.succeeded` / `payment.failed` events refetch the transaction); while the
 * event stream is down it asks the API every few seconds instead. When no answer has come after a
 * while, the customer may not have seen the prompt: the page offers to send it again (a new push,
 * a new Idempotency-Key) and says what to do if they already entered their PIN.
 */
import type { ConnectionStatus } from "@/lib/events";

import { paymentOutcome, type PaymentOutcome } from "./payment-outcome";

/** After this long without an answer, offer to send the prompt again (Daraja's prompt lives about a minute). */
export const NO_ANSWER_AFTER_MS = 30_000;
/** How often to ask the API while the event stream is not live. */
export const POLL_EVERY_MS = 3_000;

export type WaitPhase = "waiting" | "no_answer" | "finished";

export interface WaitView {
  phase: WaitPhase;
  outcome: PaymentOutcome;
  /** Offer "send the prompt again". */
  offerResend: boolean;
  /** The refetch interval for the transaction (false: the stream tells us, or nothing to wait for). */
  pollMs: number | false;
}

export function waitView(
  txn: { status: string; failure_reason?: string | null; created_at: string },
  now: number,
  stream: ConnectionStatus,
  noAnswerAfterMs = NO_ANSWER_AFTER_MS,
): WaitView {
  const outcome = paymentOutcome(txn);
  if (outcome.final) return { phase: "finished", outcome, offerResend: outcome.canRetry, pollMs: false };
  const sentAt = Date.parse(txn.created_at);
  const waited = Number.isNaN(sentAt) ? 0 : now - sentAt;
  const late = waited >= noAnswerAfterMs;
  return {
    phase: late ? "no_answer" : "waiting",
    outcome,
    offerResend: late,
    pollMs: stream === "live" ? false : POLL_EVERY_MS,
  };
}

/** The payment events that concern a transaction (the server's `data.transaction_id`). */
export function isAboutTransaction(event: { type: string; data: Record<string, unknown> }, transactionId: string) {
  return event.type.startsWith("payment.") && event.data.transaction_id === transactionId;
}
