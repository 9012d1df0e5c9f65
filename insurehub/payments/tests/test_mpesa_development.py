"""M-Pesa in development: the Daraja stand-in (insurehub/payments/daraja_standin.py) answers the push
on the customer's behalf and POSTs the callback to the running app a moment later, as Daraja does;
what the customer does follows the phone number's last four digits. A push whose callback never comes
is settled by the status query, which the in-process scheduler runs where there is no broker.

The app is a real HTTP server here (pytest-django's live_server); nothing of ours is patched."""

import json
import subprocess  # nosec B404
import sys
import time
from datetime import timedelta

import pytest
from celery import current_app

from insurehub.core.scheduler import InProcessScheduler
from insurehub.core.testing import client_for, idempotency_key
from insurehub.payments.daraja_standin import CALLBACK_LOST, daraja_standin, outcome_for_phone
from insurehub.payments.models import Transaction, TransactionStatus
from insurehub.payments.tests.builders import pending_policy
from insurehub.policies.models import Policy, PolicyStatus

STK_URL = "/api/payments/mpesa/stk-push/"


def wait_for(check, *, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    return check()


@pytest.fixture
def standin(settings, live_server):
    """The stand-in as development runs it: it answers by itself and calls the app back over HTTP."""
    with daraja_standin(settings, answer_after=0.2, allow_loopback_http_callbacks=True) as server:
        settings.MPESA_CALLBACK_BASE_URL = live_server.url  # http://localhost:<port>, as in development
        yield server


def push(policy, phone: str) -> Transaction:
    response = client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": phone}, format="json", **idempotency_key()
    )
    assert response.status_code == 202, response.content
    return Transaction.objects.get(pk=response.json()["transaction"]["id"])


def settled(txn: Transaction) -> Transaction | None:
    txn.refresh_from_db()
    return txn if txn.status != TransactionStatus.PENDING else None


@pytest.mark.parametrize(
    ("phone", "outcome"),
    [("254712345678", 0), ("254712341032", 1032), ("254712340001", 1), ("254712341037", 1037)],
)
def test_what_the_customer_does_follows_the_last_four_digits(phone, outcome):
    assert outcome_for_phone(phone) == outcome
    assert outcome_for_phone("254712349999") == CALLBACK_LOST


@pytest.mark.django_db(transaction=True)
def test_a_customer_pays_by_mpesa_end_to_end_and_the_policy_turns_active(standin):
    policy = pending_policy()
    txn = push(policy, "0712 345 678")
    assert txn.status == TransactionStatus.PENDING  # the push answered before the customer did

    # the app answered Daraja's callback 200 (recorded once the answer is back). Waiting on the
    # stand-in, not the database: with SQLite in memory the live server shares this thread's
    # connection, and a query from here while it handles the callback collides with it.
    assert wait_for(lambda: standin.callbacks_sent.get(txn.provider_reference)) == 200
    txn = settled(txn)
    assert txn is not None, "the callback was answered but the payment is still pending"
    assert txn.status == TransactionStatus.SUCCEEDED and txn.receipt_number.startswith("NLJ")
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE


@pytest.mark.django_db(transaction=True)
def test_cancelled_broke_and_unreachable_customers_fail_the_payment_and_the_policy_waits(standin):
    expected = {
        "0712341032": TransactionStatus.CANCELLED,
        "0712340001": TransactionStatus.FAILED,
        "0712341037": TransactionStatus.FAILED,
    }
    policies = {phone: pending_policy() for phone in expected}
    for phone, policy in policies.items():
        txn = push(policy, phone)
        # One push at a time, waiting on the stand-in rather than the database (see above).
        assert wait_for(lambda txn=txn: standin.callbacks_sent.get(txn.provider_reference)) == 200, phone
        txn = settled(txn)
        assert txn is not None, f"no callback for {phone}"
        assert txn.status == expected[phone], (phone, txn.status, txn.failure_reason)
        assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT


@pytest.mark.django_db
def test_a_lost_callback_is_settled_by_the_status_query_the_scheduler_runs(settings):
    with daraja_standin(settings, answer_after=0.05) as server:
        settings.MPESA_QUERY_AFTER_MINUTES = 0
        policy = pending_policy()
        txn = push(policy, "0712349999")  # pays on the phone, but Daraja's callback is lost
        assert wait_for(lambda: server.outcome[txn.provider_reference] == 0, timeout=10)
        assert server.callbacks_sent == {}
        assert Transaction.objects.get(pk=txn.pk).status == TransactionStatus.PENDING

        # The project's own periodic entry, run by the in-process scheduler (no broker, no beat).
        entry = {"payments-mpesa-query-stale": settings.CELERY_BEAT_SCHEDULE["payments-mpesa-query-stale"]}
        scheduler = InProcessScheduler(entry)
        scheduler.entries[0].last_run_at = current_app.now() - timedelta(minutes=5)
        scheduler.tick()

    txn.refresh_from_db()
    assert txn.status == TransactionStatus.SUCCEEDED
    assert server.queries == 1
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE


def _settings_in(env: dict) -> dict:
    """The settings a fresh process computes from `env` (not this test process's)."""
    code = (
        "import json; from insurehub.config import settings as s; print(json.dumps({k: getattr(s, k) for k in "
        "['MPESA_STANDIN', 'MPESA_BASE_URL', 'MPESA_CALLBACK_BASE_URL', 'MPESA_CONSUMER_KEY', 'MPESA_SHORTCODE', "
        "'TASKS_IN_PROCESS', 'TASKS_IN_PROCESS_SCHEDULER']}))"
    )
    base = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50}
    out = subprocess.run(  # noqa: S603  # nosec B603
        [sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_development_points_mpesa_at_the_local_standin_and_nothing_else_does():
    dev = _settings_in({"DJANGO_ENV": "development", "PORT": "8123"})
    assert dev["MPESA_STANDIN"] is True
    assert dev["MPESA_BASE_URL"] == "http://127.0.0.1:8223"  # PORT + 100 unless MPESA_STANDIN_PORT
    assert dev["MPESA_CALLBACK_BASE_URL"] == "http://127.0.0.1:8123"
    assert dev["MPESA_CONSUMER_KEY"] and dev["MPESA_SHORTCODE"]
    assert (dev["TASKS_IN_PROCESS"], dev["TASKS_IN_PROCESS_SCHEDULER"]) == ("thread", True)

    own = _settings_in({"DJANGO_ENV": "development", "MPESA_BASE_URL": "https://sandbox.safaricom.co.ke"})
    assert own["MPESA_STANDIN"] is False and own["MPESA_CONSUMER_KEY"] == ""

    for env in ("production", "test"):
        other = _settings_in({"DJANGO_ENV": env})
        assert other["MPESA_STANDIN"] is False, env
        assert "127.0.0.1" not in other["MPESA_BASE_URL"], env
    assert (
        _settings_in({"DJANGO_ENV": "production", "CELERY_BROKER_URL": "redis://r:6379/0"})[
            "TASKS_IN_PROCESS_SCHEDULER"
        ]
        is False
    )
