import type { components } from "@/lib/api";

export type ClaimStatus = components["schemas"]["ClaimStatusEnum"];
export type Priority = components["schemas"]["ClaimPriorityEnum"];
export type Severity = components["schemas"]["SeverityEnum"];

/** The workflow's states in their order (DESIGN.md section 5), with the words people use. */
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
export const STATUSES = Object.keys(STATUS_LABELS) as ClaimStatus[];
/** The states in which a claim is still being worked (claims.models.OPEN_STATUSES): its SLA runs. */
export const OPEN_STATUSES: readonly ClaimStatus[] = ["submitted", "under_review", "assessment", "approved", "settlement"];

/** Most pressing first. */
export const PRIORITY_LABELS: Record<Priority, string> = { urgent: "Urgent", high: "High", normal: "Normal", low: "Low" };
export const PRIORITIES = Object.keys(PRIORITY_LABELS) as Priority[];

/** Most severe first. */
export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };
export const SEVERITIES = Object.keys(SEVERITY_LABELS) as Severity[];

export function label<K extends string>(labels: Record<K, string>, key: string): string {
  return Object.hasOwn(labels, key) ? labels[key as K] : key.replace(/_/g, " ");
}

/** What each kind of alert is about (the API's `kind`); an unknown kind is shown in words. */
export const ALERT_KIND_LABELS: Record<string, string> = {
  sla_breached: "SLA breached",
  stalled: "Stalled",
  possible_duplicate: "Possible duplicate",
  early_claim: "Early claim",
  high_value: "High value",
  document_infected: "Infected document",
  document_mismatch: "Document mismatch",
  photo_reused: "Photo reused",
  photo_duplicate: "Duplicate photo",
  vehicle_identity_shared: "Shared vehicle identity",
};

export function alertKindLabel(kind: string): string {
  if (kind.startsWith("integrations.")) return `Outside check: ${kind.slice("integrations.".length).replace(/_/g, " ")}`;
  const text = label(ALERT_KIND_LABELS, kind);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
