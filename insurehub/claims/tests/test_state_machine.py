"""Every move of a claim goes through the one state machine (claims.workflow.MACHINE): it writes
one history row, one audit entry and exactly one event; an illegal move is refused with the same
error codes as the transition endpoint always answered; `approved -> settlement` needs a
settlement proposed."""

from decimal import Decimal

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim, ClaimSettlement, ClaimStatus, ClaimStatusHistory
from insurehub.claims.services import (
    claim_approve,
    claim_close,
    claim_reject,
    claim_review,
    claim_send_to_assessment,
    claim_start_settlement,
    claim_transition,
    claim_withdraw,
    settlement_approve,
    settlement_pay,
    settlement_propose,
)
from insurehub.claims.tests.factories import accept_offer
from insurehub.claims.tests.test_access import Claims
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Department, Role
from insurehub.core.testing import client_for
from insurehub.payments.services import payout_confirm
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Recorded:
    """What one operation on a claim wrote: its history rows, audit entries and events."""

    def __init__(self, claim: Claim):
        self.claim_id = claim.pk
        self.history = ClaimStatusHistory.objects.filter(claim_id=claim.pk).count()
        self.audit = AuditEvent.objects.filter(object_id=str(claim.pk)).count()
        self.event = OutboxEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def since(self) -> tuple[list, list, list]:
        history = list(
            ClaimStatusHistory.objects.filter(claim_id=self.claim_id)
            .order_by("at", "id")
            .values_list("from_status", "to_status")[self.history :]
        )
        audit = list(
            AuditEvent.objects.filter(object_id=str(self.claim_id)).order_by("id").values_list("action", flat=True)
        )[self.audit :]
        events = [
            event.type for event in OutboxEvent.objects.filter(id__gt=self.event).order_by("id")
            if event.data.get("claim_id") == str(self.claim_id)
        ]  # fmt: skip
        return history, audit, events


def moved(claim: Claim, operation) -> tuple[list, list, list]:
    recorded = Recorded(claim)
    operation()
    return recorded.since()


def test_every_move_writes_history_audit_and_one_event(actors):
    claims, admin = Claims(actors), actors["admin"]
    claim = claims.submitted()
    steps = [
        ("submitted", "under_review", lambda: claim_review(claim=claim, actor=admin)),
        ("under_review", "assessment", lambda: claim_send_to_assessment(claim=claim, actor=admin)),
    ]
    for source, target, operation in steps:
        assert moved(claim, operation) == ([(source, target)], ["claim.status_changed"], ["claim.status_changed"])
    claim, settlement = claims.with_settlement(approved=False)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SETTLEMENT
    assert list(claim.status_history.order_by("at", "id").values_list("to_status", flat=True))[-2:] == [
        "approved",
        "settlement",
    ]
    settlement = accept_offer(settlement_approve(settlement=settlement, approved_by=actors["supervisor"]))
    # Paying moves no state: the payout is on its way. Its success (here finance confirming it) settles it.
    history, audit, events = moved(claim, lambda: settlement_pay(settlement=settlement, paid_by=admin))
    assert (history, audit, events) == ([], ["claim.settlement_paying"], ["claim.updated"])
    payout = ClaimSettlement.objects.get(pk=settlement.pk).paid_transaction
    history, audit, events = moved(
        claim, lambda: payout_confirm(payout=payout, provider_reference="BNK-SM-1", confirmed_by=admin)
    )
    assert (history, audit, events) == ([("settlement", "settled")], ["claim.settled"], ["claim.status_changed"])
    history, audit, events = moved(claim, lambda: claim_close(claim=claim, actor=admin))
    assert (history, audit, events) == ([("settled", "closed")], ["claim.status_changed"], ["claim.status_changed"])
    history, audit, events = moved(claim, lambda: claim_review(claim=claim, actor=admin, reason="new invoice"))
    assert (history, events) == ([("closed", "under_review")], ["claim.status_changed"])
    entry = AuditEvent.objects.filter(object_id=str(claim.pk)).latest("id")
    assert entry.changes["status"] == ["closed", "under_review"] and entry.changes["reason"] == "new invoice"


def test_proposing_a_settlement_moves_the_claim_like_any_move(actors, django_capture_on_commit_callbacks):
    claims = Claims(actors)
    claim = claims.approved()
    maker = UserFactory(role=Role.AGENT, department=Department.MOTOR)
    recorded = Recorded(claim)
    with django_capture_on_commit_callbacks(execute=True):
        settlement_propose(
            claim=claim,
            amount=Decimal("40000.00"),
            payee="Westlands Motors",
            method="bank_transfer",
            cost_type="own_damage",
            proposed_by=maker,
        )
    history, audit, events = recorded.since()
    assert history == [("approved", "settlement")] and events == ["claim.status_changed"]
    assert audit == ["claim.status_changed", "claim.settlement_proposed"]
    claim.refresh_from_db()
    assert claim.status_history.latest("at").actor == maker
    # The customer is told, as of every move.
    assert claim.customer.notifications.filter(kind="claim.status_changed", title__contains="being settled").exists()


def test_settlement_only_with_a_settlement_proposed(actors):
    claim = Claims(actors).approved()
    recorded = Recorded(claim)
    with pytest.raises(ApplicationError) as refused:
        claim_start_settlement(claim=claim, actor=actors["admin"])
    assert (refused.value.code, refused.value.status) == ("transition_refused", 409)
    assert "settlement must be proposed" in refused.value.message
    with pytest.raises(ApplicationError) as through_the_dispatcher:
        claim_transition(claim=claim, to_status="settlement", actor=actors["admin"])
    assert through_the_dispatcher.value.code == "transition_refused"
    assert recorded.since() == ([], [], [])
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    # With one proposed (and still open), the move is let through.
    _propose_settlement(claim, actors["agent"])
    assert claim_start_settlement(claim=claim, actor=actors["admin"]).status == ClaimStatus.SETTLEMENT


def _propose_settlement(claim, agent) -> ClaimSettlement:
    return ClaimSettlement.objects.create(
        claim=claim,
        amount=Decimal("100.00"),
        currency=claim.currency,
        payee="Garage",
        method="bank_transfer",
        cost_type="own_damage",
        proposed_by=agent,
    )


def test_the_claim_page_offers_settlement_only_once_one_is_proposed(actors):
    """`allowed_transitions` leaves out a move its guard refuses now: no button that can only fail."""
    claim = Claims(actors).approved()
    client = client_for(actors["agent"])
    offered = client.get(f"/api/claims/{claim.pk}/").json()["allowed_transitions"]
    assert "settlement" not in offered
    _propose_settlement(claim, actors["agent"])
    assert "settlement" in client.get(f"/api/claims/{claim.pk}/").json()["allowed_transitions"]


@pytest.mark.parametrize(
    ("operation", "code", "status"),
    [
        ("approve_a_submitted_claim", "illegal_transition", 409),
        ("settle_through_the_endpoint", "illegal_transition", 409),
        ("customer_reviews", "permission_denied", 403),
        ("reject_without_reason", "reason_required", 400),
        ("approve_before_assessment", "transition_refused", 409),
        ("unknown_state", "illegal_transition", 409),
    ],
)
def test_illegal_moves_keep_their_error_codes_and_write_nothing(actors, operation, code, status):
    claims, admin = Claims(actors), actors["admin"]
    claim = claims.submitted()
    if operation == "approve_before_assessment":
        for to in ("under_review", "assessment"):
            claim = claim_transition(claim=claim, to_status=to, actor=admin)
    attempts = {
        "approve_a_submitted_claim": lambda: claim_approve(claim=claim, actor=admin, approved_amount=Decimal("1")),
        "settle_through_the_endpoint": lambda: claim_transition(claim=claim, to_status="settled", actor=admin),
        "customer_reviews": lambda: claim_review(claim=claim, actor=actors["owner"]),
        "reject_without_reason": lambda: claim_reject(
            claim=claim_review(claim=claim, actor=admin), actor=admin, reason=" "
        ),
        "approve_before_assessment": lambda: claim_approve(claim=claim, actor=admin, approved_amount=Decimal("10")),
        "unknown_state": lambda: claim_transition(claim=claim, to_status="lost", actor=admin),
    }
    before = ClaimStatusHistory.objects.filter(claim=claim).count()
    with pytest.raises(ApplicationError) as refused:
        attempts[operation]()
    assert (refused.value.code, refused.value.status) == (code, status)
    if code == "illegal_transition":
        assert refused.value.extra["current_status"] == Claim.objects.get(pk=claim.pk).status
    expected = before + (1 if operation == "reject_without_reason" else 0)  # the review before it
    assert ClaimStatusHistory.objects.filter(claim=claim).count() == expected


def test_a_withdrawn_claim_moves_no_more(actors):
    claim = Claims(actors).submitted()
    claim_withdraw(claim=claim, actor=actors["owner"])
    with pytest.raises(ApplicationError) as refused:
        claim_review(claim=claim, actor=actors["admin"])
    assert refused.value.code == "illegal_transition" and refused.value.extra["allowed"] == []
