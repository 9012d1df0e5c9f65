import { ApiError } from "@/lib/api";

import type { Blocker } from "./api/assessments";
import { completeErrorText, completionState } from "./blockers";

const open = (...sections: Blocker["sections"]): Blocker => ({
  code: "sections_open",
  message: "Complete every section first.",
  sections,
});
const noEstimate: Blocker = { code: "no_accepted_estimate", message: "Accept an estimate before completing.", sections: [] };

describe("completionState", () => {
  it("is ready when the server names no blocker and the caller may act", () => {
    expect(completionState({ status: "in_progress", blockers: [], can_edit: true })).toEqual({ ready: true, reasons: [] });
  });

  it("names every open section and the missing accepted estimate", () => {
    const state = completionState({
      status: "in_progress",
      blockers: [open("glass", "tyres_and_wheels", "safety_systems"), noEstimate],
      can_edit: true,
    });
    expect(state.ready).toBe(false);
    expect(state.reasons.map((r) => r.text)).toEqual([
      "3 sections are still open (Glass, Tyres and wheels and Safety systems): give each a severity and mark it complete.",
      "No estimate is accepted yet: accept one under Estimates.",
    ]);
    expect(state.reasons[0]!.sections).toEqual(["glass", "tyres_and_wheels", "safety_systems"]);
  });

  it("speaks of one section in the singular", () => {
    const [reason] = completionState({ status: "in_progress", blockers: [open("glass")], can_edit: true }).reasons;
    expect(reason!.text).toBe("The Glass section is still open: give it a severity and mark it complete.");
  });

  it("adds what only the page knows: unsaved edits, and a caller who may not complete", () => {
    const state = completionState({ status: "in_progress", blockers: [], can_edit: false }, ["exterior", "glass"]);
    expect(state.ready).toBe(false);
    expect(state.reasons.map((r) => r.code)).toEqual(["not_allowed", "unsaved"]);
    expect(state.reasons[1]!.text).toBe("Save your changes to Exterior and Glass first.");
  });

  it("says only that it is closed once completed or cancelled", () => {
    const closed: Blocker = { code: "assessment_closed", message: "closed", sections: [] };
    expect(completionState({ status: "completed", blockers: [closed], can_edit: true }, ["glass"]).reasons).toEqual([
      { code: "assessment_closed", text: "The assessment is completed.", sections: [] },
    ]);
    expect(completionState({ status: "cancelled", blockers: [closed], can_edit: false }).reasons[0]!.text).toBe(
      "The assessment is cancelled: it can no longer be changed.",
    );
  });
});

describe("completeErrorText", () => {
  const problem = (code: string, extra: Record<string, unknown> = {}, status = 409) =>
    new ApiError({ type: `/problems/${code}`, title: "Conflict", status, detail: "The server's sentence.", errors: [], ...extra });

  it("turns a 409 that still happens into words", () => {
    expect(completeErrorText(problem("sections_open", { open_sections: ["interior"] }))).toBe(
      "Not completed. The Interior section is still open: give it a severity and mark it complete.",
    );
    expect(completeErrorText(problem("sections_open"))).toBe("Not completed. The server's sentence.");
    expect(completeErrorText(problem("no_accepted_estimate"))).toBe(
      "Not completed: no estimate is accepted any more. Accept one under Estimates, then complete.",
    );
    expect(completeErrorText(problem("assessment_closed"))).toBe("Not completed: The server's sentence.");
    expect(completeErrorText(problem("permission_denied", {}, 403))).toMatch(/only the assigned assessor/);
    expect(completeErrorText(problem("something_else", {}, 500))).toBe("The server's sentence.");
  });
});
