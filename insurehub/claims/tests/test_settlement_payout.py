"""A settlement is paid through payments' payout_create: the outgoing transaction is recorded by the
settlement's own method (a cheque stays a cheque, never silently a bank transfer), with one payments
audit entry and one payments event that reaches everyone who may read the payout."""

from decimal import Decimal

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.audit.sealing import unseal_changes
from insurehub.claims.models import ClaimSettlement
from insurehub.claims.services import reserve_set, settlement_approve, settlement_propose
from insurehub.claims.tests.factories import accept_offer
from insurehub.claims.tests.test_access import Claims
from insurehub.core.roles import Department, Role
from insurehub.core.testing import client_for, idempotency_key
from insurehub.payments.models import Direction, Transaction, TransactionStatus
from insurehub.payments.permissions import payment_audience
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _approved_settlement(actors, *, method: str):
    claims = Claims(actors)
    claim = claims.approved()
    maker = UserFactory(role=Role.AGENT, department=Department.MOTOR)
    reserve_set(claim=claim, cost_type="own_damage", amount=Decimal("50000"), reason="garage quote", actor=maker)
    settlement = settlement_propose(
        claim=claim,
        amount=Decimal("40000.00"),
        payee="Westlands Motors",
        method=method,
        cost_type="own_damage",
        proposed_by=maker,
    )
    return claim, accept_offer(settlement_approve(settlement=settlement, approved_by=actors["supervisor"]))


@pytest.mark.parametrize("method", ["cheque", "mpesa", "bank_transfer"])
def test_a_settlement_is_paid_out_by_its_own_method_with_one_audit_entry_and_one_event(actors, method):
    claim, settlement = _approved_settlement(actors, method=method)
    response = client_for(actors["supervisor"]).post(
        f"/api/claims/{claim.pk}/settlement/{settlement.pk}/", {"action": "pay"}, format="json", **idempotency_key()
    )
    assert response.status_code == 200, response.content
    settlement = ClaimSettlement.objects.get(pk=settlement.pk)
    payout = Transaction.objects.get(direction=Direction.OUT)
    # The payout is on its way; the claim is settled only when it has left (test_settlement_b2c.py).
    assert settlement.status == "approved" and settlement.paid_transaction_id == payout.pk
    claim.refresh_from_db()
    assert claim.status == "settlement"
    assert payout.payout_stage == {"cheque": "confirming", "mpesa": "ready", "bank_transfer": "ready"}[method]
    assert payout.method == method  # a cheque is recorded as a cheque
    assert (payout.amount, payout.currency, payout.status) == (Decimal("40000.00"), "KES", TransactionStatus.PENDING)
    assert (payout.customer_id, payout.policy_id, payout.refund_of_id) == (claim.customer_id, claim.policy_id, None)

    entries = AuditEvent.objects.filter(action="payment.payout_created")
    assert [(e.object_id, e.actor_id) for e in entries] == [(str(payout.pk), actors["supervisor"].pk)]
    recorded = unseal_changes(entries[0].changes)  # the payee is stored sealed, like its column
    assert recorded["payee"] == "Westlands Motors" and recorded["method"] == method
    assert "Westlands" not in str(entries[0].changes)
    events = OutboxEvent.objects.filter(type="payment.payout_created")
    assert [e.data["transaction_id"] for e in events] == [str(payout.pk)]
    assert events[0].data["method"] == method
    # The payout was linked to its settlement before the event: its audience is everyone who may
    # read the payout, the claim's assessor (who sees it through the settlement) included.
    assert set(events[0].audience) == set(payment_audience(payout))
    assert f"user.{actors['assessor'].pk}" in events[0].audience


def test_a_settlement_by_a_method_payments_cannot_pay_with_is_refused_and_changes_nothing(actors):
    claim, settlement = _approved_settlement(actors, method="cheque")
    ClaimSettlement.objects.filter(pk=settlement.pk).update(method="crypto")  # a choice payments has not got
    response = client_for(actors["supervisor"]).post(
        f"/api/claims/{claim.pk}/settlement/{settlement.pk}/", {"action": "pay"}, format="json", **idempotency_key()
    )
    assert response.status_code == 400, response.content
    assert response.json()["type"] == "/problems/payout_method_unsupported"
    claim.refresh_from_db()
    assert ClaimSettlement.objects.get(pk=settlement.pk).status == "approved" and claim.status == "settlement"
    assert not Transaction.objects.filter(direction=Direction.OUT).exists()
    assert not AuditEvent.objects.filter(action="payment.payout_created").exists()
