"""Different money operations on one policy at the same moment, on PostgreSQL: an STK push, the
callback of an earlier push, a bank reconciliation and a card refund. Each takes its rows in the one
lock order (insurehub/core/locking.py), so none waits on another in a cycle: no deadlock (not even one
retried), no money counted twice, and a final state that adds up. Run three times each."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.db.models import Sum
from django.utils import timezone
from prometheus_client import REGISTRY

from insurehub.core.roles import Role
from insurehub.payments.models import Direction, Instalment, Method, Refund, Transaction, TransactionStatus
from insurehub.payments.services import (
    bank_statement_reconcile,
    bank_transfer_start,
    card_intent_create,
    card_sandbox_settle,
    mpesa_callback_record,
    mpesa_stk_push,
    refund_decide,
    refund_request,
)
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import daraja_standin
from insurehub.policies.models import Policy, PolicyStatus
from insurehub.users.tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

PAID_IN = [TransactionStatus.SUCCEEDED, TransactionStatus.PARTIALLY_REFUNDED, TransactionStatus.REFUNDED]


def run_together(*work) -> list:
    """Run each callable in its own thread (and database connection), all released at once."""
    barrier = threading.Barrier(len(work))
    results: list = [None] * len(work)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = work[index]()
        except Exception as exc:  # asserted by the caller
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "an operation never finished (a lock wait?)"
    return results


def database_conflicts() -> float:
    """Deadlocks and serialization failures seen so far in this process, retried or not."""
    return sum(
        REGISTRY.get_sample_value("insurehub_db_conflicts_total", {"kind": kind, "outcome": outcome}) or 0
        for kind in ("deadlock", "serialization_failure")
        for outcome in ("retried", "gave_up")
    )


@pytest.fixture
def mpesa(settings):
    settings.CARD_PROVIDER = "sandbox"
    with daraja_standin(settings) as standin:
        yield standin


@pytest.mark.parametrize("run", [1, 2, 3])
def test_push_callback_reconciliation_and_refund_on_one_policy(mpesa, run):
    policy = pending_policy()  # quarterly: four instalments
    customer = policy.customer
    first, second, third, fourth = Instalment.objects.filter(schedule__policy=policy).order_by("sequence")
    card, _ = card_intent_create(policy=policy, instalment=first, initiated_by=customer)
    card = card_sandbox_settle(txn=card, succeed=True, actor=customer)  # the policy is active now
    earlier_push = mpesa_stk_push(policy=policy, instalment=second, phone="0712345678", initiated_by=customer)
    _, callback = mpesa.callback(earlier_push.provider_reference)
    transfer = bank_transfer_start(policy=policy, instalment=third, initiated_by=customer)
    statement = (
        "date,reference,amount,currency,bank_reference\n"
        f"{timezone.localdate()},{transfer.reference},{transfer.amount},{transfer.currency},BANK-{run}\n"
    )
    agent = UserFactory(role=Role.AGENT, department="motor")
    supervisor = UserFactory(role=Role.SUPERVISOR, department="motor")
    refund = refund_request(txn=card, amount=Decimal("100.00"), reason="overcharged", requested_by=agent)
    conflicts = database_conflicts()

    pushed, credited, reconciled, refunded = run_together(
        lambda: mpesa_stk_push(policy=policy, instalment=None, phone="0712345678", initiated_by=customer),
        lambda: mpesa_callback_record(payload=callback),
        lambda: bank_statement_reconcile(content=statement, reconciled_by=supervisor),
        lambda: refund_decide(refund=refund, approve=True, decided_by=supervisor),
    )

    assert isinstance(pushed, Transaction), pushed
    assert credited == "credited", credited
    assert isinstance(reconciled, dict) and len(reconciled["matched"]) == 1, reconciled
    assert isinstance(refunded, Refund), refunded
    assert database_conflicts() == conflicts, "a deadlock or serialization failure happened (and was retried)"

    # Each instalment paid once, by the payment meant for it; the fourth still due.
    statuses = dict(Instalment.objects.filter(schedule__policy=policy).values_list("sequence", "status"))
    assert statuses == {1: "paid", 2: "paid", 3: "paid", 4: "due"}
    for instalment in (first, second, third):
        assert Transaction.objects.filter(instalment=instalment, status__in=PAID_IN).count() == 1
    # The new push waits for its own callback, for an instalment still due when it was made.
    pushed.refresh_from_db()
    assert pushed.status == TransactionStatus.PENDING and pushed.provider_reference
    assert pushed.instalment_id in {second.pk, third.pk, fourth.pk}
    assert len(mpesa.pushes) == 2
    # The refund: approved once, paid out once, taken off the card payment.
    refund.refresh_from_db()
    card.refresh_from_db()
    assert refund.status == Refund.Status.APPROVED and refund.payout.status == TransactionStatus.SUCCEEDED
    assert card.refunded_amount == Decimal("100.00") and card.status == TransactionStatus.PARTIALLY_REFUNDED
    assert Refund.objects.count() == 1  # no duplicate payment detected, no second refund
    # Money in = the instalments paid; money out = the refund.
    paid_in = Transaction.objects.filter(direction=Direction.IN, status__in=PAID_IN).aggregate(s=Sum("amount"))["s"]
    due_paid = Instalment.objects.filter(schedule__policy=policy, status="paid").aggregate(s=Sum("amount"))["s"]
    assert paid_in == due_paid
    paid_out = Transaction.objects.filter(direction=Direction.OUT).aggregate(s=Sum("amount"))["s"]
    assert paid_out == Decimal("100.00")
    assert Transaction.objects.filter(method=Method.BANK_TRANSFER, status=TransactionStatus.SUCCEEDED).count() == 1
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE
