/**
 * An API error met while reporting a claim, as a sentence in the customer's language: the codes
 * the wizard meets have their own message; any other falls back to the server's sentence (English),
 * which still says what to do.
 */
import { isApiError } from "@/lib/api";
import type { MessageKey } from "@/lib/i18n";

const KNOWN: Record<string, MessageKey> = {
  network_error: "common.offline",
  incident_in_future: "claimNew.server.incidentInFuture",
  incident_outside_cover: "claimNew.server.incidentOutsideCover",
  policy_not_active: "claimNew.server.policyNotActive",
  vehicle_not_on_policy: "claimNew.server.vehicleNotOnPolicy",
  incident_date_locked: "claimNew.server.dateLocked",
  claim_locked: "claimNew.server.claimLocked",
  illegal_transition: "claimNew.server.illegalTransition",
  request_in_progress: "claimNew.server.inProgress",
  idempotency_key_reused: "claimNew.server.keyReused",
  not_found: "claimNew.server.notFound",
};

export function errorText(t: (key: MessageKey) => string, error: unknown): string {
  if (isApiError(error)) {
    const key = KNOWN[error.code];
    return key ? t(key) : error.message;
  }
  return t("common.error");
}

/** The codes that mean the incident's time is wrong: shown next to the date, not above the form. */
export const DATE_CODES = new Set(["incident_in_future", "incident_outside_cover"]);
