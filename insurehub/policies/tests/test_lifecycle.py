"""The policy lifecycle over time: activation, lapse past the grace period, reinstatement,
expiry, renewal; every change leaves a WorkflowStage row."""

import datetime
from itertools import pairwise

import pytest
from django.utils import timezone

from insurehub.core.errors import ApplicationError
from insurehub.payments.models import Instalment, PaymentSchedule, Transaction
from insurehub.payments.services import card_intent_create, card_sandbox_settle
from insurehub.payments.tests.builders import pending_policy
from insurehub.policies.models import PaymentPlan, Policy, PolicyStatus
from insurehub.policies.services import policies_apply_time, policy_accept, policy_renew
from insurehub.policies.tasks import apply_time
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.realtime.models import OutboxEvent
from insurehub.workflows.selectors import stages_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sandbox_cards(settings):
    settings.CARD_PROVIDER = "sandbox"
    settings.POLICY_GRACE_DAYS = 15


def pay_next(policy: Policy) -> Transaction:
    txn, _ = card_intent_create(policy=policy, instalment=None, initiated_by=policy.customer)
    return card_sandbox_settle(txn=txn, succeed=True, actor=policy.customer)


def stages(policy: Policy) -> list[str]:
    return [stage.stage for stage in stages_for(policy)]


def test_the_first_payment_activates_and_the_history_records_each_stage():
    policy = pending_policy(plan=PaymentPlan.MONTHLY)
    pay_next(policy)
    policy.refresh_from_db()
    assert policy.status == PolicyStatus.ACTIVE and policy.activated_at is not None
    rows = list(stages_for(policy))
    assert [r.stage for r in rows] == ["quote", "pending_payment", "active"]
    assert rows[0].actor == policy.customer and rows[-1].left_at is None
    assert all(earlier.left_at == later.entered_at for earlier, later in pairwise(rows))
    assert OutboxEvent.objects.filter(type="policy.status_changed", data__status="active").exists()


def test_an_instalment_overdue_past_the_grace_period_lapses_the_policy_and_paying_reinstates_it():
    policy = pending_policy(plan=PaymentPlan.MONTHLY)
    pay_next(policy)
    second = Instalment.objects.filter(schedule__policy=policy, sequence=2)
    today = timezone.localdate()

    second.update(due_date=today - datetime.timedelta(days=15))  # still within the grace period
    assert policies_apply_time() == {"expired": 0, "lapsed": 0}
    second.update(due_date=today - datetime.timedelta(days=16))
    assert policies_apply_time() == {"expired": 0, "lapsed": 1}
    policy.refresh_from_db()
    assert policy.status == PolicyStatus.LAPSED
    assert policies_apply_time()["lapsed"] == 0  # idempotent

    pay_next(policy)  # the overdue instalment
    policy.refresh_from_db()
    assert policy.status == PolicyStatus.ACTIVE
    assert stages(policy)[-3:] == ["active", "lapsed", "active"]


def test_policies_past_their_end_date_expire_through_the_periodic_task():
    ended = PolicyFactory(
        start_date=timezone.localdate() - datetime.timedelta(days=400),
        end_date=timezone.localdate() - datetime.timedelta(days=36),
    )
    running = PolicyFactory()
    assert apply_time.delay().get() == {"expired": 1, "lapsed": 0}
    ended.refresh_from_db()
    running.refresh_from_db()
    assert ended.status == PolicyStatus.EXPIRED and running.status == PolicyStatus.ACTIVE
    assert stages(ended) == ["expired"]


def test_renewal_opens_sixty_days_before_the_end_and_happens_once():
    far = PolicyFactory()
    with pytest.raises(ApplicationError, match="Renewal opens"):
        policy_renew(policy=far, renewed_by=far.customer)
    ending = PolicyFactory(
        start_date=timezone.localdate() - datetime.timedelta(days=330),
        end_date=timezone.localdate() + datetime.timedelta(days=34),
    )
    renewal = policy_renew(policy=ending, renewed_by=ending.customer)
    assert renewal.status == PolicyStatus.QUOTE and renewal.renewed_from == ending
    assert renewal.start_date == ending.end_date + datetime.timedelta(days=1)
    assert renewal.vehicle == ending.vehicle and renewal.policy_number != ending.policy_number
    with pytest.raises(ApplicationError, match="already been renewed"):
        policy_renew(policy=ending, renewed_by=ending.customer)
    accepted = policy_accept(policy=renewal, accepted_by=ending.customer)  # no overlap: it starts after
    assert accepted.status == PolicyStatus.PENDING_PAYMENT


def test_an_expired_quote_cannot_be_accepted():
    policy = pending_policy()
    quote = Policy.objects.create(
        policy_number="POL-2000-000001",
        customer=policy.customer,
        policy_type=policy.policy_type,
        vehicle=None,
        status=PolicyStatus.QUOTE,
        start_date=timezone.localdate(),
        end_date=timezone.localdate() + datetime.timedelta(days=364),
        premium=policy.premium,
        sum_insured=policy.sum_insured,
        quote_valid_until=timezone.now() - datetime.timedelta(minutes=1),
    )
    with pytest.raises(ApplicationError, match="expired"):
        policy_accept(policy=quote, accepted_by=policy.customer)
    quote.refresh_from_db()
    assert quote.status == PolicyStatus.QUOTE
    assert not PaymentSchedule.objects.filter(policy=quote).exists()


def test_policy_numbers_follow_the_pattern_and_never_repeat():
    numbers = {pending_policy().policy_number for _ in range(3)}
    year = timezone.now().year
    assert len(numbers) == 3
    assert all(n.startswith(f"POL-{year}-") and len(n) == len(f"POL-{year}-000000") for n in numbers)
