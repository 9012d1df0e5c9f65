"""A card refund calls the provider outside any transaction: the decision and a pending payout are
committed first, the provider is asked with the payout's reference as its idempotency key, and its
answer recorded after. A refusal undoes the approval; an answer lost on the way (no answer, or a
process that stopped) leaves the payout pending for the reconciliation job, which asks again with the
same key: the provider refunds once. Against the Stripe stand-in (tests/standins.py)."""

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, connections, transaction

from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.payments import cards, tasks
from insurehub.payments.models import Direction, Refund, Transaction, TransactionStatus
from insurehub.payments.services import (
    card_intent_create,
    card_refunds_reconcile,
    card_webhook_record,
    refund_decide,
    refund_request,
)
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import StripeStandIn, stripe_standin
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture
def stripe(settings):
    with stripe_standin(settings) as standin:
        yield standin


def paid_by_card(stripe) -> tuple[Transaction, Refund, object]:
    """A card payment the provider collected, a refund of 100.00 requested by an agent, and a supervisor."""
    policy = pending_policy()
    txn, _ = card_intent_create(policy=policy, instalment=None, initiated_by=policy.customer)
    txn.refresh_from_db()
    assert card_webhook_record(event=stripe.event(txn.provider_reference)) == "credited"
    txn.refresh_from_db()
    agent = UserFactory(role=Role.AGENT, department="motor")
    refund = refund_request(txn=txn, amount=Decimal("100.00"), reason="overcharged", requested_by=agent)
    return txn, refund, UserFactory(role=Role.SUPERVISOR, department="motor")


@pytest.mark.django_db
def test_no_answer_leaves_the_payout_pending_and_the_reconciliation_job_records_it(stripe, settings):
    txn, refund, supervisor = paid_by_card(stripe)
    settings.STRIPE_BASE_URL = CLOSED_PORT  # the provider does not answer
    decided = refund_decide(refund=refund, approve=True, decided_by=supervisor)
    assert decided.status == Refund.Status.APPROVED
    payout = decided.payout
    assert payout.status == TransactionStatus.PENDING and payout.direction == Direction.OUT
    txn.refresh_from_db()
    assert txn.refunded_amount == Decimal("100.00")  # taken at once: the same money cannot be approved twice
    assert not stripe.refunds

    settings.STRIPE_BASE_URL = stripe.base_url
    assert card_refunds_reconcile(older_than_minutes=60)["checked"] == 0  # too fresh: its request may be running
    assert card_refunds_reconcile(older_than_minutes=0) == {"checked": 1, "succeeded": 1, "refused": 0, "unknown": 0}
    [made] = stripe.refunds.values()
    payout.refresh_from_db()
    assert payout.status == TransactionStatus.SUCCEEDED and payout.provider_reference == made["id"]
    assert made["amount"] == 10000
    assert OutboxEvent.objects.filter(type="payment.refunded").count() == 1
    # The card refund has left like any payout: one payout.succeeded, with the provider's refund id.
    [succeeded] = OutboxEvent.objects.filter(type="payout.succeeded")
    assert succeeded.data["transaction_id"] == str(payout.pk) and succeeded.data["receipt"] == made["id"]
    assert succeeded.data["refund_of"] == str(txn.pk)
    assert card_refunds_reconcile(older_than_minutes=0)["checked"] == 0  # nothing left


@pytest.mark.django_db
def test_an_answer_lost_after_the_provider_refunded_is_not_a_second_refund(stripe, settings):
    txn, refund, supervisor = paid_by_card(stripe)
    settings.STRIPE_BASE_URL = CLOSED_PORT
    payout = refund_decide(refund=refund, approve=True, decided_by=supervisor).payout
    settings.STRIPE_BASE_URL = stripe.base_url
    # Our call reached the provider, which refunded; its answer never came back (the process stopped).
    first = cards.get_card_provider().refund(
        intent_id=txn.provider_reference, amount=payout.amount, currency=payout.currency, reference=payout.reference
    )
    tasks.card_refunds_reconcile.apply(kwargs={})  # the periodic task; too fresh for it (5 min)
    settings.CARD_REFUND_RECONCILE_AFTER_MINUTES = 0
    result = tasks.card_refunds_reconcile.apply()
    assert result.successful() and result.result["succeeded"] == 1
    assert list(stripe.refunds) == [first]  # asked again with the same key: the same refund
    payout.refresh_from_db()
    assert payout.status == TransactionStatus.SUCCEEDED and payout.provider_reference == first


@pytest.mark.django_db
def test_a_refusal_undoes_the_approval(stripe):
    txn, refund, supervisor = paid_by_card(stripe)
    # Refunded in full at the provider's dashboard meanwhile: it refuses ours.
    cards.get_card_provider().refund(intent_id=txn.provider_reference, amount=txn.amount, currency=txn.currency)
    with pytest.raises(ApplicationError) as refused:
        refund_decide(refund=refund, approve=True, decided_by=supervisor)
    assert refused.value.code == "card_provider_unavailable" and refused.value.status == 502
    refund.refresh_from_db()
    txn.refresh_from_db()
    assert refund.status == Refund.Status.REQUESTED and refund.payout is None and refund.decided_by is None
    assert txn.refunded_amount == 0 and txn.status == TransactionStatus.SUCCEEDED
    failed = Transaction.objects.get(direction=Direction.OUT)
    assert failed.status == TransactionStatus.FAILED and "greater than unrefunded" in failed.failure_reason
    assert not OutboxEvent.objects.filter(type="payment.refunded").exists()
    # Decided again later (rejected here): nothing stands in the way.
    assert refund_decide(refund=refund, approve=False, decided_by=supervisor).status == Refund.Status.REJECTED


class LockProbingStripe(StripeStandIn):
    """Answers refunds after checking, from its own database connection, that nothing holds the rows
    the refund touches: the provider is called with no row lock held."""

    def __init__(self):
        super().__init__()
        self.rows: list = []
        self.locked: list[str] = []

    def _refund(self, form: dict):
        try:
            for model, pk in self.rows:
                try:
                    with transaction.atomic():
                        model.objects.select_for_update(nowait=True).get(pk=pk)
                except DatabaseError:
                    self.locked.append(model._meta.label)
        finally:
            connections.close_all()
        return super()._refund(form)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="NOWAIT row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_no_row_is_locked_while_the_provider_is_called(settings):
    from insurehub.payments.daraja_standin import serving
    from insurehub.payments.tests.standins import STRIPE_SECRET, STRIPE_WEBHOOK_SECRET
    from insurehub.policies.models import Policy

    probe = LockProbingStripe()
    with serving(probe):
        settings.CARD_PROVIDER, settings.STRIPE_BASE_URL = "stripe", probe.base_url
        settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = STRIPE_SECRET, STRIPE_WEBHOOK_SECRET
        txn, refund, supervisor = paid_by_card(probe)
        probe.rows = [(Refund, refund.pk), (Transaction, txn.pk), (Policy, txn.policy_id)]
        decided = refund_decide(refund=refund, approve=True, decided_by=supervisor)
    assert len(probe.refunds) == 1
    assert probe.locked == []  # before: the refund and the payment were locked during the call
    assert decided.payout.status == TransactionStatus.SUCCEEDED
