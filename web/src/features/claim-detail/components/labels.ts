/** Words and colours for the API's codes, in one place for the whole claim page. */
import type { ClaimPriority, ClaimStatus, CostType, SettlementMethod } from "../api/claim";

export { PRIORITY_LABELS, STATUS_LABELS } from "@/lib/claim-vocabulary";

/** The button that moves a claim into each status. */
export const TRANSITION_VERBS: Record<ClaimStatus, string> = {
  draft: "Back to draft",
  submitted: "Submit",
  under_review: "Start review",
  assessment: "Send to assessment",
  approved: "Approve",
  rejected: "Reject",
  settlement: "Move to settlement",
  settled: "Mark settled",
  closed: "Close",
  withdrawn: "Withdraw",
};

export const STATUS_TONES: Record<ClaimStatus, string> = {
  draft: "border-border bg-muted text-foreground",
  submitted: "border-sky-200 bg-sky-50 text-sky-900",
  under_review: "border-blue-200 bg-blue-50 text-blue-900",
  assessment: "border-violet-200 bg-violet-50 text-violet-900",
  approved: "border-emerald-200 bg-emerald-50 text-emerald-900",
  rejected: "border-red-200 bg-red-50 text-red-900",
  settlement: "border-amber-200 bg-amber-50 text-amber-900",
  settled: "border-emerald-200 bg-emerald-50 text-emerald-900",
  closed: "border-border bg-muted text-foreground",
  withdrawn: "border-border bg-muted text-muted-foreground",
};

/** The statuses in which the SLA runs (the API's OPEN_STATUSES). */
export const OPEN_STATUSES: ReadonlySet<ClaimStatus> = new Set([
  "submitted",
  "under_review",
  "assessment",
  "approved",
  "settlement",
]);

export const PRIORITY_TONES: Record<ClaimPriority, string> = {
  low: "border-border bg-background text-muted-foreground",
  normal: "border-border bg-background text-foreground",
  high: "border-amber-300 bg-amber-50 text-amber-900",
  urgent: "border-red-700 bg-red-700 text-white",
};

export const COST_TYPE_LABELS: Record<CostType, string> = {
  own_damage: "Own vehicle damage",
  third_party: "Third-party property",
  injury: "Injury",
  legal: "Legal",
  expenses: "Expenses",
};

export const COST_TYPES = Object.keys(COST_TYPE_LABELS) as CostType[];

export const METHOD_LABELS: Record<SettlementMethod, string> = {
  bank_transfer: "Bank transfer",
  mpesa: "M-Pesa",
  cheque: "Cheque",
};

export const CHANNEL_LABELS = {
  email: "Email",
  sms: "SMS",
  phone: "Phone",
  letter: "Letter",
  note: "Internal note",
} as const;

export const DIRECTION_LABELS = { inbound: "Inbound", outbound: "Outbound", internal: "Internal" } as const;

export const PARTY_LABELS = {
  customer: "Customer",
  assessor: "Assessor",
  garage: "Garage",
  insurer: "Insurer",
  third_party: "Third party",
  police: "Police",
} as const;

export const DOCUMENT_KIND_LABELS = {
  policy_document: "Policy document",
  id: "Identity document",
  driving_licence: "Driving licence",
  vehicle_registration: "Vehicle registration",
  police_report: "Police report",
  repair_invoice: "Repair invoice",
  estimate: "Estimate",
  medical_report: "Medical report",
  photo: "Photo",
  other: "Other",
} as const;

export const SEVERITY_TONES: Record<string, string> = {
  critical: "border-red-700 bg-red-700 text-white",
  high: "border-red-200 bg-red-50 text-red-900",
  medium: "border-amber-200 bg-amber-50 text-amber-900",
  low: "border-border bg-muted text-foreground",
};

/** A code the API may add later still reads as words: "under_review" -> "Under review". */
export function humanize(code: string): string {
  const words = code.replace(/[_.]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}
