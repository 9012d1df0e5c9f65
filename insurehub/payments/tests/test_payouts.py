"""Outgoing money has one door: payments.payout_create, called by refund_decide and by the claims'
settlement_pay. It records a pending outgoing transaction by the method asked for (or refuses one
payments cannot pay with), one payments audit entry and one payments event, in the caller's
transaction."""

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction

from insurehub.audit.models import AuditEvent
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.payments.models import Direction, Refund, Transaction, TransactionStatus
from insurehub.payments.permissions import payment_audience
from insurehub.payments.services import bank_statement_reconcile, payout_create, refund_decide, refund_request
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.test_bank_refunds_schedules import start_transfer, statement
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

PACKAGE = Path(__file__).resolve().parents[2]  # insurehub/
CREATES = ("objects.create", "objects.get_or_create", "objects.update_or_create", "objects.bulk_create")


def _outgoing_creations() -> set[tuple[str, str]]:
    """(module, function) of every place in the application code (tests and migrations aside) that
    makes a Transaction row going out: a create call or constructor naming the outgoing direction."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if "/tests/" in relative or "/migrations/" in relative:
            continue
        tree = ast.parse(path.read_text(), filename=relative)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                callee = ast.unparse(node.func)
                if not (callee.endswith(CREATES) or callee == "Transaction"):
                    continue
                directions = [ast.unparse(k.value) for k in node.keywords if k.arg == "direction"]
                if any(d in ("Direction.OUT", "'out'") for d in directions):
                    found.add((relative, function.name))
    return found


def test_the_only_code_that_creates_an_outgoing_transaction_is_payout_create():
    assert _outgoing_creations() == {("insurehub/payments/services.py", "payout_create")}


def test_the_claims_settlement_and_the_refund_decision_call_payout_create():
    for module, function in (
        ("insurehub/claims/services/settlement.py", "settlement_pay"),
        ("insurehub/payments/services.py", "_refund_decision_record"),
    ):
        tree = ast.parse((PACKAGE.parent / module).read_text())
        body = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function)
        calls = [ast.unparse(n.func) for n in ast.walk(body) if isinstance(n, ast.Call)]
        assert calls.count("payout_create") == 1, (module, function)


def _paid_by_bank_transfer(customer=None) -> Transaction:
    transfer = start_transfer(pending_policy(customer=customer))["transaction"]
    line = ("2026-01-05", transfer["reference"], transfer["amount"], "KES", f"BNK-{transfer['reference']}")
    bank_statement_reconcile(content=statement(line), reconciled_by=None)
    return Transaction.objects.get(reference=transfer["reference"])


@pytest.mark.django_db
def test_an_approved_refund_is_paid_out_through_payout_create_with_one_audit_entry_and_one_event():
    txn = _paid_by_bank_transfer()
    agent = UserFactory(role=Role.AGENT, department="motor")
    supervisor = UserFactory(role=Role.SUPERVISOR, department="motor")
    refund = refund_request(txn=txn, amount=Decimal("500.00"), reason="overpaid", requested_by=agent)
    refund = refund_decide(refund=refund, approve=True, decided_by=supervisor)
    payout = Transaction.objects.get(direction=Direction.OUT)
    assert refund.status == Refund.Status.APPROVED and refund.payout_id == payout.pk
    assert (payout.method, payout.amount, payout.refund_of_id, payout.status) == (
        "bank_transfer", Decimal("500.00"), txn.pk, TransactionStatus.PENDING,
    )  # fmt: skip
    entries = AuditEvent.objects.filter(action="payment.payout_created")
    assert [(e.object_id, e.actor_id) for e in entries] == [(str(payout.pk), supervisor.pk)]
    assert entries[0].changes["refund_of"] == str(txn.pk)
    events = OutboxEvent.objects.filter(type="payment.payout_created")
    assert [(e.data["transaction_id"], e.data["refund_of"]) for e in events] == [(str(payout.pk), str(txn.pk))]
    assert set(events[0].audience) == set(payment_audience(payout))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "refund_of_card"),
    [("crypto", False), ("", False), ("card", False)],
    ids=["unknown-method", "no-method", "card-not-a-card-refund"],
)
def test_a_method_payments_cannot_pay_with_is_refused_with_400_and_nothing_is_written(method, refund_of_card):
    txn = _paid_by_bank_transfer()  # a bank transfer: a card payout cannot refund it
    before = (Transaction.objects.count(), AuditEvent.objects.count(), OutboxEvent.objects.count())
    with pytest.raises(ApplicationError) as refused, transaction.atomic():
        payout_create(
            amount=Decimal("10.00"), currency="KES", method=method, customer=txn.customer, policy=txn.policy,
            refund_of=txn, created_by=None, reason="test",
        )  # fmt: skip
    assert refused.value.status == 400 and refused.value.code == "payout_method_unsupported"
    assert (Transaction.objects.count(), AuditEvent.objects.count(), OutboxEvent.objects.count()) == before


@pytest.mark.django_db
def test_a_payout_of_nothing_is_refused():
    txn = _paid_by_bank_transfer()
    with pytest.raises(ApplicationError) as refused:
        payout_create(
            amount=Decimal("0"), currency="KES", method="mpesa", customer=txn.customer, policy=txn.policy,
            created_by=None, reason="test",
        )  # fmt: skip
    assert refused.value.status == 400 and refused.value.code == "invalid_amount"
