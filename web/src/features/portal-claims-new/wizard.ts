/**
 * The "Report a claim" wizard as data: its steps, what the customer has typed (the draft, saved as
 * typed), what each step needs before the next one opens, and the incident-time rules mirrored from
 * the server (insurehub/claims/services/fnol.py `_validate_incident`): not in the future, and the
 * incident's day, as the server reads it (UTC, settings.TIME_ZONE), inside the policy's cover
 * (start_date <= day <= end_date). The server stays the judge: a refusal it still gives is shown as
 * a sentence.
 */

export const STEPS = ["policy", "when", "where", "what", "files", "review"] as const;
export type Step = (typeof STEPS)[number];

/** Version of the saved draft's shape: a draft saved by another shape is dropped, not misread. */
export const DRAFT_VERSION = 1;

export interface ClaimDraft {
  version: typeof DRAFT_VERSION;
  step: Step;
  policyId: string;
  /** The incident's day and time as typed (`YYYY-MM-DD`, `HH:MM`), in the customer's own time zone. */
  date: string;
  time: string;
  address: string;
  /** Set when the place was resolved (address search or "use my location"); decimal strings. */
  latitude: string;
  longitude: string;
  description: string;
  injury: boolean;
  thirdParty: boolean;
  thirdPartyDetails: string;
  policeReference: string;
  /** The Idempotency-Key of the one POST that files the server draft (kept so a retry never files two). */
  idempotencyKey: string;
  /** The server draft's id once filed (files attach to it; "Submit" moves it to submitted). */
  claimId: string | null;
  /** What the server draft was last told (JSON of the body), to PATCH only what changed. */
  syncedBody: string | null;
  savedAt: string;
}

export function newDraft(key: string = crypto.randomUUID(), now: Date = new Date()): ClaimDraft {
  return {
    version: DRAFT_VERSION,
    step: "policy",
    policyId: "",
    date: "",
    time: "",
    address: "",
    latitude: "",
    longitude: "",
    description: "",
    injury: false,
    thirdParty: false,
    thirdPartyDetails: "",
    policeReference: "",
    idempotencyKey: key,
    claimId: null,
    syncedBody: null,
    savedAt: now.toISOString(),
  };
}

/** What the customer typed since the wizard opened: a draft worth offering to continue. */
export function hasContent(draft: ClaimDraft): boolean {
  return Boolean(
    draft.claimId || draft.policyId || draft.date || draft.address || draft.description || draft.policeReference,
  );
}

/** The policy facts the rules need (a subset of the API's PolicyOutput). */
export interface CoverLike {
  id: string;
  status: string;
  start_date: string;
  end_date: string;
}

export type FieldError =
  | "policyRequired"
  | "policyNotActive"
  | "dateRequired"
  | "timeRequired"
  | "dateInvalid"
  | "inFuture"
  | "outsideCover"
  | "addressRequired"
  | "descriptionRequired"
  | "descriptionTooShort"
  | "thirdPartyDetailsRequired"
  | "policeReferenceTooLong";

export type StepErrors = Partial<Record<"policy" | "date" | "time" | "address" | "description" | "thirdPartyDetails" | "policeReference", FieldError>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
export const MIN_DESCRIPTION = 10;

/** The incident instant from the day and time as typed in the browser's time zone, or null. */
export function incidentInstant(date: string, time: string): Date | null {
  if (!DAY.test(date) || !CLOCK.test(time)) return null;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const value = new Date(year, month - 1, day, hour, minute, 0, 0);
  // 2026-02-31 would roll over to March: not a day that exists
  if (value.getFullYear() !== year || value.getMonth() !== month - 1 || value.getDate() !== day) return null;
  return value;
}

/** The server's day of an instant (its TIME_ZONE is UTC), as the API writes dates. */
export function serverDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The incident's time against the server's rules: the first that fails, or null. */
export function checkIncident(date: string, time: string, policy: CoverLike | undefined, now: Date): FieldError | null {
  const instant = incidentInstant(date, time);
  if (!instant) return "dateInvalid";
  if (instant.getTime() > now.getTime()) return "inFuture";
  if (policy) {
    const day = serverDay(instant);
    if (day < policy.start_date || day > policy.end_date) return "outsideCover";
  }
  return null;
}

/** What a step still needs (empty: the customer may go on). */
export function validateStep(step: Step, draft: ClaimDraft, policy: CoverLike | undefined, now: Date): StepErrors {
  const errors: StepErrors = {};
  switch (step) {
    case "policy":
      if (!draft.policyId) errors.policy = "policyRequired";
      else if (policy && policy.status !== "active") errors.policy = "policyNotActive";
      break;
    case "when": {
      if (!draft.date) errors.date = "dateRequired";
      if (!draft.time) errors.time = "timeRequired";
      if (draft.date && draft.time) {
        const problem = checkIncident(draft.date, draft.time, policy, now);
        if (problem) errors.date = problem;
      }
      break;
    }
    case "where":
      if (!draft.address.trim()) errors.address = "addressRequired";
      break;
    case "what":
      if (!draft.description.trim()) errors.description = "descriptionRequired";
      else if (draft.description.trim().length < MIN_DESCRIPTION) errors.description = "descriptionTooShort";
      if (draft.thirdParty && !draft.thirdPartyDetails.trim()) errors.thirdPartyDetails = "thirdPartyDetailsRequired";
      if (draft.policeReference.length > 64) errors.policeReference = "policeReferenceTooLong";
      break;
    case "files":
    case "review":
      break;
  }
  return errors;
}

/** The first step before `step` that is not complete (where "Continue" or a resumed draft must go back to). */
export function firstIncomplete(draft: ClaimDraft, policy: CoverLike | undefined, now: Date, upTo: Step): Step | null {
  for (const step of STEPS) {
    if (step === upTo) return null;
    if (Object.keys(validateStep(step, draft, policy, now)).length > 0) return step;
  }
  return null;
}

export function stepIndex(step: Step): number {
  return STEPS.indexOf(step);
}

export function nextStep(step: Step): Step {
  return STEPS[Math.min(stepIndex(step) + 1, STEPS.length - 1)] as Step;
}

export function previousStep(step: Step): Step {
  return STEPS[Math.max(stepIndex(step) - 1, 0)] as Step;
}

/** The details as the API takes them (POST /api/claims/ and PATCH of a draft). */
export interface ClaimBody {
  incident_date: string;
  incident_address: string;
  incident_latitude?: string;
  incident_longitude?: string;
  description: string;
  injury: boolean;
  third_party_involved: boolean;
  police_report_number: string;
}

/**
 * The API has no field for the other party's details: they go at the end of the description,
 * marked, so the claims desk reads them with the story.
 */
export function descriptionWithThirdParty(draft: ClaimDraft, label: string): string {
  const story = draft.description.trim();
  const other = draft.thirdParty ? draft.thirdPartyDetails.trim() : "";
  return other ? `${story}\n\n${label}: ${other}` : story;
}

export function claimBody(draft: ClaimDraft, thirdPartyLabel: string): ClaimBody {
  const instant = incidentInstant(draft.date, draft.time);
  const body: ClaimBody = {
    incident_date: instant ? instant.toISOString() : "",
    incident_address: draft.address.trim(),
    description: descriptionWithThirdParty(draft, thirdPartyLabel),
    injury: draft.injury,
    third_party_involved: draft.thirdParty,
    police_report_number: draft.policeReference.trim(),
  };
  if (draft.latitude && draft.longitude) {
    body.incident_latitude = draft.latitude;
    body.incident_longitude = draft.longitude;
  }
  return body;
}

/** The fields of `next` that differ from what the server was last told (a PATCH's body). */
export function changedFields(synced: string | null, next: ClaimBody): Partial<ClaimBody> {
  const before = synced ? (JSON.parse(synced) as Partial<ClaimBody>) : {};
  const changed: Partial<ClaimBody> = {};
  for (const [key, value] of Object.entries(next) as [keyof ClaimBody, ClaimBody[keyof ClaimBody]][]) {
    if (before[key] !== value) (changed as Record<string, unknown>)[key] = value;
  }
  return changed;
}

/** Six decimals, as the API's coordinates are (max_digits 9, decimal_places 6). */
export function coordinate(value: number): string {
  return value.toFixed(6);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** The day and time of an instant as the customer's browser shows them (`YYYY-MM-DD`, `HH:MM`). */
export function localParts(iso: string): { date: string; time: string } {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return { date: "", time: "" };
  return {
    date: `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`,
    time: `${pad(value.getHours())}:${pad(value.getMinutes())}`,
  };
}

/** The server draft's facts the wizard reads back (a subset of the API's ClaimDetail). */
export interface ServerDraftLike {
  id: string;
  policy: string;
  incident_date: string;
  incident_address: string;
  incident_latitude: string | null;
  incident_longitude: string | null;
  description: string;
  injury: boolean;
  third_party_involved: boolean;
  police_report_number: string;
}

/**
 * A server draft as the wizard's draft (`/claims/new?draft=<id>` on another device): the other
 * party's details are split back off the description (`descriptionWithThirdParty`), and what the
 * server holds counts as synced. Its files are on the server already: the wizard opens at the files.
 */
export function draftFromClaim(claim: ServerDraftLike, thirdPartyLabel: string, key: string = crypto.randomUUID()): ClaimDraft {
  const marker = `\n\n${thirdPartyLabel}: `;
  const at = claim.description.lastIndexOf(marker);
  const split = claim.third_party_involved && at >= 0;
  const draft: ClaimDraft = {
    ...newDraft(key),
    step: "files",
    policyId: claim.policy,
    ...localParts(claim.incident_date),
    address: claim.incident_address,
    latitude: claim.incident_latitude ?? "",
    longitude: claim.incident_longitude ?? "",
    description: split ? claim.description.slice(0, at) : claim.description,
    injury: claim.injury,
    thirdParty: claim.third_party_involved,
    thirdPartyDetails: split ? claim.description.slice(at + marker.length) : "",
    policeReference: claim.police_report_number,
    claimId: claim.id,
  };
  return { ...draft, syncedBody: JSON.stringify(claimBody(draft, thirdPartyLabel)) };
}

/** The vehicle a policy insures, as the customer knows it (its registration). */
export function vehicleText(policy: { vehicle_registration: string | null }, none: string): string {
  return policy.vehicle_registration ?? none;
}
