"""Policies move through the one state machine (policies/workflow.py): each move writes a
WorkflowStage row, an audit entry `policy.<action>` and exactly one `policy.status_changed` event;
an action not allowed from the policy's status answers illegal_transition as it always did."""

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.core.errors import ApplicationError
from insurehub.policies.models import PolicyStatus
from insurehub.policies.services import policy_cancel, policy_expire, policy_lapse, policy_reinstate
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.realtime.models import OutboxEvent
from insurehub.workflows.models import WorkflowStage

pytestmark = pytest.mark.django_db


def _recorded(policy):
    stages = list(
        WorkflowStage.objects.filter(object_id=str(policy.pk)).order_by("entered_at").values_list("stage", "note")
    )
    audit = list(AuditEvent.objects.filter(object_id=str(policy.pk)).order_by("id").values_list("action", flat=True))
    events = list(
        OutboxEvent.objects.filter(type="policy.status_changed", data__policy_id=str(policy.pk))
        .order_by("id")
        .values_list("data__status", "data__previous")
    )
    return stages, audit, events


def test_each_move_writes_a_stage_an_audit_entry_and_one_event(actors):
    policy = PolicyFactory(customer=actors["owner"])
    policy_lapse(policy=policy, reason="instalment overdue")
    policy_reinstate(policy=policy)
    policy_cancel(policy=policy, cancelled_by=actors["owner"], reason="sold the car")
    stages, audit, events = _recorded(policy)
    assert stages == [
        ("lapsed", "instalment overdue"),
        ("active", "overdue instalment paid"),
        ("cancelled", "sold the car"),
    ]
    assert audit == ["policy.lapsed", "policy.reinstated", "policy.cancelled"]
    assert events == [("lapsed", "active"), ("active", "lapsed"), ("cancelled", "active")]
    entry = AuditEvent.objects.filter(object_id=str(policy.pk), action="policy.cancelled").get()
    assert entry.changes == {"status": ["active", "cancelled"], "reason": "sold the car"}
    assert WorkflowStage.objects.filter(object_id=str(policy.pk), left_at__isnull=True).get().stage == "cancelled"


def test_an_action_not_allowed_is_refused_and_writes_nothing(actors):
    policy = PolicyFactory(customer=actors["owner"], status=PolicyStatus.CANCELLED)
    with pytest.raises(ApplicationError) as refused:
        policy_expire(policy=policy)
    assert (refused.value.code, refused.value.status) == ("illegal_transition", 409)
    assert refused.value.extra == {"current_status": "cancelled", "allowed_from": ["active", "lapsed"]}
    assert _recorded(policy) == ([], [], [])
