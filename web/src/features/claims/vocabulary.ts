import type { components } from "@/lib/api";
import { PRIORITY_LABELS, STATUS_LABELS, type ClaimPriority, type ClaimStatus } from "@/lib/claim-vocabulary";

export { OPEN_STATUSES, PRIORITY_LABELS, STATUS_LABELS } from "@/lib/claim-vocabulary";
export type { ClaimStatus };
export type Priority = ClaimPriority;
export type Department = components["schemas"]["DepartmentEnum"];

export const STATUSES = Object.keys(STATUS_LABELS) as ClaimStatus[];

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

