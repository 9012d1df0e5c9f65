import type { AssessmentStatus, EstimateSource, EstimateStatus, LineKind, SectionKind } from "./api/assessments";

export const SECTION_LABELS: Record<SectionKind, string> = {
  exterior: "Exterior",
  interior: "Interior",
  mechanical: "Mechanical",
  electrical: "Electrical",
  structural: "Structural",
  glass: "Glass",
  tyres_and_wheels: "Tyres and wheels",
  safety_systems: "Safety systems",
};

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const ALL_STATUSES: readonly AssessmentStatus[] = ["scheduled", "in_progress", "completed", "cancelled"];
export const OPEN_STATUSES: readonly AssessmentStatus[] = ["scheduled", "in_progress"];

export const SOURCE_LABELS: Record<EstimateSource, string> = {
  assessor: "Assessor",
  garage_quote: "Garage quote",
  insurer: "Insurer",
  third_party: "Third party",
};

export const ESTIMATE_STATUS_LABELS: Record<EstimateStatus, string> = {
  draft: "Draft",
  accepted: "Accepted",
  rejected: "Rejected",
};

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  part: "Part",
  labour: "Labour",
  paint: "Paint",
  other: "Other",
};

/** Severity 1-5, as the assessors grade damage. */
export const SEVERITY_LABELS: Record<number, string> = {
  1: "1 · Cosmetic",
  2: "2 · Minor",
  3: "3 · Moderate",
  4: "4 · Severe",
  5: "5 · Critical",
};
