"""Assessments move through the one state machine (assessments/workflow.py): each move writes an
AssessmentStatusHistory row, an audit entry and one event; a closed assessment moves no more."""

from decimal import Decimal

import pytest

from insurehub.assessments import services
from insurehub.assessments.models import AssessmentStatus, AssessmentStatusHistory
from insurehub.assessments.tests.factories import claim_for_assessment, lines
from insurehub.audit.models import AuditEvent
from insurehub.core.errors import ApplicationError
from insurehub.core.testing import client_for
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(actors):
    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    return services.assessment_create(claim=claim, created_by=actors["agent"])


def _moves(assessment):
    return list(
        AssessmentStatusHistory.objects.filter(assessment=assessment).values_list("from_status", "to_status", "actor")
    )


def _audit(assessment, action):
    return AuditEvent.objects.filter(object_id=str(assessment.pk), action=action)


def _events(assessment, change):
    return OutboxEvent.objects.filter(
        type="assessment.updated", data__assessment_id=str(assessment.pk), data__change=change
    )


def test_started_and_completed_are_recorded_with_audit_and_one_event_each(assessment, actors):
    assessor = actors["assessor"]
    assert _moves(assessment) == []
    services.assessment_update(assessment=assessment, data={"notes": "Booked with the owner."}, updated_by=assessor)
    assert _moves(assessment) == [("scheduled", "in_progress", assessor.pk)]
    assert _audit(assessment, "assessment.started").get().changes["status"] == ["scheduled", "in_progress"]
    assert _events(assessment, "started").count() == 1
    # Further edits are not moves.
    services.assessment_update(assessment=assessment, data={"summary": "Rear damage."}, updated_by=assessor)
    assert len(_moves(assessment)) == 1 and _events(assessment, "started").count() == 1

    for section in assessment.sections.all():
        services.section_update(
            section=section, data={"findings": {}, "severity": 2, "completed": True}, updated_by=assessor
        )
    estimate = services.estimate_create(
        assessment=assessment, source="assessor", lines=lines(("part", "Bumper", "1", "42000")), created_by=assessor
    )
    services.estimate_accept(estimate=estimate, accepted_by=assessor)
    services.assessment_complete(assessment=assessment, completed_by=assessor)
    assert _moves(assessment)[-1] == ("in_progress", "completed", assessor.pk)
    completed = _audit(assessment, "assessment.completed").get()
    assert completed.changes["status"] == ["in_progress", "completed"] and completed.changes["total"] == "42000.00"
    assert _events(assessment, "completed").count() == 1
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.COMPLETED
    assert assessment.status_history.last().at == assessment.completed_at
    assert assessment.claim.estimated_cost == Decimal("42000.00")


def test_cancelling_records_who_and_why_and_a_closed_assessment_moves_no_more(assessment, actors):
    services.assessment_cancel(
        assessment=assessment, reason="  Vehicle written off by the owner. ", cancelled_by=actors["supervisor"]
    )
    assert _moves(assessment) == [("scheduled", "cancelled", actors["supervisor"].pk)]
    assert AssessmentStatusHistory.objects.get(assessment=assessment).reason == "Vehicle written off by the owner."
    entry = _audit(assessment, "assessment.cancelled").get()
    assert entry.changes == {"status": ["scheduled", "cancelled"], "reason": "Vehicle written off by the owner."}
    assert _events(assessment, "cancelled").count() == 1
    with pytest.raises(ApplicationError) as refused:
        services.assessment_cancel(assessment=assessment, reason="again", cancelled_by=actors["supervisor"])
    assert (refused.value.code, refused.value.status) == ("assessment_closed", 409)
    assert len(_moves(assessment)) == 1


def test_only_a_supervisor_or_admin_cancels(assessment, actors):
    with pytest.raises(ApplicationError) as refused:
        services.assessment_cancel(assessment=assessment, reason="no", cancelled_by=actors["assessor"])
    assert (refused.value.code, refused.value.status) == ("permission_denied", 403)
    assert _moves(assessment) == []


def test_staff_read_the_moves_in_the_assessment_detail_and_customers_do_not(assessment, actors):
    services.assessment_update(assessment=assessment, data={"notes": "On site."}, updated_by=actors["assessor"])
    services.assessment_cancel(assessment=assessment, reason="Duplicate visit.", cancelled_by=actors["supervisor"])
    staff = client_for(actors["supervisor"]).get(f"/api/assessments/{assessment.pk}/")
    assert staff.status_code == 200, staff.content
    moves = [
        (m["from_status"], m["to_status"], m["actor"], m["actor_name"], m["reason"])
        for m in staff.json()["status_history"]
    ]
    assessor, supervisor = actors["assessor"], actors["supervisor"]
    assert moves[-2:] == [
        ("scheduled", "in_progress", str(assessor.pk), assessor.name or assessor.email, ""),
        ("in_progress", "cancelled", str(supervisor.pk), supervisor.name or supervisor.email, "Duplicate visit."),
    ]
    customer = client_for(actors["owner"]).get(f"/api/assessments/{assessment.pk}/")
    assert customer.status_code == 200 and "status_history" not in customer.json()


def test_an_assessment_carries_its_claims_department_for_the_dashboards_index(assessment):
    assert assessment.department == assessment.claim.department != ""
    assessment.refresh_from_db()
    assert assessment.department == assessment.claim.department
