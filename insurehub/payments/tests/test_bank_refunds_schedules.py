"""Bank transfers and statement reconciliation, refunds, and payment schedules."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insurehub.core.money import split_evenly
from insurehub.core.testing import AccessMatrix, assert_problem, client_for, idempotency_key
from insurehub.payments.models import Direction, Instalment, Refund, Transaction, TransactionStatus
from insurehub.payments.services import bank_statement_reconcile, card_sandbox_settle
from insurehub.payments.tests.builders import pending_policy
from insurehub.policies.models import PaymentPlan, Policy, PolicyStatus

pytestmark = pytest.mark.django_db

TRANSFER_URL = "/api/payments/bank-transfers/"
REFUNDS_URL = "/api/payments/refunds/"


def start_transfer(policy: Policy) -> dict:
    response = client_for(policy.customer).post(
        TRANSFER_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()
    )
    assert response.status_code == 201, response.content
    return response.json()


def statement(*rows: tuple) -> str:
    lines = ["date,reference,amount,currency,bank_reference"]
    lines += [",".join(str(cell) for cell in row) for row in rows]
    return "\n".join(lines) + "\n"


# --- bank transfer ---------------------------------------------------------------------


def test_a_transfer_gets_a_unique_reference_and_the_bank_details():
    policy = pending_policy()
    first, second = start_transfer(policy), start_transfer(pending_policy())
    assert first["transaction"]["reference"] != second["transaction"]["reference"]
    assert first["transaction"]["reference"] in first["instructions"]
    assert {"bank", "account_name", "account_number"} <= set(first["pay_to"])
    assert first["transaction"]["status"] == "pending"


def test_reconciliation_credits_matching_lines_once_and_reports_the_rest(tmp_path):
    policy = pending_policy()
    transfer = start_transfer(policy)["transaction"]
    other = start_transfer(pending_policy())["transaction"]
    csv = statement(
        ("2026-01-05", transfer["reference"].lower(), transfer["amount"], "KES", "BNK-001"),
        ("2026-01-05", "IHNOSUCHREF1", "100.00", "KES", "BNK-002"),
        ("2026-01-05", other["reference"], "1.00", "KES", "BNK-003"),  # wrong amount
        ("2026-01-05", other["reference"], other["amount"], "USD", "BNK-004"),  # wrong currency
        ("2026-01-05", other["reference"], "abc", "KES", "BNK-005"),
    )
    path = tmp_path / "statement.csv"
    path.write_text(csv)
    out = StringIO()
    call_command("reconcile_bank_statement", str(path), stdout=out)
    assert "matched 1" in out.getvalue() and "unmatched 4" in out.getvalue()
    assert Transaction.objects.get(reference=transfer["reference"]).status == TransactionStatus.SUCCEEDED
    assert Transaction.objects.get(reference=other["reference"]).status == TransactionStatus.PENDING
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE

    out = StringIO()
    call_command("reconcile_bank_statement", str(path), stdout=out)  # the same statement again
    assert "matched 0, already credited 1" in out.getvalue()
    assert Instalment.objects.filter(schedule__policy=policy, status=Instalment.Status.PAID).count() == 1


def test_the_same_bank_line_in_a_later_statement_credits_nothing():
    transfer = start_transfer(pending_policy())["transaction"]
    line = ("2026-01-05", transfer["reference"], transfer["amount"], "KES", "BNK-777")
    assert len(bank_statement_reconcile(content=statement(line), reconciled_by=None)["matched"]) == 1
    report = bank_statement_reconcile(content=statement(line, line), reconciled_by=None)
    assert report["matched"] == [] and len(report["already_credited"]) == 2


def test_a_statement_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("when,what\n2026-01-01,x\n")
    with pytest.raises(CommandError, match="lacks columns"):
        call_command("reconcile_bank_statement", str(path))


def test_only_supervisors_and_admins_reconcile_over_the_api(actors):
    transfer = start_transfer(pending_policy(customer=actors["owner"]))["transaction"]
    csv = statement(("2026-01-05", transfer["reference"], transfer["amount"], "KES", "BNK-900"))

    def upload(client):
        from django.core.files.uploadedfile import SimpleUploadedFile

        file = SimpleUploadedFile("statement.csv", csv.encode(), content_type="text/csv")
        return client.post("/api/payments/bank-statements/reconcile/", {"file": file}, format="multipart")

    for name in ("owner", "agent", "assessor"):
        assert_problem(upload(client_for(actors[name])), 403)
    response = upload(client_for(actors["supervisor"]))
    assert response.status_code == 200, response.content
    assert len(response.json()["matched"]) == 1


# --- schedules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "count", "months"),
    [(PaymentPlan.MONTHLY, 12, 1), (PaymentPlan.QUARTERLY, 4, 3), (PaymentPlan.ANNUAL, 1, 12)],
)
def test_instalments_add_up_exactly_to_the_premium(plan, count, months):
    policy = pending_policy(plan=plan)
    instalments = list(Instalment.objects.filter(schedule__policy=policy).order_by("sequence"))
    assert len(instalments) == count
    assert sum(i.amount for i in instalments) == policy.premium
    assert instalments[0].due_date == policy.start_date
    if count > 1:
        second = instalments[1].due_date
        assert (second.year - policy.start_date.year) * 12 + second.month - policy.start_date.month == months


def test_rounding_lands_on_the_last_instalment():
    amounts = split_evenly(Decimal("1000.00"), 3)
    assert amounts == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]
    assert sum(amounts) == Decimal("1000.00")


def test_each_instalment_links_to_the_transaction_that_paid_it(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.MONTHLY)
    api = client_for(policy.customer)
    paid = api.post(
        "/api/payments/card/intents/", {"policy": str(policy.pk)}, format="json", **idempotency_key()
    ).json()["transaction"]
    card_sandbox_settle(txn=Transaction.objects.get(pk=paid["id"]), succeed=True, actor=policy.customer)
    first = Instalment.objects.get(schedule__policy=policy, sequence=1)
    assert first.status == Instalment.Status.PAID
    assert [t.pk for t in first.transactions.all()] == [Transaction.objects.get(pk=paid["id"]).pk]
    nxt = api.post(
        "/api/payments/card/intents/", {"policy": str(policy.pk)}, format="json", **idempotency_key()
    ).json()["transaction"]
    assert nxt["instalment"] == str(Instalment.objects.get(schedule__policy=policy, sequence=2).pk)


# --- refunds ---------------------------------------------------------------------------------


def paid_transaction(settings, customer=None) -> Transaction:
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(customer=customer, plan=PaymentPlan.ANNUAL)
    body = client_for(policy.customer).post(
        "/api/payments/card/intents/", {"policy": str(policy.pk)}, format="json", **idempotency_key()
    )
    txn = Transaction.objects.get(pk=body.json()["transaction"]["id"])
    return card_sandbox_settle(txn=txn, succeed=True, actor=policy.customer)


def test_a_partial_then_full_refund_moves_the_statuses_and_records_outgoing_transactions(settings, actors):
    txn = paid_transaction(settings, customer=actors["owner"])
    agent, supervisor = client_for(actors["agent"]), client_for(actors["supervisor"])
    part = agent.post(
        REFUNDS_URL,
        {"transaction": str(txn.pk), "amount": "1000.00", "reason": "r"},
        format="json",
        **idempotency_key(),
    )
    assert part.status_code == 201, part.content
    assert_problem(
        agent.post(
            f"{REFUNDS_URL}{part.json()['id']}/decision/", {"approve": True}, format="json", **idempotency_key()
        ),
        403,
    )
    approved = supervisor.post(
        f"{REFUNDS_URL}{part.json()['id']}/decision/", {"approve": True}, format="json", **idempotency_key()
    )
    assert approved.status_code == 200, approved.content
    txn.refresh_from_db()
    assert txn.status == TransactionStatus.PARTIALLY_REFUNDED and txn.refunded_amount == Decimal("1000.00")
    payout = Transaction.objects.get(refund_of=txn)
    assert payout.direction == Direction.OUT and payout.amount == Decimal("1000.00")
    assert Policy.objects.get(pk=txn.policy_id).status == PolicyStatus.ACTIVE

    rest = str(txn.amount - Decimal("1000.00"))
    full = agent.post(
        REFUNDS_URL,
        {"transaction": str(txn.pk), "amount": rest, "reason": "cancel"},
        format="json",
        **idempotency_key(),
    )
    supervisor.post(
        f"{REFUNDS_URL}{full.json()['id']}/decision/", {"approve": True}, format="json", **idempotency_key()
    )
    txn.refresh_from_db()
    assert txn.status == TransactionStatus.REFUNDED and txn.refunded_amount == txn.amount
    assert Policy.objects.get(pk=txn.policy_id).status == PolicyStatus.CANCELLED


@pytest.mark.parametrize("amount", ["0", "-5.00", "1.001", "abc"])
def test_bad_refund_amounts_are_field_errors(settings, actors, amount):
    txn = paid_transaction(settings, customer=actors["owner"])
    body = {"transaction": str(txn.pk), "amount": amount, "reason": "r"}
    problem = assert_problem(
        client_for(actors["agent"]).post(REFUNDS_URL, body, format="json", **idempotency_key()), 400
    )
    assert problem["errors"][0]["field"] == "amount"
    assert not Refund.objects.exists()


def test_a_refund_never_exceeds_what_was_paid_including_pending_requests(settings, actors):
    txn = paid_transaction(settings, customer=actors["owner"])
    agent = client_for(actors["agent"])
    too_much = {"transaction": str(txn.pk), "amount": str(txn.amount + Decimal("0.01")), "reason": "r"}
    assert_problem(agent.post(REFUNDS_URL, too_much, format="json", **idempotency_key()), 400)
    half = str((txn.amount / 2).quantize(Decimal("0.01")))
    first = agent.post(
        REFUNDS_URL, {"transaction": str(txn.pk), "amount": half, "reason": "a"}, format="json", **idempotency_key()
    )
    assert first.status_code == 201, first.content
    big = str(txn.amount - Decimal(half) + Decimal("0.01"))
    assert_problem(
        agent.post(
            REFUNDS_URL, {"transaction": str(txn.pk), "amount": big, "reason": "b"}, format="json", **idempotency_key()
        ),
        400,
    )
    assert Refund.objects.count() == 1


def test_a_pending_payment_cannot_be_refunded_and_a_decision_is_final(settings, actors):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(customer=actors["owner"])
    pending = client_for(actors["owner"]).post(
        "/api/payments/card/intents/", {"policy": str(policy.pk)}, format="json", **idempotency_key()
    )
    body = {"transaction": pending.json()["transaction"]["id"], "amount": "1.00", "reason": "r"}
    assert_problem(client_for(actors["agent"]).post(REFUNDS_URL, body, format="json", **idempotency_key()), 409)

    txn = paid_transaction(settings, customer=actors["owner"])
    refund = client_for(actors["owner"]).post(
        REFUNDS_URL,
        {"transaction": str(txn.pk), "amount": "10.00", "reason": "changed my mind"},
        format="json",
        **idempotency_key(),
    )
    assert refund.status_code == 201  # a customer may ask; staff decide
    url = f"{REFUNDS_URL}{refund.json()['id']}/decision/"
    assert_problem(client_for(actors["owner"]).post(url, {"approve": True}, format="json", **idempotency_key()), 403)
    assert (
        client_for(actors["supervisor"])
        .post(url, {"approve": False, "note": "no"}, format="json", **idempotency_key())
        .status_code
        == 200
    )
    assert_problem(client_for(actors["admin"]).post(url, {"approve": True}, format="json", **idempotency_key()), 409)
    txn.refresh_from_db()
    assert txn.status == TransactionStatus.SUCCEEDED and txn.refunded_amount == 0


def test_the_admin_action_reconciles_an_uploaded_statement(actors, client):
    from django.core.files.base import ContentFile

    from insurehub.payments.models import BankStatement

    transfer = start_transfer(pending_policy(customer=actors["owner"]))["transaction"]
    uploaded = BankStatement.objects.create(uploaded_by=actors["admin"])
    csv = statement(
        ("2026-01-05", transfer["reference"], transfer["amount"], "KES", "BNK-ADMIN-1"), ("x", "y", "1", "KES", "B2")
    )
    uploaded.file.save("statement.csv", ContentFile(csv.encode()))
    client.force_login(actors["admin"])
    response = client.post(
        "/admin/payments/bankstatement/",
        {"action": "reconcile", "_selected_action": [str(uploaded.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    uploaded.refresh_from_db()
    assert uploaded.reconciled_at is not None
    assert len(uploaded.report["matched"]) == 1 and len(uploaded.report["unmatched"]) == 1
    assert Transaction.objects.get(reference=transfer["reference"]).status == TransactionStatus.SUCCEEDED


def test_a_refund_paid_out_by_finance_is_confirmed_by_a_supervisor(actors):
    transfer = start_transfer(pending_policy(customer=actors["owner"]))["transaction"]
    line = ("2026-01-05", transfer["reference"], transfer["amount"], "KES", "BNK-PAY-1")
    bank_statement_reconcile(content=statement(line), reconciled_by=None)
    txn = Transaction.objects.get(reference=transfer["reference"])
    refund = client_for(actors["agent"]).post(
        REFUNDS_URL,
        {"transaction": str(txn.pk), "amount": "500.00", "reason": "overpaid"},
        format="json",
        **idempotency_key(),
    )
    client_for(actors["supervisor"]).post(
        f"{REFUNDS_URL}{refund.json()['id']}/decision/", {"approve": True}, **idempotency_key()
    )
    payout = Transaction.objects.get(refund_of=txn)
    assert payout.status == TransactionStatus.PENDING  # nobody has sent the money yet

    url = f"/api/payments/transactions/{payout.pk}/payout/"
    AccessMatrix(actors).assert_write(
        lambda client: client.post(url, {}, format="json", **idempotency_key()),
        expected={"owner": 403, "other_customer": 403, "agent": 403, "agent_other_dept": 403, "assessor": 403,
                  "assessor_other": 403, "supervisor": 400, "supervisor_other_dept": 400, "admin": 400},
    )  # fmt: skip
    assert_problem(
        client_for(actors["admin"]).post(url, {"provider_reference": "BNK-PAY-1"}, format="json", **idempotency_key()),
        409,
    )
    done = client_for(actors["supervisor"]).post(
        url, {"provider_reference": "BNK-OUT-77"}, format="json", **idempotency_key()
    )
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "succeeded" and done.json()["direction"] == "out"
    assert_problem(
        client_for(actors["admin"]).post(url, {"provider_reference": "BNK-OUT-78"}, format="json", **idempotency_key()),
        409,
    )
    url_in = f"/api/payments/transactions/{txn.pk}/payout/"
    assert_problem(
        client_for(actors["admin"]).post(url_in, {"provider_reference": "X"}, format="json", **idempotency_key()), 409
    )
