import { useInvalidateOnEvent } from "@/lib/events";

import { assessmentKeys } from "../api/assessments";

/** The list follows every assessment change the caller may see (no polling). */
export function useLiveAssessmentList(): void {
  useInvalidateOnEvent({ type: "assessment.updated" }, [assessmentKeys.lists()]);
}

/**
 * One assessment's workspace follows its changes: any `assessment.updated` of it refetches the
 * whole workspace (detail, sections, photos, estimates); a photo's document finishing its virus
 * scan refetches the gallery. Subscribes the socket to the claim, so a supervisor watching an
 * assessor's work sees it too.
 */
export function useLiveAssessment(id: string, claimId: string | undefined): void {
  useInvalidateOnEvent({ type: "assessment.updated", claim: claimId }, (event) =>
    event.data.assessment_id === id ? [assessmentKeys.detail(id), assessmentKeys.lists()] : [],
  );
  useInvalidateOnEvent({ type: ["document.scanned", "document.processed"], claim: claimId }, [
    assessmentKeys.part(id, "photos"),
  ]);
}
