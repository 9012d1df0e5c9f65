/**
 * The timeline entries meant for the customer, as sentences. The server already leaves out what
 * is internal (notes, reserves, other people's documents); of the rest, the customer reads the
 * changes of status (with the reason), their settlement offer and its payment, the documents
 * they added, the documents asked of them, and the end of the assessment. Messages have their own thread, so they are not
 * repeated here; who was assigned, and proposals still being checked or turned down by staff,
 * are the insurer's business.
 */
import type { MessageKey, Vars } from "@/lib/i18n";

import type { ClaimStatus, TimelineItem } from "./api/claims";

export interface HistoryLine {
  key: string;
  at: string;
  message: MessageKey;
  vars: Vars;
  /** A status change's status (its words are looked up with `claims.status.<to>`). */
  status?: ClaimStatus;
  /** A reason given with a status change (e.g. why a claim was not accepted). */
  reason?: string;
  /** The kind of document asked for (named by the page in the reader's language). */
  kind?: string;
  /** The note to the customer that came with a request for a document. */
  note?: string;
  /** A money amount (decimal string), formatted by the page in the claim's currency. */
  amount?: string;
}

const DOCUMENT_REQUEST: Record<string, MessageKey> = {
  document_requested: "claims.history.documentRequested",
  document_request_fulfilled: "claims.history.documentReceived",
  document_request_cancelled: "claims.history.documentNotNeeded",
};

const SETTLEMENT: Record<string, MessageKey> = {
  settlement_offered: "claims.history.offer",
  settlement_approved: "claims.history.offer",
  settlement_accepted: "claims.history.offerAccepted",
  settlement_declined: "claims.history.offerDeclined",
  settlement_paid: "claims.history.paid",
};

/** document_request_* items name the kind of document asked for. */
function kindOf(item: TimelineItem): string {
  return (item as TimelineItem & { kind?: string }).kind ?? "";
}

export function customerHistory(items: readonly TimelineItem[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  items.forEach((item, index) => {
    const key = `${item.type}-${item.at}-${index}`;
    if (item.type === "status_changed" && item.to) {
      lines.push({
        key,
        at: item.at,
        message: "claims.history.status",
        vars: {},
        status: item.to as ClaimStatus,
        // The desk's words for a move ("first notice of loss") are its own; why a claim was not
        // accepted is the customer's to read.
        reason: item.to === "rejected" ? item.detail?.trim() || undefined : undefined,
      });
    } else if (item.type in SETTLEMENT) {
      lines.push({ key, at: item.at, message: SETTLEMENT[item.type]!, vars: {}, amount: item.amount ?? undefined });
    } else if (item.type in DOCUMENT_REQUEST) {
      const note = item.type === "document_requested" ? item.detail?.trim() || undefined : undefined;
      lines.push({ key, at: item.at, message: DOCUMENT_REQUEST[item.type]!, vars: {}, kind: kindOf(item), note });
    } else if (item.type === "document") {
      lines.push({ key, at: item.at, message: "claims.history.document", vars: { name: item.detail ?? "" } });
    } else if (item.type === "assessment_completed") {
      lines.push({ key, at: item.at, message: "claims.history.assessmentCompleted", vars: {} });
    }
  });
  return lines.reverse(); // newest first
}
