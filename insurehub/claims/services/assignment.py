"""Who works a claim: its agent and assessor (the least-loaded qualified one on request)."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import notices
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimAssignment,
    ClaimStatus,
)
from insurehub.claims.permissions import (
    required_certification,
)
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.realtime.events import Notice
from insurehub.users.models import User


def least_loaded_assessor(claim: Claim) -> User | None:
    """The active assessor of the claim's department, certified for it, with the fewest open claims."""
    return (
        User.objects.filter(
            role=Role.ASSESSOR,
            is_active=True,
            department=claim.department,
            certification_level__gte=required_certification(claim),
        )
        .annotate(load=Count("claims_as_assessor", filter=Q(claims_as_assessor__status__in=OPEN_STATUSES)))
        .order_by("load", "created_at")
        .first()
    )


def _assign(
    claim: Claim, *, role: str, user: User | None, by, automatic: bool = False, reason: str = ""
) -> list[Notice]:
    """Record the assignment; returns the notice for the person assigned (none when unassigned)."""
    field = "assigned_agent" if role == ClaimAssignment.Role.AGENT else "assigned_assessor"
    previous = getattr(claim, f"{field}_id")
    if previous == (user.pk if user else None):
        return []
    setattr(claim, field, user)
    ClaimAssignment.objects.create(
        claim=claim,
        role=role,
        user=user,
        previous_user_id=previous,
        assigned_by=by if by else None,
        automatic=automatic,
        reason=reason,
        at=timezone.now(),
    )
    audit_record(
        actor=by,
        action="claim.assigned",
        target=claim,
        changes={role: [str(previous) if previous else None, str(user.pk) if user else None], "automatic": automatic},
    )
    if user is None:
        return []
    return [
        Notice(
            recipient=user,
            topic="assignments",
            kind="claim.assigned",
            **notices.assigned(claim, role=ClaimAssignment.Role(role).label.lower()),
        )
    ]


@transaction.atomic
def claim_assign(
    *, claim: Claim, assigned_by: User, agent=..., assessor=..., auto_assessor: bool = False, reason: str = ""
) -> Claim:
    """Staff (agents within their claims, supervisors and admins) assign; `...` leaves a role as it is."""
    claim = _lock(claim)
    if claim.status not in OPEN_STATUSES and claim.status != ClaimStatus.DRAFT:
        raise ApplicationError("claim_not_open", f"A {claim.status} claim is not assigned.", status=409)
    before = facts_of(claim)  # the assessor's own figures are counted per assessor (dashboard rollups)
    told: list[Notice] = []
    if agent is not ...:
        if agent is not None and (
            agent.role not in (Role.AGENT, Role.SUPERVISOR)
            or agent.department != claim.department
            or not agent.is_active
        ):
            raise ApplicationError(
                "invalid_assignee",
                "The agent must be an active agent or supervisor of the claim's department.",
                errors=[{"field": "agent", "message": "Not an agent of this department.", "code": "invalid"}],
            )
        told += _assign(claim, role=ClaimAssignment.Role.AGENT, user=agent, by=assigned_by, reason=reason)
    if auto_assessor:
        assessor = least_loaded_assessor(claim)
        if assessor is None:
            raise ApplicationError(
                "no_assessor", "No active assessor of this department is certified for this claim.", status=409
            )
        told += _assign(
            claim,
            role=ClaimAssignment.Role.ASSESSOR,
            user=assessor,
            by=assigned_by,
            automatic=True,
            reason="automatic: least-loaded qualified assessor",
        )
    elif assessor is not ...:
        if assessor is not None:
            if assessor.role != Role.ASSESSOR or assessor.department != claim.department or not assessor.is_active:
                raise ApplicationError(
                    "invalid_assignee",
                    "The assessor must be an active assessor of the claim's department.",
                    errors=[{"field": "assessor", "message": "Not an assessor of this department.", "code": "invalid"}],
                )
            if assessor.certification_level < required_certification(claim):
                raise ApplicationError(
                    "insufficient_certification",
                    f"This claim needs certification level {required_certification(claim)}.",
                    errors=[{"field": "assessor", "message": "Certification too low.", "code": "invalid"}],
                )
        told += _assign(claim, role=ClaimAssignment.Role.ASSESSOR, user=assessor, by=assigned_by, reason=reason)
    claim.last_activity_at = timezone.now()
    claim.save()
    _event(
        claim,
        "claim.assigned",
        agent=str(claim.assigned_agent_id or ""),
        assessor=str(claim.assigned_assessor_id or ""),
        notices=told,
        context={"before": before, "after": facts_of(claim)},
    )
    return claim
