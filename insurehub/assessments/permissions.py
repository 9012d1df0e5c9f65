"""Who may see and do what with assessments. Seeing one is its claim's rule (claims.permissions
CLAIM_ACCESS, through selectors.assessments_visible_to); its details (findings, photos' metadata,
estimates, reports) are the insurer's: staff who see the claim. Changing it: the assessor it is
assigned to, supervisors (within what they see) and admins."""

from insurehub.claims.permissions import claim_staff_audience
from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import allows_object, is_staff_member
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.core.roles import Role


def can_read_details(user, assessment=None) -> bool:
    """Staff read an assessment whole (findings, metadata, estimates, reports); its customer a summary."""
    return is_staff_member(user)


def assessment_audience(assessment) -> list[str]:
    """Who hears of an assessment's progress: its events carry estimate totals, so those who may
    read its details (the claim's staff, never its customer)."""
    return claim_staff_audience(assessment.claim)


def can_edit(user, assessment) -> bool:
    if user.role in (Role.ADMIN, Role.SUPERVISOR):
        return True
    if user.role == Role.ASSESSOR:
        return user.pk in (assessment.assessor_id, assessment.claim.assigned_assessor_id)
    return False


def ensure_can_edit(user, assessment) -> None:
    if not can_edit(user, assessment):
        raise ApplicationError(
            "permission_denied", "Only the assigned assessor, a supervisor or an admin may change it.", status=403
        )


def ensure_can_schedule(user, claim) -> None:
    if user.role in (Role.AGENT, Role.SUPERVISOR, Role.ADMIN):
        return
    if user.role == Role.ASSESSOR and claim.assigned_assessor_id == user.pk:
        return
    raise ApplicationError("permission_denied", "Your role may not schedule an assessment.", status=403)


def ensure_can_manage(user) -> None:
    if user.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise ApplicationError("permission_denied", "Only a supervisor or an admin may do this.", status=403)


ReadsEstimates = allows_object(can_read_details, message="Estimates are internal to the insurer.")
ReadsAssessmentReports = allows_object(can_read_details, message="Assessment reports are internal to the insurer.")
