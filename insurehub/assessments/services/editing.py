"""What every write on an assessment shares: its row lock, the check that it is still open and
the caller may edit it, the start of a scheduled assessment on its first change, its event."""

from insurehub.assessments import workflow
from insurehub.assessments.models import (
    EDITABLE_STATUSES,
    Assessment,
    AssessmentStatus,
)
from insurehub.assessments.permissions import (
    ensure_can_edit,
)
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.core.state_machine import Transition

# Events and status moves: assessments/workflow.py (the state machine writes history, audit, event).
_event = workflow.event


def _lock(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update(of=("self",)).select_related("claim").get(pk=assessment.pk)


def _ensure_editable(assessment: Assessment) -> None:
    if assessment.status not in EDITABLE_STATUSES:
        raise ApplicationError(
            "assessment_closed",
            f"The assessment is {assessment.status}; it can no longer be changed.",
            status=409,
            extra={"status": assessment.status},
        )


def _locked_for_edit(assessment: Assessment, actor) -> Assessment:
    locked = _lock(assessment)
    ensure_can_edit(actor, locked)
    _ensure_editable(locked)
    return locked


def _mark_started(assessment: Assessment, actor) -> None:
    """The first change by its assessor (or a supervisor) starts a scheduled assessment (a move:
    history, audit entry and its own `started` event, before the change's own)."""
    if assessment.status != AssessmentStatus.SCHEDULED:
        return

    def prepare(move: Transition) -> None:
        assessment.started_at = move.at
        if assessment.assessor_id is None and actor.role == Role.ASSESSOR:
            assessment.assessor = actor

    workflow.MACHINE.move(
        assessment, AssessmentStatus.IN_PROGRESS, by=actor, prepare=prepare, action="assessment.started"
    )


def _error(field: str, code: str, message: str) -> dict:
    return {"field": field, "code": code, "message": message}
