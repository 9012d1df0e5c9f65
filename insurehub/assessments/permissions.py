"""Who may change an assessment (seeing it is the claim's rule, in selectors):
the assessor it is assigned to, supervisors (within what they see) and admins."""

from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role


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
