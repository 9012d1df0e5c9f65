/**
 * The payouts desk's vocabulary: the filters (each one query of GET /api/payments/payouts/), where a
 * payout stands in words, and a bank statement's reconciliation report as one list of lines.
 */

export const PAYOUT_VIEWS = ["all", "awaiting", "pending", "failed", "paid"] as const;
export type PayoutView = (typeof PAYOUT_VIEWS)[number];

export const VIEW_LABELS: Record<PayoutView, string> = {
  all: "All",
  awaiting: "Awaiting release",
  pending: "Pending",
  failed: "Failed",
  paid: "Paid",
};

export interface PayoutQuery {
  status?: "pending" | "succeeded" | "failed";
  payout_stage?: "awaiting_approval";
}

/** The list's query for a view: "awaiting" is a stage of pending payouts, the others are statuses. */
export function queryForView(view: PayoutView): PayoutQuery {
  switch (view) {
    case "awaiting":
      return { payout_stage: "awaiting_approval" };
    case "pending":
      return { status: "pending" };
    case "failed":
      return { status: "failed" };
    case "paid":
      return { status: "succeeded" };
    default:
      return {};
  }
}

/** `?view=` from the address, anything unknown being "all". */
export function parseView(value: string | null): PayoutView {
  return (PAYOUT_VIEWS as readonly string[]).includes(value ?? "") ? (value as PayoutView) : "all";
}

export const METHOD_LABELS: Record<string, string> = {
  mpesa: "M-Pesa",
  bank_transfer: "Bank transfer",
  cheque: "Cheque",
  card: "Card",
};

const STAGE_LABELS: Record<string, string> = {
  awaiting_approval: "Awaiting release",
  ready: "Ready to send",
  sent: "Sent, result awaited",
  batched: "In a bank file",
  confirming: "Awaiting confirmation",
};

const STATUS_LABELS: Record<string, string> = {
  succeeded: "Paid",
  failed: "Failed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
};

export type Tone = "waiting" | "moving" | "done" | "failed";

/** Where a payout stands, in words, and its tone: a pending one by its stage, a final one by its status. */
export function payoutState(payout: { status: string; payout_stage: string }): { label: string; tone: Tone } {
  if (payout.status === "pending") {
    const label = STAGE_LABELS[payout.payout_stage] ?? "Pending";
    return { label, tone: payout.payout_stage === "awaiting_approval" ? "waiting" : "moving" };
  }
  if (payout.status === "succeeded") return { label: "Paid", tone: "done" };
  return { label: STATUS_LABELS[payout.status] ?? payout.status, tone: payout.status === "failed" ? "failed" : "done" };
}

/** A payout a supervisor may release now: pending and held above its payer's authority. */
export function isReleasable(payout: { status: string; payout_stage: string }): boolean {
  return payout.status === "pending" && payout.payout_stage === "awaiting_approval";
}

/** A cheque finance has written, waiting for a supervisor's word that it was paid (POST .../payout/). */
export function isConfirmable(payout: { status: string; payout_stage: string }): boolean {
  return payout.status === "pending" && payout.payout_stage === "confirming";
}

// --- a bank statement's reconciliation -------------------------------------------------------

export type LineOutcome = "paid" | "credited" | "already_recorded" | "duplicate" | "unmatched";

export const OUTCOME_LABELS: Record<LineOutcome, string> = {
  paid: "Paid",
  credited: "Payment received",
  already_recorded: "Already recorded",
  duplicate: "Duplicate",
  unmatched: "Unmatched",
};

/** The report's buckets (POST /api/payments/bank-statements/reconcile/) and what each says of a line. */
const BUCKETS: [string, LineOutcome][] = [
  ["paid_out", "paid"],
  ["matched", "credited"],
  ["already_credited", "already_recorded"],
  ["duplicate", "duplicate"],
  ["unmatched", "unmatched"],
];

export interface StatementLine {
  line: number;
  reference: string;
  bankReference: string;
  amount: string;
  outcome: LineOutcome;
  reason: string;
}

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** Every line of the report once, in the statement's order, with its outcome. */
export function statementLines(report: Partial<Record<string, readonly Record<string, unknown>[]>>): StatementLine[] {
  const lines: StatementLine[] = [];
  for (const [bucket, outcome] of BUCKETS) {
    for (const entry of report[bucket] ?? []) {
      const line = Number(entry.line);
      lines.push({
        line: Number.isFinite(line) ? line : 0,
        reference: text(entry.reference),
        bankReference: text(entry.bank_reference),
        amount: text(entry.amount),
        outcome,
        reason: text(entry.reason),
      });
    }
  }
  return lines.sort((a, b) => a.line - b.line);
}

/** How many lines had each outcome, for the summary above the lines. */
export function outcomeCounts(lines: readonly StatementLine[]): Record<LineOutcome, number> {
  const counts: Record<LineOutcome, number> = { paid: 0, credited: 0, already_recorded: 0, duplicate: 0, unmatched: 0 };
  for (const line of lines) counts[line.outcome] += 1;
  return counts;
}
