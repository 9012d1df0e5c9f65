import type { components } from "@/lib/api";

export type ClaimStatus = components["schemas"]["ClaimStatusEnum"];
export type Priority = components["schemas"]["ClaimPriorityEnum"];
export type Department = components["schemas"]["DepartmentEnum"];

/** In workflow order (DESIGN.md section 5), with the words the screens use. */
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

/** By urgency, lowest first. */
export const PRIORITY_LABELS: Record<Priority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};
export const PRIORITIES = Object.keys(PRIORITY_LABELS) as Priority[];

export const DEPARTMENT_LABELS: Record<Department, string> = {
  motor: "Motor",
  health: "Health",
  life: "Life",
  property: "Home and property",
  travel: "Travel",
  business: "Business",
  agriculture: "Agriculture",
  marine: "Marine",
  personal_accident: "Personal accident",
  liability: "Liability",
};
export const DEPARTMENTS = Object.keys(DEPARTMENT_LABELS) as Department[];

/** The statuses in which a claim is still being worked (its SLA counts). */
export const OPEN_STATUSES: readonly ClaimStatus[] = ["submitted", "under_review", "assessment", "approved", "settlement"];
