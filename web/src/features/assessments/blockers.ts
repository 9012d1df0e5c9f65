/**
 * What stands between an assessment and "Complete", in words, BEFORE the click.
 *
 * The rule itself is the server's (`blockers` on the assessment: the same checks
 * `POST .../complete/` makes, insurehub/assessments/completion.py), so the page never guesses it.
 * This adds what only the page knows (edits not saved yet, whether the caller may act) and turns
 * codes into sentences, also for a 409 that still happens (someone reopened a section meanwhile).
 */
import type { ApiError } from "@/lib/api";

import type { Assessment, Blocker, SectionKind } from "./api/assessments";
import { SECTION_LABELS } from "./vocabulary";

export interface Reason {
  code: Blocker["code"] | "not_allowed" | "unsaved";
  text: string;
  /** Sections the reason is about, for links to them. */
  sections: SectionKind[];
}

export interface CompletionState {
  ready: boolean;
  reasons: Reason[];
}

function list(kinds: readonly SectionKind[]): string {
  const names = kinds.map((kind) => SECTION_LABELS[kind] ?? kind);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function sectionsOpenText(kinds: readonly SectionKind[]): string {
  return kinds.length === 1
    ? `The ${list(kinds)} section is still open: give it a severity and mark it complete.`
    : `${kinds.length} sections are still open (${list(kinds)}): give each a severity and mark it complete.`;
}

function closedText(status: string): string {
  return status === "completed" ? "The assessment is completed." : `The assessment is ${status.replace("_", " ")}: it can no longer be changed.`;
}

export function describeBlocker(blocker: Blocker, status: string): Reason {
  const { code, message } = blocker;
  switch (blocker.code) {
    case "sections_open":
      return { code, text: sectionsOpenText(blocker.sections), sections: [...blocker.sections] };
    case "no_accepted_estimate":
      return { code, text: "No estimate is accepted yet: accept one under Estimates.", sections: [] };
    case "assessment_closed":
      return { code, text: closedText(status), sections: [] };
  }
  return { code, text: message, sections: [] }; // a blocker this page does not know yet
}

/**
 * Whether "Complete" can be pressed now and, if not, every reason why. `unsaved` lists the
 * sections with edits in the form that are not saved yet (the server has not seen them).
 */
export function completionState(
  assessment: Pick<Assessment, "status" | "blockers" | "can_edit">,
  unsaved: readonly SectionKind[] = [],
): CompletionState {
  const closed = assessment.blockers.find((blocker) => blocker.code === "assessment_closed");
  if (closed) return { ready: false, reasons: [describeBlocker(closed, assessment.status)] };
  const reasons: Reason[] = [];
  if (!assessment.can_edit) {
    reasons.push({
      code: "not_allowed",
      text: "Only the assigned assessor, a supervisor or an admin may complete it.",
      sections: [],
    });
  }
  if (unsaved.length) {
    reasons.push({
      code: "unsaved",
      text: `Save your changes to ${list(unsaved)} first.`,
      sections: [...unsaved],
    });
  }
  reasons.push(...assessment.blockers.map((blocker) => describeBlocker(blocker, assessment.status)));
  return { ready: reasons.length === 0, reasons };
}

/** A refusal of `complete/` in words (it should be rare: the blockers were shown before). */
export function completeErrorText(error: ApiError): string {
  switch (error.code) {
    case "sections_open": {
      const open = Array.isArray(error.problem.open_sections) ? (error.problem.open_sections as SectionKind[]) : [];
      return open.length ? `Not completed. ${sectionsOpenText(open)}` : `Not completed. ${error.message}`;
    }
    case "no_accepted_estimate":
      return "Not completed: no estimate is accepted any more. Accept one under Estimates, then complete.";
    case "assessment_closed":
      return `Not completed: ${error.message}`;
    case "permission_denied":
      return "Not completed: only the assigned assessor, a supervisor or an admin may complete it.";
    default:
      return error.message;
  }
}
