"""The assessment's workflow, on the one state-machine helper (core/state_machine.py):

    scheduled -> in_progress -> completed
    scheduled | in_progress -> cancelled      (a supervisor or admin, with a reason)
    scheduled -> completed                    (all done before anything else was recorded)

Every move writes an `AssessmentStatusHistory` row, an audit entry and one `assessment.updated`
event, in the service's transaction. A move out of a closed (completed, cancelled) assessment is
refused as `assessment_closed`, the error its edits have always answered.
"""

from insurehub.assessments.models import Assessment, AssessmentStatus, AssessmentStatusHistory
from insurehub.assessments.permissions import assessment_audience, can_edit
from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.core.state_machine import StateMachine, Transition
from insurehub.realtime.events import emit

S = AssessmentStatus

TRANSITIONS: dict[str, set[str]] = {
    S.SCHEDULED: {S.IN_PROGRESS, S.COMPLETED, S.CANCELLED},
    S.IN_PROGRESS: {S.COMPLETED, S.CANCELLED},
    S.COMPLETED: set(),
    S.CANCELLED: set(),
}


def may_move(user, assessment: Assessment, to: str) -> bool:
    """Its assessor (or a supervisor, an admin) works it; only a supervisor or an admin cancels it."""
    if to == S.CANCELLED:
        return user.role in (Role.SUPERVISOR, Role.ADMIN)
    return can_edit(user, assessment)


def event(assessment: Assessment, change: str, *, notices=(), **data) -> None:
    """Assessment progress carries estimate totals, which are staff business: the claim's staff
    hear of it; the customer follows the claim's own status (permissions.assessment_audience)."""
    emit(
        "assessment.updated",
        {
            "assessment_id": str(assessment.pk),
            "claim_id": str(assessment.claim_id),
            "status": assessment.status,
            "completion_percentage": assessment.completion_percentage,
            "change": change,
            **data,
        },
        assessment_audience(assessment),
        context={"assessment": assessment},
        notices=notices,
    )


CHANGES = {S.IN_PROGRESS: "started", S.COMPLETED: "completed", S.CANCELLED: "cancelled"}


def _history(move: Transition) -> None:
    AssessmentStatusHistory.objects.create(
        assessment=move.obj,
        from_status=move.source,
        to_status=move.target,
        actor=move.actor if move.actor else None,
        reason=move.reason[:500],
        at=move.at,
    )


def _moved(move: Transition, **data) -> None:
    event(move.obj, CHANGES[move.target], notices=move.notices, **data)


def _closed(assessment: Assessment, to: str, by, machine) -> ApplicationError:
    return ApplicationError(
        "assessment_closed",
        f"The assessment is {assessment.status}; it can no longer be changed.",
        status=409,
        extra={"status": assessment.status},
    )


MACHINE = StateMachine(
    name="assessment",
    moves=TRANSITIONS,
    may=may_move,
    history=_history,
    event=_moved,
    audit=audit_record,
    illegal=_closed,
)
