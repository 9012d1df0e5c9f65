"""Different operations on one claim at the same moment, on PostgreSQL: paying its settlement (and
its payout succeeding), changing its reserve, moving it along the workflow and editing it. Each locks
the claim first, then its settlement, then its reserves (insurehub/core/locking.py): no deadlock (not
even one retried), the settlement paid once, and a final state one of the serial orders would give,
with the dashboard rollups equal to the raw tables. Run three times each."""

from decimal import Decimal

import pytest
from django.db import connection

from insurehub.claims.models import Claim, ClaimSettlement, ClaimStatus, ClaimStatusHistory, Reserve
from insurehub.claims.services import claim_transition, claim_update, reserve_set, settlement_pay
from insurehub.claims.tests.test_access import Claims
from insurehub.core.errors import ApplicationError
from insurehub.dashboard import rollups
from insurehub.payments.models import Direction, Transaction
from insurehub.payments.services import payout_confirm
from insurehub.payments.tests.test_races import database_conflicts, run_together

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def refused(result, *codes: str) -> bool:
    return isinstance(result, ApplicationError) and result.code in codes


@pytest.mark.parametrize("run", [1, 2, 3])
def test_settlement_pay_reserve_change_transition_and_edit_on_one_claim(actors, run):
    """Paying races a reserve change, an illegal move and an edit; then the payout's success (finance
    confirming it) races a close, a reserve change and an edit: the claim is settled once, when the
    money left, and closed only after that."""
    claim, settlement = Claims(actors).with_settlement(approved=True)  # 40 000 from a 50 000 reserve
    supervisor, admin, agent = actors["supervisor"], actors["admin"], actors["agent"]
    conflicts = database_conflicts()

    paid, reserved, moved, edited = run_together(
        lambda: settlement_pay(settlement=settlement, paid_by=supervisor),
        lambda: reserve_set(
            claim=claim, cost_type="own_damage", amount=Decimal("45000"), reason="garage revised", actor=supervisor
        ),
        lambda: claim_transition(claim=claim, to_status=ClaimStatus.CLOSED, actor=admin),
        lambda: claim_update(claim=claim, data={"priority": "high"}, updated_by=agent),
    )
    assert isinstance(paid, ClaimSettlement), paid  # 45 000 or 50 000 open: enough either way
    assert isinstance(reserved, Reserve), reserved  # the claim stays open while its payout is on its way
    assert refused(moved, "illegal_transition"), moved  # not settled yet: it cannot be closed
    assert isinstance(edited, Claim), edited
    settlement.refresh_from_db()
    payout = settlement.paid_transaction
    assert settlement.status == ClaimSettlement.Status.APPROVED and payout.status == "pending"

    confirmed, closed, reserved_again, edited_again = run_together(
        lambda: payout_confirm(payout=payout, provider_reference=f"BNK-RACE-{run}", confirmed_by=supervisor),
        lambda: claim_transition(claim=claim, to_status=ClaimStatus.CLOSED, actor=admin),
        lambda: reserve_set(
            claim=claim, cost_type="own_damage", amount=Decimal("46000"), reason="storage", actor=supervisor
        ),
        lambda: claim_update(claim=claim, data={"priority": "normal"}, updated_by=agent),
    )

    assert database_conflicts() == conflicts, "a deadlock or serialization failure happened (and was retried)"
    assert isinstance(confirmed, Transaction), confirmed
    assert isinstance(closed, Claim) or refused(closed, "illegal_transition"), closed
    assert isinstance(reserved_again, Reserve) or refused(reserved_again, "claim_not_open"), reserved_again
    assert isinstance(edited_again, Claim), edited_again

    claim.refresh_from_db()
    settlement.refresh_from_db()
    reserve = Reserve.objects.get(claim=claim, cost_type="own_damage")
    # Paid once: one outgoing payment, drawn once from the reserve.
    assert settlement.status == ClaimSettlement.Status.PAID
    assert Transaction.objects.filter(direction=Direction.OUT, amount=Decimal("40000.00")).count() == 1
    assert settlement.paid_transaction.amount == reserve.paid == Decimal("40000.00")
    # Closing worked only after the money left; the history says each move once, in order.
    expected = ClaimStatus.CLOSED if isinstance(closed, Claim) else ClaimStatus.SETTLED
    assert claim.status == expected and claim.priority == "normal"
    history = list(ClaimStatusHistory.objects.filter(claim=claim).order_by("at").values_list("to_status", flat=True))
    assert history.count("settled") == 1
    if expected == ClaimStatus.CLOSED:
        assert history[-2:] == ["settled", "closed"] and reserve.closed_at is not None
    else:
        assert history[-1] == "settled"
    assert rollups.verify() == {}


@pytest.mark.parametrize("run", [1, 2, 3])
def test_two_claims_swapping_priorities_at_once_update_the_shared_rollups_without_deadlock(actors, run):
    """Claim A goes normal -> high while claim B goes high -> normal: both move counts between the
    same two rollup cells, in opposite directions. The cells are updated in one order whatever the
    direction; updated in the order of the change, the two transactions locked them crosswise."""
    claims = Claims(actors)
    first, second = claims.submitted(), claims.submitted()
    agent = actors["agent"]
    claim_update(claim=first, data={"priority": "normal"}, updated_by=agent)
    claim_update(claim=second, data={"priority": "high"}, updated_by=agent)
    conflicts = database_conflicts()
    for round_ in range(6):
        a, b = ("high", "normal") if round_ % 2 == 0 else ("normal", "high")
        results = run_together(
            lambda a=a: claim_update(claim=first, data={"priority": a}, updated_by=agent),
            lambda b=b: claim_update(claim=second, data={"priority": b}, updated_by=agent),
        )
        assert all(isinstance(result, Claim) for result in results), results
    assert database_conflicts() == conflicts, "a deadlock happened (and was retried)"
    assert rollups.verify() == {}
