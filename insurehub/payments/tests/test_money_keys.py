"""Money is collected once (issue 14 item 8): every money-moving POST requires an Idempotency-Key, an
instalment has at most one open card payment, and a card payment of an instalment already paid is never
collected.

The fault this guards against: twenty card intents without a key made twenty pending transactions for one
instalment, and settling three of them collected three times the premium."""

import json
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.utils import timezone

from insurehub.core.roles import Role
from insurehub.core.testing import assert_problem, client_for, idempotency_key
from insurehub.payments.models import Instalment, Method, Refund, Transaction, TransactionStatus
from insurehub.payments.services import (
    CARD_INTENT_STARTING,
    bank_statement_reconcile,
    bank_transfer_start,
    card_sandbox_settle,
    new_reference,
)
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import stripe_signature, stripe_standin
from insurehub.policies.models import PaymentPlan
from insurehub.users.tests.factories import UserFactory

INTENTS_URL = "/api/payments/card/intents/"

pytestmark = pytest.mark.django_db


def _collected(policy) -> Decimal:
    """What was taken from the customer for the policy, net of nothing: succeeded incoming payments."""
    return sum(
        (
            t.amount
            for t in Transaction.objects.filter(policy=policy, direction="in", status=TransactionStatus.SUCCEEDED)
        ),
        Decimal("0"),
    )


def _settle(customer, transaction_id: str):
    return client_for(customer).post(
        f"/api/payments/card/sandbox/{transaction_id}/settle/", {"outcome": "succeeded"}, format="json"
    )


def _legacy_card_payment(policy, instalment) -> Transaction:
    """A pending card payment as rows made before this rule could hold several per instalment."""
    return Transaction.objects.create(
        reference=new_reference(),
        customer=policy.customer,
        policy=policy,
        instalment=instalment,
        method=Method.CARD,
        direction="in",
        amount=instalment.amount,
        currency=policy.currency,
        provider_reference=f"pi_sandbox_legacy{Transaction.objects.count():04d}",
    )


# --- the key is required ---------------------------------------------------------------------


def _money_posts(settings, actors):
    """(url, body, caller) for each payments operation that creates or moves money, on real objects."""
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(customer=actors["owner"], plan=PaymentPlan.ANNUAL)
    card = client_for(actors["owner"]).post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
    paid = card_sandbox_settle(
        txn=Transaction.objects.get(pk=card.json()["transaction"]["id"]), succeed=True, actor=actors["owner"]
    )
    refund = client_for(actors["agent"]).post(
        "/api/payments/refunds/",
        {"transaction": str(paid.pk), "amount": "10.00", "reason": "overcharged"},
        format="json",
        **idempotency_key(),
    )
    assert refund.status_code == 201, refund.content
    other = pending_policy(customer=actors["owner"])
    return [
        ("/api/payments/mpesa/stk-push/", {"policy": str(other.pk), "phone": "0712345678"}, actors["owner"]),
        (INTENTS_URL, {"policy": str(other.pk)}, actors["owner"]),
        ("/api/payments/bank-transfers/", {"policy": str(other.pk)}, actors["owner"]),
        (
            "/api/payments/refunds/",
            {"transaction": str(paid.pk), "amount": "5.00", "reason": "again"},
            actors["owner"],
        ),
        (f"/api/payments/refunds/{refund.json()['id']}/decision/", {"approve": False, "note": "no"}, actors["admin"]),
        (
            f"/api/payments/transactions/{paid.pk}/payout/",
            {"provider_reference": "BNK-1"},
            actors["supervisor"],
        ),
    ]


def test_every_money_moving_post_without_a_key_is_refused_and_changes_nothing(settings, actors):
    for url, body, caller in _money_posts(settings, actors):
        before = (Transaction.objects.count(), Refund.objects.count(), list(Refund.objects.values("status")))
        for headers in ({}, {"HTTP_IDEMPOTENCY_KEY": "   "}):
            problem = assert_problem(client_for(caller).post(url, body, format="json", **headers), 400)
            assert problem["type"].endswith("idempotency_key_required"), (url, problem)
            assert problem["errors"][0]["field"] == "Idempotency-Key"
        after = (Transaction.objects.count(), Refund.objects.count(), list(Refund.objects.values("status")))
        assert after == before, url
    too_long = client_for(actors["owner"]).post(
        INTENTS_URL, {"policy": "x"}, format="json", HTTP_IDEMPOTENCY_KEY="k" * 129
    )
    assert assert_problem(too_long, 400)["type"].endswith("bad_idempotency_key")


def key_parameter(schema: dict, path: str) -> dict | None:
    """The Idempotency-Key header parameter of the path's POST in the OpenAPI schema, if it has one."""
    operation = schema["paths"][path]["post"]
    found = [p for p in operation.get("parameters", []) if p["in"] == "header" and p["name"] == "Idempotency-Key"]
    return found[0] if found else None


def test_the_schema_requires_the_key_on_payments_money_operations(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in (
        "/api/payments/mpesa/stk-push/",
        "/api/payments/card/intents/",
        "/api/payments/bank-transfers/",
        "/api/payments/refunds/",
        "/api/payments/refunds/{refund_id}/decision/",
        "/api/payments/transactions/{transaction_id}/payout/",
    ):
        parameter = key_parameter(schema, path)
        assert parameter is not None and parameter["required"] is True, path
        assert parameter["schema"] == {"type": "string", "minLength": 1, "maxLength": 128}


# --- one open card payment per instalment ----------------------------------------------------------


def test_twenty_card_intents_make_one_payment_and_settling_three_times_collects_once(settings):
    """The fault as reported: 20 intents (each its own key, as 20 clicks in 20 tabs), settle 3."""
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.QUARTERLY)
    api = client_for(policy.customer)
    answers = [api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()) for _ in range(20)]
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["transaction"]["id"] for a in answers}) == 1
    assert len({a.json()["client_secret"] for a in answers}) == 1  # the same card form every time
    assert Transaction.objects.filter(policy=policy).count() == 1

    txn_id = answers[0].json()["transaction"]["id"]
    settled = [_settle(policy.customer, txn_id) for _ in range(3)]
    assert settled[0].status_code == 200 and settled[0].json()["status"] == "succeeded"
    for again in settled[1:]:
        assert_problem(again, 409)
    first = Instalment.objects.get(schedule__policy=policy, sequence=1)
    assert first.status == Instalment.Status.PAID
    assert _collected(policy) == first.amount  # the premium's first instalment, once
    assert not Refund.objects.exists()


def test_settling_several_pending_card_payments_of_one_instalment_collects_once(settings):
    """Rows made before the rule (three pending card payments of one instalment): the first settled pays
    the instalment and cancels the others, which can then not be collected."""
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.ANNUAL)
    instalment = Instalment.objects.get(schedule__policy=policy)
    legacy = [_legacy_card_payment(policy, instalment) for _ in range(3)]

    answers = [_settle(policy.customer, str(txn.pk)) for txn in legacy]
    assert answers[0].status_code == 200 and answers[0].json()["status"] == "succeeded"
    for later in answers[1:]:
        assert_problem(later, 409)  # already cancelled when the instalment was paid
    statuses = sorted(Transaction.objects.filter(policy=policy).values_list("status", flat=True))
    assert statuses == ["cancelled", "cancelled", "succeeded"]
    assert _collected(policy) == instalment.amount
    assert not Refund.objects.exists()


def test_a_card_payment_of_an_instalment_paid_by_transfer_is_cancelled_and_never_collected(settings, actors):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.ANNUAL)
    card = client_for(policy.customer).post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
    transfer = bank_transfer_start(policy=policy, instalment=None, initiated_by=policy.customer)
    report = bank_statement_reconcile(
        content=(
            "date,reference,amount,currency,bank_reference\n"
            f"{timezone.localdate()},{transfer.reference},{transfer.amount},{transfer.currency},BNK-9001\n"
        ),
        reconciled_by=actors["supervisor"],
    )
    assert len(report["matched"]) == 1
    card_txn = Transaction.objects.get(pk=card.json()["transaction"]["id"])
    assert card_txn.status == TransactionStatus.CANCELLED and "was paid by" in card_txn.failure_reason
    assert_problem(_settle(policy.customer, str(card_txn.pk)), 409)
    assert _collected(policy) == transfer.amount
    # A new card payment is refused: nothing is due.
    again = client_for(policy.customer).post(
        INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()
    )
    assert assert_problem(again, 409)["type"].endswith("nothing_due")


def test_the_bank_cancels_a_card_payment_whose_instalment_was_paid_meanwhile(settings):
    """A pending card payment missed by the cancellation (it was locked by its own settlement at that moment)
    is cancelled when settled, not collected."""
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.ANNUAL)
    instalment = Instalment.objects.get(schedule__policy=policy)
    late = _legacy_card_payment(policy, instalment)
    Instalment.objects.filter(pk=instalment.pk).update(status=Instalment.Status.PAID, paid_at=timezone.now())
    txn = card_sandbox_settle(txn=late, succeed=True, actor=policy.customer)
    assert txn.status == TransactionStatus.CANCELLED and "already paid" in txn.failure_reason
    assert _collected(policy) == 0


def test_a_card_payment_never_started_is_replaced_once_stale(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.ANNUAL)
    instalment = Instalment.objects.get(schedule__policy=policy)
    starting = _legacy_card_payment(policy, instalment)
    Transaction.objects.filter(pk=starting.pk).update(provider_reference="")
    api = client_for(policy.customer)
    busy = api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
    assert assert_problem(busy, 409)["type"].endswith("payment_in_progress")
    Transaction.objects.filter(pk=starting.pk).update(created_at=timezone.now() - CARD_INTENT_STARTING * 2)
    fresh = api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
    assert fresh.status_code == 201, fresh.content
    assert fresh.json()["transaction"]["id"] != str(starting.pk)
    assert Transaction.objects.get(pk=starting.pk).status == TransactionStatus.CANCELLED


# --- with Stripe (its stand-in) ------------------------------------------------------------------


@pytest.fixture
def stripe(settings):
    with stripe_standin(settings) as standin:
        yield standin


def _deliver(event: dict):
    payload = json.dumps(event).encode()
    return client_for(None).post(
        "/api/payments/card/webhook/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(payload),
    )


def test_asking_again_hands_back_the_open_stripe_intent(stripe):
    policy = pending_policy()
    api = client_for(policy.customer)
    first = api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()).json()
    second = api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()).json()
    assert len(stripe.intents) == 1 and stripe.retrieved == [first["transaction"]["provider_reference"]]
    assert second["transaction"]["id"] == first["transaction"]["id"]
    assert second["client_secret"] == first["client_secret"]


def test_an_intent_stripe_cancelled_is_replaced(stripe):
    policy = pending_policy()
    api = client_for(policy.customer)
    first = api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()).json()
    stripe.intents[first["transaction"]["provider_reference"]]["status"] = "canceled"
    second = api.post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
    assert second.status_code == 201 and second.json()["transaction"]["id"] != first["transaction"]["id"]
    assert Transaction.objects.get(pk=first["transaction"]["id"]).status == TransactionStatus.CANCELLED
    assert len(stripe.intents) == 2


@pytest.mark.django_db(transaction=True)  # the cancellation at Stripe runs after the commit
def test_paying_another_way_cancels_the_open_intent_at_stripe_and_a_late_charge_is_refunded(stripe):
    policy = pending_policy(plan=PaymentPlan.ANNUAL)
    supervisor = UserFactory(role=Role.SUPERVISOR)
    card = (
        client_for(policy.customer)
        .post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
        .json()
    )
    intent_id = card["transaction"]["provider_reference"]
    transfer = bank_transfer_start(policy=policy, instalment=None, initiated_by=policy.customer)
    bank_statement_reconcile(
        content=(
            "date,reference,amount,currency,bank_reference\n"
            f"{timezone.localdate()},{transfer.reference},{transfer.amount},{transfer.currency},BNK-9002\n"
        ),
        reconciled_by=supervisor,
    )
    assert stripe.cancelled == [intent_id] and stripe.intents[intent_id]["status"] == "canceled"
    assert Transaction.objects.get(pk=card["transaction"]["id"]).status == TransactionStatus.CANCELLED

    # The card was charged before Stripe heard of the cancellation: the money is on record and refunded.
    assert _deliver(stripe.event(intent_id)).status_code == 200
    charged = Transaction.objects.get(pk=card["transaction"]["id"])
    assert charged.status == TransactionStatus.SUCCEEDED
    refund = Refund.objects.get(transaction=charged)
    assert refund.amount == charged.amount and refund.status == Refund.Status.REQUESTED


# --- concurrency (PostgreSQL) ----------------------------------------------------------------------


def _in_parallel(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results: list = []

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as exc:  # reported in the assertion
            results.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel connections")
@pytest.mark.django_db(transaction=True)
def test_parallel_card_intents_with_different_keys_make_one_payment(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy()
    statuses = _in_parallel(
        8,
        lambda: (
            client_for(policy.customer)
            .post(INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key())
            .status_code
        ),
    )
    assert set(statuses) <= {201, 409} and 201 in statuses, statuses
    assert Transaction.objects.filter(policy=policy).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel connections")
@pytest.mark.django_db(transaction=True)
def test_settling_pending_card_payments_of_one_instalment_in_parallel_collects_once(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(plan=PaymentPlan.ANNUAL)
    instalment = Instalment.objects.get(schedule__policy=policy)
    legacy = [_legacy_card_payment(policy, instalment) for _ in range(3)]
    ids = iter([str(txn.pk) for txn in legacy])
    lock = threading.Lock()

    def settle():
        with lock:
            txn_id = next(ids)
        return _settle(policy.customer, txn_id).status_code

    statuses = _in_parallel(3, settle)
    assert set(statuses) <= {200, 409}, statuses
    succeeded = Transaction.objects.filter(policy=policy, status=TransactionStatus.SUCCEEDED)
    assert succeeded.count() == 1
    assert Transaction.objects.filter(policy=policy, status=TransactionStatus.CANCELLED).count() == 2
    assert _collected(policy) == instalment.amount
    assert not Refund.objects.exists()
