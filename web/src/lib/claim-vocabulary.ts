/** The words the screens use for a claim's status and priority codes: shared by every feature
 * that shows claims (features do not import each other). */
import type { components } from "@/lib/api";

export type ClaimStatus = components["schemas"]["ClaimStatusEnum"];
export type ClaimPriority = components["schemas"]["ClaimPriorityEnum"];

/** In workflow order (docs/architecture.md, the claims workflow). */
export const STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  under_review: "Under review",
  assessment: "Assessment",
  approved: "Approved",
  rejected: "Rejected",
  settlement: "Settlement",
  settled: "Settled",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

/** By urgency, lowest first. */
export const PRIORITY_LABELS: Record<ClaimPriority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};

/** The statuses in which a claim is still being worked and its SLA runs (the API's OPEN_STATUSES). */
export const OPEN_STATUSES: readonly ClaimStatus[] = ["submitted", "under_review", "assessment", "approved", "settlement"];
