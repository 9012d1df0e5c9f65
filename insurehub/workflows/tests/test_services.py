"""WorkflowStage: the history of an object's stages, with exactly one open stage."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from insurehub.policies.tests.factories import PolicyFactory
from insurehub.workflows.models import WorkflowStage
from insurehub.workflows.selectors import stages_for
from insurehub.workflows.services import stage_enter

pytestmark = pytest.mark.django_db


def test_entering_a_stage_closes_the_open_one_at_the_same_instant():
    policy = PolicyFactory()
    first = stage_enter(subject=policy, stage="quote", actor=policy.customer, note="issued")
    second = stage_enter(subject=policy, stage="active", actor=AnonymousUser(), note="x" * 600)
    first.refresh_from_db()
    assert first.left_at == second.entered_at and second.left_at is None
    assert second.actor is None and len(second.note) == 500
    assert [s.stage for s in stages_for(policy)] == ["quote", "active"]
    assert list(stages_for(PolicyFactory())) == []


def test_an_object_never_has_two_open_stages():
    policy = PolicyFactory()
    open_stage = stage_enter(subject=policy, stage="quote")
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkflowStage.objects.create(
            content_type=open_stage.content_type, object_id=open_stage.object_id, stage="active",
            entered_at=timezone.now(),
        )  # fmt: skip
