"""Our guard on the claims workflow. The claims app already refuses approval until
`claim.assessment_completed_at` is set (assessment_complete sets it); this one also refuses
while the claim's active assessment is open again (scheduled or in progress)."""

from insurehub.claims import guards


def active_assessment_completed(claim, actor, payload) -> str | None:
    from insurehub.assessments.models import EDITABLE_STATUSES, Assessment

    if Assessment.objects.filter(claim_id=claim.pk, status__in=EDITABLE_STATUSES).exists():
        return "the claim's assessment is not completed"
    return None


guards.register("approved", active_assessment_completed)
