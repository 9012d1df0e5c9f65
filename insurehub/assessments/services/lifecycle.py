"""Scheduling an assessment, editing it and its sections, cancelling and completing it (the
moves go through the state machine, assessments/workflow.py)."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from insurehub.assessments import notices, sections, workflow
from insurehub.assessments.completion import completion_blockers
from insurehub.assessments.models import (
    Assessment,
    AssessmentSection,
    AssessmentStatus,
    Estimate,
    EstimateStatus,
)
from insurehub.assessments.permissions import (
    ensure_can_manage,
    ensure_can_schedule,
)
from insurehub.assessments.services.editing import (
    _ensure_editable,
    _error,
    _event,
    _lock,
    _locked_for_edit,
    _mark_started,
)
from insurehub.audit.services import audit_record
from insurehub.claims.models import Claim, ClaimStatus
from insurehub.claims.services import claim_record_assessment_completed, claim_update
from insurehub.core import web_links
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.core.services import model_update
from insurehub.core.state_machine import Transition
from insurehub.realtime.events import Notice

SCHEDULABLE_CLAIM_STATUSES = frozenset({ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW, ClaimStatus.ASSESSMENT})


@transaction.atomic
def assessment_create(
    *, claim: Claim, created_by, assessor=None, scheduled_at: datetime | None = None, notes: str = ""
) -> Assessment:
    """Schedule the claim's assessment with the standard sections. One active assessment per
    claim: the claim row lock makes two concurrent requests queue, the second is refused."""
    ensure_can_schedule(created_by, claim)
    claim = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
    if claim.status not in SCHEDULABLE_CLAIM_STATUSES:
        raise ApplicationError(
            "claim_not_assessable", f"A claim that is {claim.status} cannot be assessed.", status=409
        )
    if Assessment.objects.filter(claim=claim).exclude(status=AssessmentStatus.CANCELLED).exists():
        raise ApplicationError("assessment_exists", "The claim already has an active assessment.", status=409)
    assessor = assessor or claim.assigned_assessor
    if assessor is not None and assessor.role != Role.ASSESSOR:
        raise ApplicationError(
            "invalid_assessor", "The assessor must have the assessor role.",
            errors=[_error("assessor", "invalid", "Not an assessor.")],
        )  # fmt: skip
    assessment = Assessment(
        claim=claim,
        assessor=assessor,
        scheduled_at=scheduled_at or timezone.now(),
        notes=notes,
    )
    assessment.full_clean()
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError as exc:  # the partial unique index, should a racing insert slip through
        raise ApplicationError("assessment_exists", "The claim already has an active assessment.", status=409) from exc
    AssessmentSection.objects.bulk_create(
        [AssessmentSection(assessment=assessment, kind=kind, position=i) for i, kind in enumerate(sections.TEMPLATE)]
    )
    audit_record(
        actor=created_by,
        action="assessment.created",
        target=assessment,
        changes={"claim": str(claim.pk), "assessor": str(assessor.pk) if assessor else None},
    )
    told = []
    if assessor is not None and assessor != created_by:
        told.append(
            Notice(
                recipient=assessor,
                topic="assignments",
                kind="assessment.scheduled",
                title=f"You have been given the assessment of claim {claim.claim_number}.",
                body=(
                    f"It is scheduled for {date_format(assessment.scheduled_at, 'j F Y, H:i')} UTC."
                    if assessment.scheduled_at
                    else "It is not scheduled yet: agree a time with the customer."
                ),
                link=web_links.assessment_page(assessment.pk),
            )
        )
    _event(assessment, "created", notices=told)
    return assessment


@transaction.atomic
def assessment_update(*, assessment: Assessment, data: dict, updated_by) -> Assessment:
    locked = _locked_for_edit(assessment, updated_by)
    fields = ["scheduled_at", "overall_severity", "notes", "summary"]
    if "assessor" in data:
        ensure_can_manage(updated_by)
        if data["assessor"] is not None and data["assessor"].role != Role.ASSESSOR:
            raise ApplicationError(
                "invalid_assessor", "The assessor must have the assessor role.",
                errors=[_error("assessor", "invalid", "Not an assessor.")],
            )  # fmt: skip
        fields.append("assessor")
    changes = model_update(instance=locked, fields=fields, data=data)
    if changes:
        _mark_started(locked, updated_by)
        audit_record(actor=updated_by, action="assessment.updated", target=locked, changes=changes)
        _event(locked, "updated", changed=sorted(changes))
    return locked


@transaction.atomic
def assessment_cancel(*, assessment: Assessment, reason: str, cancelled_by) -> Assessment:
    ensure_can_manage(cancelled_by)
    locked = _lock(assessment)
    _ensure_editable(locked)
    if not reason.strip():
        raise ApplicationError(
            "reason_required", "Say why the assessment is cancelled.",
            errors=[_error("reason", "required", "Required.")],
        )  # fmt: skip

    def prepare(move: Transition) -> None:
        locked.cancelled_at = move.at
        locked.cancel_reason = move.reason

    workflow.MACHINE.move(
        locked,
        AssessmentStatus.CANCELLED,
        by=cancelled_by,
        reason=reason.strip()[:500],
        prepare=prepare,
        action="assessment.cancelled",
    )
    return locked


def _refresh_completion(assessment: Assessment) -> None:
    counts = AssessmentSection.objects.filter(assessment=assessment).values_list("completed", flat=True)
    done = [bool(c) for c in counts]
    assessment.completion_percentage = sections.completion_percentage(sum(done), len(done))
    assessment.save(update_fields=["completion_percentage", "updated_at"])


@transaction.atomic
def section_update(*, section: AssessmentSection, data: dict, updated_by) -> AssessmentSection:
    """Findings (validated against the section's schema), severity, notes, completed."""
    assessment = _locked_for_edit(section.assessment, updated_by)
    section = AssessmentSection.objects.select_for_update().get(pk=section.pk)
    if "findings" in data:
        errors = sections.findings_errors(section.kind, data["findings"])
        if errors:
            raise ApplicationError(
                "invalid_findings",
                f"The findings do not match the {section.kind} section's schema.",
                errors=[_error("findings", "schema", message) for message in errors],
            )
    if "completed" in data:
        data = {**data, "completed_at": timezone.now() if data["completed"] else None}
    changes = model_update(
        instance=section, fields=["findings", "severity", "notes", "completed", "completed_at"], data=data
    )
    if changes:
        _mark_started(assessment, updated_by)
        _refresh_completion(assessment)
        changes.pop("findings", None)
        changes.pop("completed_at", None)
        audit_record(
            actor=updated_by,
            action="assessment.section_updated",
            target=assessment,
            changes={"section": section.kind, **changes, **({"findings": "updated"} if "findings" in data else {})},
        )
        _event(assessment, "section", section=section.kind)
    return section


@transaction.atomic
def assessment_complete(*, assessment: Assessment, completed_by) -> Assessment:
    """All sections completed and an accepted estimate: the assessment is completed, the claim
    gets the accepted estimate as its estimated cost and may now be decided (approved)."""
    locked = _locked_for_edit(assessment, completed_by)
    accepted = list(Estimate.objects.filter(assessment=locked, status=EstimateStatus.ACCEPTED))
    blockers = completion_blockers(
        status=locked.status,
        sections=AssessmentSection.objects.filter(assessment=locked).only("kind", "position", "completed"),
        accepted_estimates=accepted,
    )
    if blockers:
        first = blockers[0]
        extra = {"open_sections": first.sections} if first.code == "sections_open" else {}
        raise ApplicationError(first.code, first.message, status=409, extra=extra)
    estimate = accepted[0]
    if locked.overall_severity is None:
        locked.overall_severity = (
            AssessmentSection.objects.filter(assessment=locked).aggregate(m=Max("severity"))["m"] or 1
        )

    def prepare(move: Transition) -> None:
        locked.completed_at = move.at
        locked.started_at = locked.started_at or move.at
        locked.completion_percentage = 100
        if locked.assessor_id is None and completed_by.role == Role.ASSESSOR:
            locked.assessor = completed_by
        locked.full_clean()
        claim_update(claim=locked.claim, data={"estimated_cost": estimate.total}, updated_by=completed_by)
        claim = claim_record_assessment_completed(claim=locked.claim, actor=completed_by, completed_at=move.at)
        move.notices += _completed_notices(claim)

    workflow.MACHINE.move(
        locked,
        AssessmentStatus.COMPLETED,
        by=completed_by,
        prepare=prepare,
        action="assessment.completed",
        changes={"estimate": str(estimate.pk), "total": estimate.total, "total_loss": locked.total_loss},
        total=estimate.total,
        currency=estimate.currency,
        total_loss=locked.total_loss,
    )
    return locked


def _completed_notices(claim: Claim) -> list[Notice]:
    told = []
    if claim.assigned_agent_id:
        told.append(
            Notice(
                recipient=claim.assigned_agent,
                topic="assessment_updates",
                kind="assessment.completed",
                title=f"The assessment of claim {claim.claim_number} is complete.",
                body="The claim is ready for a decision.",
                link=web_links.claim_page(claim.pk),
            )
        )
    told.append(
        Notice(
            recipient=claim.customer,
            topic="assessment_updates",
            kind="assessment.completed",
            **notices.completed_for_customer(claim),
        )
    )
    return told
