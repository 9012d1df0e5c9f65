import { describe, expect, it } from "vitest";

import {
  changedFields,
  checkIncident,
  claimBody,
  draftFromClaim,
  firstIncomplete,
  incidentInstant,
  localParts,
  newDraft,
  nextStep,
  previousStep,
  serverDay,
  validateStep,
  type ClaimDraft,
  type CoverLike,
} from "./wizard";

const POLICY: CoverLike = { id: "p1", status: "active", start_date: "2026-03-01", end_date: "2027-02-28" };
const NOW = new Date("2026-11-29T12:00:00Z");

function draft(patch: Partial<ClaimDraft> = {}): ClaimDraft {
  return { ...newDraft("key-1", NOW), ...patch };
}

/** A local day and time `ms` before/after an instant, as the inputs would hold them. */
function typed(instant: Date): { date: string; time: string } {
  return localParts(instant.toISOString());
}

describe("steps", () => {
  it("go forward and back in order, and stop at the ends", () => {
    expect(nextStep("policy")).toBe("when");
    expect(nextStep("what")).toBe("files");
    expect(nextStep("review")).toBe("review");
    expect(previousStep("when")).toBe("policy");
    expect(previousStep("policy")).toBe("policy");
  });

  it("the policy step needs an active policy", () => {
    expect(validateStep("policy", draft(), undefined, NOW)).toEqual({ policy: "policyRequired" });
    expect(validateStep("policy", draft({ policyId: "p1" }), { ...POLICY, status: "lapsed" }, NOW)).toEqual({
      policy: "policyNotActive",
    });
    expect(validateStep("policy", draft({ policyId: "p1" }), POLICY, NOW)).toEqual({});
  });

  it("the what step needs a story, the other party's details when there is one, and a short police reference", () => {
    expect(validateStep("what", draft(), POLICY, NOW)).toEqual({ description: "descriptionRequired" });
    expect(validateStep("what", draft({ description: "crash" }), POLICY, NOW)).toEqual({
      description: "descriptionTooShort",
    });
    const story = draft({ description: "Hit from behind at the lights.", thirdParty: true, policeReference: "x".repeat(65) });
    expect(validateStep("what", story, POLICY, NOW)).toEqual({
      thirdPartyDetails: "thirdPartyDetailsRequired",
      policeReference: "policeReferenceTooLong",
    });
  });

  it("the where step needs an address (a found point alone is not an address)", () => {
    expect(validateStep("where", draft({ latitude: "-1.2", longitude: "36.8" }), POLICY, NOW)).toEqual({
      address: "addressRequired",
    });
    expect(validateStep("where", draft({ address: "Thika Road, Nairobi" }), POLICY, NOW)).toEqual({});
  });

  it("firstIncomplete names the earliest step still missing something", () => {
    const complete = draft({
      policyId: "p1",
      ...typed(new Date("2026-11-20T08:30:00Z")),
      address: "Moi Avenue",
      description: "Reversed into a pillar.",
    });
    expect(firstIncomplete(complete, POLICY, NOW, "review")).toBeNull();
    expect(firstIncomplete({ ...complete, address: "" }, POLICY, NOW, "review")).toBe("where");
    expect(firstIncomplete({ ...complete, address: "" }, POLICY, NOW, "where")).toBeNull();
  });
});

describe("the incident's time, as the server checks it", () => {
  it("reads a typed day and time, and refuses days that do not exist", () => {
    expect(incidentInstant("2026-11-20", "08:30")?.getHours()).toBe(8);
    expect(incidentInstant("2026-02-31", "08:30")).toBeNull();
    expect(incidentInstant("2026-11-20", "25:00")).toBeNull();
    expect(incidentInstant("", "")).toBeNull();
  });

  it("refuses the future, even by a minute", () => {
    expect(checkIncident(...Object.values(typed(new Date(NOW.getTime() + 60_000))) as [string, string], POLICY, NOW)).toBe(
      "inFuture",
    );
    expect(checkIncident(...Object.values(typed(new Date(NOW.getTime() - 60_000))) as [string, string], POLICY, NOW)).toBeNull();
  });

  it("judges the cover on the server's (UTC) day, both ends included", () => {
    const first = new Date("2026-03-01T00:30:00Z");
    const before = new Date("2026-02-28T23:30:00Z");
    expect(serverDay(first)).toBe("2026-03-01");
    expect(checkIncident(typed(first).date, typed(first).time, POLICY, NOW)).toBeNull();
    expect(checkIncident(typed(before).date, typed(before).time, POLICY, NOW)).toBe("outsideCover");
    const lastDay = { ...POLICY, end_date: "2026-11-01" };
    const after = new Date("2026-11-02T00:10:00Z");
    expect(checkIncident(typed(after).date, typed(after).time, lastDay, NOW)).toBe("outsideCover");
  });

  it("the when step shows the first problem on the date", () => {
    const early = typed(new Date("2026-01-10T10:00:00Z"));
    expect(validateStep("when", draft({ policyId: "p1", ...early }), POLICY, NOW)).toEqual({ date: "outsideCover" });
    expect(validateStep("when", draft({ date: "2026-11-20" }), POLICY, NOW)).toEqual({ time: "timeRequired" });
  });
});

describe("the body the API takes", () => {
  const full = draft({
    policyId: "p1",
    ...typed(new Date("2026-11-20T08:30:00Z")),
    address: " Thika Road ",
    latitude: "-1.219000",
    longitude: "36.888000",
    description: "Scraped by a matatu. ",
    thirdParty: true,
    thirdPartyDetails: "KDA 123A, Jubilee Insurance",
    policeReference: " OB/12/2026 ",
  });

  it("carries the instant in UTC, the point only when both coordinates are known, and the other party in the story", () => {
    const body = claimBody(full, "Other party");
    expect(body).toEqual({
      incident_date: "2026-11-20T08:30:00.000Z",
      incident_address: "Thika Road",
      incident_latitude: "-1.219000",
      incident_longitude: "36.888000",
      description: "Scraped by a matatu.\n\nOther party: KDA 123A, Jubilee Insurance",
      injury: false,
      third_party_involved: true,
      police_report_number: "OB/12/2026",
    });
    expect(claimBody({ ...full, latitude: "" }, "Other party")).not.toHaveProperty("incident_latitude");
  });

  it("a PATCH sends only what changed since the last sync", () => {
    const synced = JSON.stringify(claimBody(full, "Other party"));
    expect(changedFields(synced, claimBody(full, "Other party"))).toEqual({});
    expect(changedFields(synced, claimBody({ ...full, injury: true }, "Other party"))).toEqual({ injury: true });
    expect(Object.keys(changedFields(null, claimBody(full, "Other party")))).toHaveLength(8);
  });

  it("a server draft reads back as the wizard's draft, the other party split off, already in sync", () => {
    const body = claimBody(full, "Other party");
    const back = draftFromClaim(
      {
        id: "c1",
        policy: "p1",
        incident_date: "2026-11-20T08:30:00Z",
        incident_address: body.incident_address,
        incident_latitude: "-1.219000",
        incident_longitude: "36.888000",
        description: body.description,
        injury: false,
        third_party_involved: true,
        police_report_number: "OB/12/2026",
      },
      "Other party",
      "key-2",
    );
    expect(back).toMatchObject({
      claimId: "c1",
      step: "files",
      date: full.date,
      time: full.time,
      description: "Scraped by a matatu.",
      thirdPartyDetails: "KDA 123A, Jubilee Insurance",
      idempotencyKey: "key-2",
    });
    expect(changedFields(back.syncedBody, claimBody(back, "Other party"))).toEqual({});
  });
});
