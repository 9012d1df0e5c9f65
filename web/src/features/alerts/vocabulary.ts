import type { components } from "@/lib/api";

export type Severity = components["schemas"]["SeverityEnum"];
export type AlertStatus = components["schemas"]["AlertStatusEnum"];

/** Most severe first, as the API lists them. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};
export const SEVERITIES = Object.keys(SEVERITY_LABELS) as Severity[];

/** The statuses the page filters on (resolved alerts are history, not work). */
export const STATUS_LABELS: Record<"open" | "acknowledged", string> = { open: "Open", acknowledged: "Acknowledged" };

/**
 * The kinds of alert the system raises today (docs/realtime.md, `alert.raised`), for the kind
 * filter; a kind not listed here still shows, its code made readable.
 */
export const KIND_LABELS: Record<string, string> = {
  possible_duplicate: "Possible duplicate claim",
  early_claim: "Early claim",
  high_value: "High value",
  sla_breached: "SLA breached",
  stalled: "Stalled claim",
  document_infected: "Infected document",
  document_mismatch: "Document does not match",
  photo_reused: "Photo reused on another claim",
  photo_duplicate: "Duplicate photo",
  vehicle_identity_shared: "Vehicle identity shared",
  "integrations.vehicle_stolen": "Vehicle reported stolen",
  "integrations.vehicle_written_off": "Vehicle written off",
  "integrations.vin_mismatch": "VIN mismatch",
  "integrations.registration_not_found": "Registration not found",
  "integrations.vehicle_make_mismatch": "Vehicle make mismatch",
  "integrations.hail_claimed_no_hail": "Hail claimed, none recorded",
  "integrations.flood_claimed_dry": "Flooding claimed, it was dry",
};

export function kindLabel(kind: string): string {
  if (KIND_LABELS[kind]) return KIND_LABELS[kind];
  const words = kind.replace(/^integrations\./, "").replace(/[._]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : kind;
}
