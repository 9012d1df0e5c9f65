"""Payouts by provider: an M-Pesa refund paid by B2C (and given back when B2C fails), bank payouts in
a payout file (one file per run, each payout in one file) marked paid by reconciling the bank's debit
lines once (a line matching nothing, or a payout already paid, is reported and pays nothing), the
endpoints' access matrix, and the security credential Daraja decrypts."""

import base64
import csv
import io
from decimal import Decimal
from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric import padding
from django.core.management import CommandError, call_command

from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for, idempotency_key
from insurehub.payments import daraja
from insurehub.payments.models import Direction, PayoutBatch, Refund, Transaction, TransactionStatus
from insurehub.payments.services import bank_statement_reconcile, mpesa_callback_record, mpesa_stk_push
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import daraja_standin
from insurehub.payments.tests.test_bank_refunds_schedules import start_transfer, statement
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db

REFUNDS_URL = "/api/payments/refunds/"
BATCHES_URL = "/api/payments/payout-batches/"


def test_the_security_credential_is_the_password_encrypted_with_the_certificate():
    from insurehub.payments.daraja_standin import new_key_pair

    key, certificate = new_key_pair()
    credential = daraja.security_credential("Safaricom999!*!", certificate)
    assert key.decrypt(base64.b64decode(credential), padding.PKCS1v15()) == b"Safaricom999!*!"
    assert credential != daraja.security_credential("Safaricom999!*!", certificate)  # PKCS#1 v1.5 is randomised


@pytest.mark.parametrize(("amount", "payable"), [("100.00", True), ("100.50", False), ("0.00", False)])
def test_b2c_pays_whole_shillings_only(amount, payable):
    assert daraja.payable_by_b2c(Decimal(amount)) is payable


def _refund(actors, txn, amount: str):
    refund = client_for(actors["owner"]).post(
        REFUNDS_URL, {"transaction": str(txn.pk), "amount": amount, "reason": "overpaid"}, format="json",
        **idempotency_key(),
    )  # fmt: skip
    assert refund.status_code == 201, refund.content
    return refund.json()["id"]


def _decide(actors, refund_id, capture):
    with capture(execute=True):
        decided = client_for(actors["supervisor"]).post(
            f"{REFUNDS_URL}{refund_id}/decision/", {"approve": True}, format="json", **idempotency_key()
        )
    assert decided.status_code == 200, decided.content
    return Transaction.objects.filter(direction=Direction.OUT).latest("created_at")  # the refund's payout


# --- M-Pesa refunds by B2C ---------------------------------------------------------------


@pytest.fixture
def paid_by_mpesa(settings, actors):
    with daraja_standin(settings) as standin:
        policy = pending_policy(customer=actors["owner"])
        txn = mpesa_stk_push(policy=policy, instalment=None, phone="0712345678", initiated_by=actors["owner"])
        _, body = standin.callback(txn.provider_reference)
        assert mpesa_callback_record(payload=body) == "credited"
        txn.refresh_from_db()
        yield standin, txn


@pytest.mark.parametrize("mode", ["pay", "insufficient_funds"])
def test_an_mpesa_refund_is_paid_by_b2c_or_asked_for_again_when_it_fails(
    actors, paid_by_mpesa, mode, django_capture_on_commit_callbacks
):
    standin, txn = paid_by_mpesa
    standin.b2c_mode = mode
    refund_id = _refund(actors, txn, "500.00")
    payout = _decide(actors, refund_id, django_capture_on_commit_callbacks)
    assert payout.payout_stage == "sent" and standin.payouts[payout.reference]["PartyB"] == "254712345678"
    assert standin.payouts[payout.reference]["Amount"] == 500
    assert not OutboxEvent.objects.filter(type="payment.refunded").exists()  # not before the money left

    path, body = standin.b2c_result(payout.reference)
    assert client_for(None).post(path, body, format="json").status_code == 200
    payout.refresh_from_db()
    txn.refresh_from_db()
    refund = Refund.objects.get(pk=refund_id)
    if mode == "pay":
        assert payout.status == TransactionStatus.SUCCEEDED and payout.receipt_number.startswith("UB")
        assert refund.status == "approved" and txn.refunded_amount == Decimal("500.00")
        assert OutboxEvent.objects.filter(type="payment.refunded").count() == 1
    else:
        assert payout.status == TransactionStatus.FAILED and "insufficient" in payout.failure_reason
        # The approval is undone: the refund waits for a decision again, the payment's money is back.
        assert refund.status == "requested" and refund.payout_id is None
        assert txn.refunded_amount == 0 and txn.status == TransactionStatus.SUCCEEDED
        assert OutboxEvent.objects.filter(type="payout.failed").count() == 1
    # A duplicate result changes nothing.
    assert client_for(None).post(path, body, format="json").json()["ResultDesc"] == "Accepted (duplicate)"


def test_an_mpesa_payout_cannot_be_confirmed_by_hand(actors, paid_by_mpesa, django_capture_on_commit_callbacks):
    _, txn = paid_by_mpesa
    payout = _decide(actors, _refund(actors, txn, "100.00"), django_capture_on_commit_callbacks)
    response = client_for(actors["supervisor"]).post(
        f"/api/payments/transactions/{payout.pk}/payout/", {"provider_reference": "X1"}, format="json",
        **idempotency_key(),
    )  # fmt: skip
    assert assert_problem(response, 409)["type"] == "/problems/payout_by_provider"


def test_a_payout_with_cents_is_not_rounded_but_refused(actors, paid_by_mpesa, django_capture_on_commit_callbacks):
    standin, txn = paid_by_mpesa
    payout = _decide(actors, _refund(actors, txn, "100.50"), django_capture_on_commit_callbacks)
    assert payout.status == TransactionStatus.FAILED and "whole shillings" in payout.failure_reason
    assert payout.reference not in standin.payouts


# --- bank payout files ---------------------------------------------------------------------


def _bank_payment(actors):
    transfer = start_transfer(pending_policy(customer=actors["owner"]))["transaction"]
    line = ("2026-01-05", transfer["reference"], transfer["amount"], "KES", f"BNK-IN-{transfer['reference']}")
    bank_statement_reconcile(content=statement(line), reconciled_by=None)
    return Transaction.objects.get(reference=transfer["reference"])


def _bank_payouts(actors, count: int, capture) -> list[Transaction]:
    payouts = []
    for _ in range(count):
        txn = _bank_payment(actors)
        payouts.append(_decide(actors, _refund(actors, txn, "250.00"), capture))
    return payouts


def test_bank_payouts_go_in_one_file_and_are_paid_by_the_statement_once(actors, django_capture_on_commit_callbacks):
    first, second = _bank_payouts(actors, 2, django_capture_on_commit_callbacks)
    assert first.payout_stage == second.payout_stage == "ready"
    supervisor = client_for(actors["supervisor"])
    made = supervisor.post(BATCHES_URL, {}, format="json", HTTP_IDEMPOTENCY_KEY="batch-run-1")
    assert made.status_code == 201, made.content
    assert (made.json()["line_count"], made.json()["total"]) == (2, "500.00")
    replay = supervisor.post(BATCHES_URL, {}, format="json", HTTP_IDEMPOTENCY_KEY="batch-run-1")
    assert replay.json()["id"] == made.json()["id"] and PayoutBatch.objects.count() == 1
    nothing = supervisor.post(BATCHES_URL, {}, format="json", **idempotency_key())
    assert assert_problem(nothing, 409)["type"] == "/problems/nothing_to_pay"  # each payout in one file

    download = supervisor.get(f"{BATCHES_URL}{made.json()['id']}/download/")
    assert download.status_code == 200 and download["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert [r["reference"] for r in rows] == [first.reference, second.reference]
    assert rows[0]["amount"] == "250.00" and rows[0]["currency"] == "KES"
    first.refresh_from_db()
    assert first.payout_stage == "batched" and str(first.payout_batch_id) == made.json()["id"]

    report = bank_statement_reconcile(
        content=statement(
            ("2026-01-06", first.reference, "-250.00", "KES", "BNK-OUT-1"),
            ("2026-01-06", first.reference, "-250.00", "KES", "BNK-OUT-2"),  # the bank paid it twice
            ("2026-01-06", second.reference, "-25.00", "KES", "BNK-OUT-3"),  # not the amount paid out
            ("2026-01-06", "IHNOSUCHPAY9", "-250.00", "KES", "BNK-OUT-4"),  # matches nothing
        ),
        reconciled_by=actors["supervisor"],
    )
    assert [line["reference"] for line in report["paid_out"]] == [first.reference]
    assert [line["line"] for line in report["duplicate"]] == [3]
    assert sorted(line["line"] for line in report["unmatched"]) == [4, 5]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == TransactionStatus.SUCCEEDED and first.receipt_number == "BNK-OUT-1"
    assert second.status == TransactionStatus.PENDING and second.payout_stage == "batched"
    assert OutboxEvent.objects.filter(type="payout.succeeded").count() == 1
    assert OutboxEvent.objects.filter(type="payment.refunded").count() == 1

    again = bank_statement_reconcile(  # the same statement again, then the right line for the second
        content=statement(
            ("2026-01-06", first.reference, "-250.00", "KES", "BNK-OUT-1"),
            ("2026-01-07", second.reference, "-250.00", "KES", "BNK-OUT-5"),
        ),
        reconciled_by=None,
    )
    assert len(again["already_credited"]) == 1 and [x["reference"] for x in again["paid_out"]] == [second.reference]
    assert OutboxEvent.objects.filter(type="payout.succeeded").count() == 2


def test_the_management_command_makes_one_file_per_run(actors, tmp_path, django_capture_on_commit_callbacks):
    (payout,) = _bank_payouts(actors, 1, django_capture_on_commit_callbacks)
    out = StringIO()
    target = tmp_path / "payouts.csv"
    call_command("make_payout_file", str(target), "--by", actors["admin"].email, stdout=out)
    assert "1 payouts, 250.00 KES" in out.getvalue()
    assert payout.reference in target.read_text()
    with pytest.raises(CommandError, match="No bank payout"):
        call_command("make_payout_file", str(tmp_path / "again.csv"), "--by", actors["admin"].email)
    with pytest.raises(CommandError, match="not an active supervisor"):
        call_command("make_payout_file", str(tmp_path / "x.csv"), "--by", actors["agent"].email)


def test_a_payout_not_yet_in_a_file_is_not_paid_by_a_statement(actors, django_capture_on_commit_callbacks):
    (payout,) = _bank_payouts(actors, 1, django_capture_on_commit_callbacks)
    report = bank_statement_reconcile(
        content=statement(("2026-01-06", payout.reference, "-250.00", "KES", "BNK-OUT-9")), reconciled_by=None
    )
    assert report["unmatched"][0]["reason"] == "payout is in no payout file"
    payout.refresh_from_db()
    assert payout.status == TransactionStatus.PENDING


def test_who_may_make_and_download_payout_files(actors, django_capture_on_commit_callbacks):
    _bank_payouts(actors, 1, django_capture_on_commit_callbacks)
    staff_only = {"owner": 403, "other_customer": 403, "agent": 403, "agent_other_dept": 403, "assessor": 403,
                  "assessor_other": 403}  # fmt: skip
    AccessMatrix(actors).assert_write(
        lambda client: client.post(BATCHES_URL, {}, format="json"),  # without a key: 400 for those let in
        expected={**staff_only, "supervisor": 400, "supervisor_other_dept": 400, "admin": 400},
    )
    batch = client_for(actors["admin"]).post(BATCHES_URL, {}, format="json", **idempotency_key()).json()
    AccessMatrix(actors).assert_write(
        lambda client: client.get(BATCHES_URL),
        expected={**staff_only, "supervisor": 200, "supervisor_other_dept": 200, "admin": 200},
    )
    AccessMatrix(actors).assert_write(
        lambda client: client.get(f"{BATCHES_URL}{batch['id']}/download/"),
        expected={**staff_only, "supervisor": 200, "supervisor_other_dept": 200, "admin": 200},
    )


def test_the_b2c_callbacks_take_no_user_but_the_secret(actors):
    """Daraja's callbacks: whoever calls (anonymous, any role) without the secret is refused, 403."""
    for kind in ("result", "timeout", "status-result"):
        url = f"/api/payments/mpesa/b2c/{kind}/"
        for user in [None, *actors.values()]:
            problem = assert_problem(client_for(user).post(url, {"Result": {}}, format="json"), 403)
            assert problem["type"] == "/problems/bad_callback_token"


def test_the_payouts_list_costs_a_fixed_number_of_queries_and_links_each_refund(
    actors, django_capture_on_commit_callbacks
):
    (payout,) = _bank_payouts(actors, 1, django_capture_on_commit_callbacks)
    supervisor = client_for(actors["supervisor"])
    (row,) = supervisor.get("/api/payments/payouts/", {"status": "pending"}).json()["results"]
    assert row["id"] == str(payout.pk) and row["refund"] == str(Refund.objects.get(payout=payout).pk)
    assert row["claim"] is None and row["payout_stage"] == "ready" and row["amount"] == "250.00"
    assert_constant_queries(
        supervisor,
        "/api/payments/payouts/",
        grow=lambda: _bank_payouts(actors, 2, django_capture_on_commit_callbacks),
        max_queries=6,
    )
