/**
 * Small rules of the policy page. The server's own history notes (insurehub/policies/services.py)
 * have catalogue messages, so they read in the customer's language; any other note (a
 * cancellation reason the customer wrote) is shown as written. Renewal opens 60 days before an
 * active policy's end (the server's rule: it answers `too_early_to_renew` before), any time once expired.
 */
export type HistoryNote = "quoteIssued" | "quoteAccepted" | "firstPayment" | "overduePaid" | "endDatePassed";

const NOTES: Record<string, HistoryNote> = {
  "quote issued": "quoteIssued",
  "quote accepted": "quoteAccepted",
  "first payment received": "firstPayment",
  "overdue instalment paid": "overduePaid",
  "end date passed": "endDatePassed",
};

export function historyNote(note: string): HistoryNote | null {
  return NOTES[note.trim().toLowerCase()] ?? null;
}

export const RENEWAL_OPENS_DAYS = 60;

/** Whether renewal is open for a policy (dates as the API writes them, YYYY-MM-DD). */
export function renewalOpen(policy: { status: string; end_date: string }, today: string): boolean {
  if (policy.status === "expired") return true;
  if (policy.status !== "active") return false;
  const days = (Date.parse(`${policy.end_date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= RENEWAL_OPENS_DAYS;
}
