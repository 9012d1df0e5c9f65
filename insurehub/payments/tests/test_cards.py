"""Card payments: Stripe PaymentIntents + signed webhooks against a local stand-in, and the sandbox."""

import json
import time

import pytest

from insurehub.core.roles import Role
from insurehub.core.testing import assert_problem, client_for, idempotency_key
from insurehub.notifications.models import Notification
from insurehub.payments.models import Instalment, Refund, Transaction, TransactionStatus
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import stripe_signature, stripe_standin
from insurehub.policies.models import Policy, PolicyStatus
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

INTENTS_URL = "/api/payments/card/intents/"
WEBHOOK_URL = "/api/payments/card/webhook/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def stripe(settings):
    with stripe_standin(settings) as standin:
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_insurehub"
        yield standin


def deliver(event: dict, *, signature: str | None = None):
    payload = json.dumps(event).encode()
    return client_for(None).post(
        WEBHOOK_URL,
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature if signature is not None else stripe_signature(payload),
    )


def start_card_payment(policy: Policy):
    response = client_for(policy.customer).post(
        INTENTS_URL, {"policy": str(policy.pk)}, format="json", **idempotency_key()
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_a_card_payment_creates_an_intent_in_minor_units_and_the_signed_webhook_activates(
    stripe, django_capture_on_commit_callbacks
):
    policy = pending_policy()
    body = start_card_payment(policy)
    intent_id = body["transaction"]["provider_reference"]
    intent = stripe.intents[intent_id]
    due = Instalment.objects.filter(schedule__policy=policy).order_by("sequence").first().amount
    assert intent["amount"] == int(due * 100) and intent["currency"] == "kes"
    assert body["client_secret"] == intent["client_secret"] and body["provider"] == "stripe"
    assert body["publishable_key"] == "pk_test_insurehub"  # for Stripe.js's card form in the browser
    assert intent["metadata"]["reference"] == body["transaction"]["reference"]

    with django_capture_on_commit_callbacks(execute=True):  # the customer is told after the commit
        response = deliver(stripe.event(intent_id))
    assert response.status_code == 200, response.content
    txn = Transaction.objects.get()
    assert txn.status == TransactionStatus.SUCCEEDED and txn.receipt_number.startswith("ch_")

    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE
    assert "client_secret" not in json.dumps(txn.provider_payloads)  # never stored
    notification = Notification.objects.get(recipient=policy.customer, kind="payment.succeeded")
    assert f"card charge {txn.receipt_number}" in notification.body


def test_a_repeated_webhook_credits_once(stripe):
    policy = pending_policy()
    intent_id = start_card_payment(policy)["transaction"]["provider_reference"]
    event = stripe.event(intent_id)
    for _ in range(3):
        assert deliver(event).status_code == 200
    assert Instalment.objects.filter(status=Instalment.Status.PAID).count() == 1
    assert OutboxEvent.objects.filter(type="payment.succeeded").count() == 1


@pytest.mark.parametrize("tamper", ["wrong_secret", "stale", "missing", "body_changed"])
def test_a_webhook_without_a_valid_signature_is_refused_and_changes_nothing(stripe, tamper):
    policy = pending_policy()
    intent_id = start_card_payment(policy)["transaction"]["provider_reference"]
    event = stripe.event(intent_id)
    payload = json.dumps(event).encode()
    signature = {
        "wrong_secret": stripe_signature(payload, secret="whsec_other"),
        "stale": stripe_signature(payload, at=int(time.time()) - 3600),
        "missing": "",
        "body_changed": stripe_signature(payload + b" "),
    }[tamper]
    assert_problem(deliver(event, signature=signature), 400)
    assert Transaction.objects.get().status == TransactionStatus.PENDING
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT


def test_a_declined_card_fails_the_payment_and_publishes_payment_failed(stripe):
    policy = pending_policy()
    intent_id = start_card_payment(policy)["transaction"]["provider_reference"]
    assert deliver(stripe.event(intent_id, succeed=False)).status_code == 200
    txn = Transaction.objects.get()
    assert txn.status == TransactionStatus.FAILED and "declined" in txn.failure_reason
    assert OutboxEvent.objects.filter(type="payment.failed").exists()
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT


def test_a_webhook_for_an_unknown_intent_is_refused(stripe):
    policy = pending_policy()
    intent_id = start_card_payment(policy)["transaction"]["provider_reference"]
    event = stripe.event(intent_id)
    event["data"]["object"]["id"] = "pi_unknown"
    assert_problem(deliver(event), 404)
    assert Transaction.objects.get().status == TransactionStatus.PENDING


def test_an_approved_card_refund_goes_back_through_stripe(stripe):
    policy = pending_policy()
    intent_id = start_card_payment(policy)["transaction"]["provider_reference"]
    deliver(stripe.event(intent_id))
    txn = Transaction.objects.get()
    agent = UserFactory(role=Role.AGENT, department="motor")
    supervisor = UserFactory(role=Role.SUPERVISOR, department="motor")
    requested = client_for(agent).post(
        "/api/payments/refunds/",
        {"transaction": str(txn.pk), "amount": "100.00", "reason": "overcharge"},
        format="json",
        **idempotency_key(),
    )
    assert requested.status_code == 201, requested.content
    decided = client_for(supervisor).post(
        f"/api/payments/refunds/{requested.json()['id']}/decision/",
        {"approve": True},
        format="json",
        **idempotency_key(),
    )
    assert decided.status_code == 200, decided.content
    [stripe_refund] = stripe.refunds.values()
    assert stripe_refund["amount"] == 10000 and stripe_refund["payment_intent"] == intent_id
    txn.refresh_from_db()
    assert txn.status == TransactionStatus.PARTIALLY_REFUNDED
    assert Refund.objects.get().payout.provider_reference == stripe_refund["id"]


def test_the_sandbox_settles_its_own_intents(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy()
    body = start_card_payment(policy)
    assert body["provider"] == "sandbox" and body["client_secret"] and body["publishable_key"] == ""
    url = f"/api/payments/card/sandbox/{body['transaction']['id']}/settle/"
    stranger = client_for(UserFactory(role=Role.CUSTOMER))
    assert_problem(stranger.post(url, {"outcome": "succeeded"}, format="json"), 404)
    settled = client_for(policy.customer).post(url, {"outcome": "succeeded"}, format="json")
    assert settled.status_code == 200, settled.content
    assert settled.json()["status"] == "succeeded"
    assert_problem(client_for(policy.customer).post(url, {"outcome": "succeeded"}, format="json"), 409)
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE


def test_without_a_webhook_secret_no_signature_is_accepted(stripe, settings):
    policy = pending_policy()
    intent_id = start_card_payment(policy)["transaction"]["provider_reference"]
    settings.STRIPE_WEBHOOK_SECRET = ""
    event = stripe.event(intent_id)
    assert_problem(deliver(event, signature=stripe_signature(json.dumps(event).encode(), secret="")), 400)
    assert Transaction.objects.get().status == TransactionStatus.PENDING
