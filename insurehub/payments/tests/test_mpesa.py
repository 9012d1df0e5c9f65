"""M-Pesa (Daraja STK push) against the local stand-in: push, callback, status query, bad input,
idempotency, and 20 parallel callbacks crediting once on PostgreSQL."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from insurehub.audit.models import AuditEvent
from insurehub.core.roles import Role
from insurehub.core.testing import assert_problem, client_for, idempotency_key
from insurehub.notifications.models import Notification
from insurehub.payments import daraja, tasks
from insurehub.payments.models import Instalment, Transaction, TransactionStatus
from insurehub.payments.services import mpesa_callback_record, mpesa_query_stale
from insurehub.payments.tests.builders import pending_policy
from insurehub.payments.tests.standins import daraja_standin
from insurehub.policies.models import Policy, PolicyStatus
from insurehub.policies.tests.factories import PolicyTypeFactory, ensure_categories
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory
from insurehub.workflows.selectors import stages_for

STK_URL = "/api/payments/mpesa/stk-push/"


@pytest.fixture
def mpesa(settings):
    with daraja_standin(settings) as standin:
        yield standin


def post_callback(path: str, body: dict):
    return client_for(None).post(path, body, format="json")


# --- units ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0712345678", "254712345678"),
        ("+254 712 345 678", "254712345678"),
        ("254712345678", "254712345678"),
        ("712345678", "254712345678"),
        ("0110345678", "254110345678"),
    ],
)
def test_phone_numbers_are_normalised_to_2547xxxxxxxx(raw, expected):
    assert daraja.normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "12345", "0812345678", "+447911123456", "07123456789"])
def test_non_kenyan_mobile_numbers_are_refused(raw):
    with pytest.raises(ValueError):
        daraja.normalise_phone(raw)


def test_amounts_go_to_daraja_in_whole_shillings_never_under():
    assert daraja.whole_shillings(Decimal("4375.00")) == 4375
    assert daraja.whole_shillings(Decimal("4375.01")) == 4376


# --- the whole journey through the API ---------------------------------------------------


@pytest.mark.django_db
def test_customer_buys_a_motor_policy_and_pays_by_mpesa_through_the_api_alone(mpesa):
    ensure_categories()
    PolicyTypeFactory(name="Motor Private Comprehensive")
    customer = UserFactory(role=Role.CUSTOMER)
    api = client_for(customer)

    assert api.get("/api/companies/").status_code == 200
    categories = api.get("/api/policy-categories/").json()
    assert len(categories) == 10
    motor_types = api.get("/api/policy-types/", {"category": "motor"}).json()["results"]
    assert motor_types
    vehicle = api.post(
        "/api/vehicles/",
        {
            "registration": "kdq 123a",
            "vin": "WVWZZZ1JZXW123456",
            "make": "Volkswagen",
            "model": "Golf",
            "year": 2020,
            "colour": "Blue",
            "estimated_value": "1800000.00",
        },
        format="json",
    )
    assert vehicle.status_code == 201, vehicle.content
    assert vehicle.json()["registration"] == "KDQ123A"

    quote = api.post(
        "/api/policies/quote/",
        {"policy_type": motor_types[0]["id"], "vehicle": vehicle.json()["id"], "payment_plan": "quarterly"},
        format="json",
    )
    assert quote.status_code == 201, quote.content
    policy = quote.json()
    assert policy["status"] == "quote" and policy["policy_number"].startswith("POL-")
    accepted = api.post(f"/api/policies/{policy['id']}/accept/")
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["status"] == "pending_payment"

    schedule = api.get("/api/payments/schedules/", {"policy": policy["id"]}).json()["results"][0]
    instalments = schedule["instalments"]
    assert len(instalments) == 4
    assert sum(Decimal(i["amount"]) for i in instalments) == Decimal(policy["premium"])

    push = api.post(STK_URL, {"policy": policy["id"], "phone": "0712 345 678"}, format="json", **idempotency_key())
    assert push.status_code == 202, push.content
    sent = mpesa.pushes[mpesa.last_checkout_id]
    assert sent["PhoneNumber"] == "254712345678" and sent["PartyA"] == "254712345678"
    assert sent["Amount"] == daraja.whole_shillings(Decimal(instalments[0]["amount"]))
    assert sent["BusinessShortCode"] == sent["PartyB"] == "174379"
    assert sent["AccountReference"] == push.json()["transaction"]["reference"]

    path, body = mpesa.callback(mpesa.last_checkout_id)
    answer = post_callback(path, body)
    assert answer.status_code == 200
    assert answer.json()["ResultCode"] == 0  # what Daraja expects back

    assert api.get(f"/api/policies/{policy['id']}/").json()["status"] == "active"
    history = api.get(f"/api/policies/{policy['id']}/history/").json()
    assert [stage["stage"] for stage in history] == ["quote", "pending_payment", "active"]
    assert history[-1]["left_at"] is None and all(stage["left_at"] for stage in history[:-1])
    schedule = api.get(f"/api/payments/schedules/{schedule['id']}/").json()
    assert [i["status"] for i in schedule["instalments"]] == ["paid", "due", "due", "due"]
    transactions = api.get("/api/payments/transactions/").json()["results"]
    assert [t["status"] for t in transactions] == ["succeeded"]
    assert transactions[0]["receipt_number"].startswith("NLJ")


# --- callbacks -------------------------------------------------------------------------


@pytest.mark.django_db
def test_successful_callback_publishes_payment_succeeded_and_notifies_the_customer(
    mpesa, django_capture_on_commit_callbacks
):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    path, body = mpesa.callback(mpesa.last_checkout_id)
    with django_capture_on_commit_callbacks(execute=True):  # the customer is told after the commit
        post_callback(path, body)
    event = OutboxEvent.objects.get(type="payment.succeeded")

    assert event.data["policy_id"] == str(policy.pk) and event.data["method"] == "mpesa"
    assert f"user.{policy.customer_id}" in event.audience
    notification = Notification.objects.get(recipient=policy.customer, kind="payment.succeeded")
    assert "M-Pesa receipt NLJ" in notification.body


@pytest.mark.django_db
def test_a_repeated_callback_credits_once(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    path, body = mpesa.callback(mpesa.last_checkout_id)
    for _ in range(3):
        assert post_callback(path, body).json()["ResultCode"] == 0
    assert Transaction.objects.get().status == TransactionStatus.SUCCEEDED
    assert Instalment.objects.filter(status=Instalment.Status.PAID).count() == 1
    assert OutboxEvent.objects.filter(type="payment.succeeded").count() == 1
    assert [s.stage for s in stages_for(policy)] == ["quote", "pending_payment", "active"]


@pytest.mark.django_db
def test_a_callback_with_a_bad_secret_is_refused_and_changes_nothing(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    path, body = mpesa.callback(mpesa.last_checkout_id)
    for bad_path in (path.replace("callback-secret-for-tests", "guess"), path.split("?")[0]):
        assert_problem(post_callback(bad_path, body), 403)
    assert Transaction.objects.get().status == TransactionStatus.PENDING
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT


@pytest.mark.django_db
def test_a_callback_for_an_unknown_checkout_is_refused_and_changes_nothing(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    path, body = mpesa.callback(mpesa.last_checkout_id)
    body["Body"]["stkCallback"]["CheckoutRequestID"] = "ws_CO_000000000000000000"
    assert_problem(post_callback(path, body), 404)
    assert_problem(post_callback(path, {"not": "a callback"}), 400)
    assert Transaction.objects.get().status == TransactionStatus.PENDING
    assert not OutboxEvent.objects.filter(type__startswith="payment.").exists()


@pytest.mark.django_db
def test_a_cancelled_push_fails_the_payment_and_the_policy_waits(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    path, body = mpesa.callback(mpesa.last_checkout_id, result_code=1032)
    assert post_callback(path, body).json()["ResultCode"] == 0
    txn = Transaction.objects.get()
    assert txn.status == TransactionStatus.CANCELLED and "1032" in txn.failure_reason
    assert OutboxEvent.objects.filter(type="payment.failed").count() == 1
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT
    assert not Instalment.objects.filter(status=Instalment.Status.PAID).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("amount", [1, "not a number", None])
def test_an_underpaid_or_unreadable_callback_does_not_credit(mpesa, amount):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    path, body = mpesa.callback(mpesa.last_checkout_id, amount=amount)
    if amount is None:
        items = body["Body"]["stkCallback"]["CallbackMetadata"]["Item"]
        body["Body"]["stkCallback"]["CallbackMetadata"]["Item"] = [i for i in items if i["Name"] != "Amount"]
    assert post_callback(path, body).status_code == 200
    assert Transaction.objects.get().status == TransactionStatus.FAILED
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT


# --- status query for callbacks that never came ----------------------------------------------


@pytest.mark.django_db
def test_a_push_whose_callback_never_came_is_settled_by_the_status_query(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    checkout_id = mpesa.last_checkout_id

    report = mpesa_query_stale(older_than_minutes=0)  # the customer has not answered yet
    assert report["checked"] == 1 and report["still_pending"] == 1
    assert Transaction.objects.get().status == TransactionStatus.PENDING

    mpesa.outcome[checkout_id] = 0  # paid on the phone; the callback got lost on the way
    report = mpesa_query_stale(older_than_minutes=0)
    assert report["credited"] == 1
    assert Transaction.objects.get().status == TransactionStatus.SUCCEEDED
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE
    assert Transaction.objects.get().receipt_number == ""  # Daraja's query answer carries no receipt

    path, body = mpesa.callback(checkout_id)  # the late callback credits nothing again, but brings the receipt
    post_callback(path, body)
    post_callback(path, body)
    assert Instalment.objects.filter(status=Instalment.Status.PAID).count() == 1
    assert OutboxEvent.objects.filter(type="payment.succeeded").count() == 1
    assert Transaction.objects.get().receipt_number.startswith("NLJ")
    assert AuditEvent.objects.filter(action="payment.receipt_recorded").count() == 1
    assert mpesa_query_stale(older_than_minutes=0)["checked"] == 0


@pytest.mark.django_db
def test_the_status_query_records_a_cancelled_push(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    mpesa.outcome[mpesa.last_checkout_id] = 1032
    assert mpesa_query_stale(older_than_minutes=0)["failed"] == 1
    assert Transaction.objects.get().status == TransactionStatus.CANCELLED


@pytest.mark.django_db
def test_recent_pushes_are_not_queried_yet(mpesa):
    policy = pending_policy()
    client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    assert mpesa_query_stale(older_than_minutes=5)["checked"] == 0
    assert tasks.mpesa_query_stale.delay().get()["checked"] == 0  # the periodic task: MPESA_QUERY_AFTER_MINUTES
    assert mpesa.queries == 0


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"amount": "0"}, "amount"),
        ({"amount": "-10.00"}, "amount"),
        ({"amount": "100.123"}, "amount"),
        ({"amount": "1.00"}, "amount"),  # not what is due
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "USD"}, "currency"),  # not the policy's currency
        ({"phone": "12345"}, "phone"),
        ({"surprise": "field"}, "surprise"),
    ],
)
def test_bad_push_requests_get_field_errors_and_leave_nothing(mpesa, extra, field):
    policy = pending_policy()
    body = {"policy": str(policy.pk), "phone": "0712345678", **extra}
    problem = assert_problem(client_for(policy.customer).post(STK_URL, body, format="json", **idempotency_key()), 400)
    assert field in [error["field"] for error in problem["errors"]], problem
    assert not Transaction.objects.exists()
    assert not mpesa.pushes


@pytest.mark.django_db
def test_an_instalment_cannot_be_paid_twice(mpesa):
    policy = pending_policy()
    first = Instalment.objects.filter(schedule__policy=policy).order_by("sequence").first()
    api = client_for(policy.customer)
    api.post(
        STK_URL,
        {"policy": str(policy.pk), "instalment": str(first.pk), "phone": "0712345678"},
        format="json",
        **idempotency_key(),
    )
    path, body = mpesa.callback(mpesa.last_checkout_id)
    post_callback(path, body)
    again = api.post(
        STK_URL,
        {"policy": str(policy.pk), "instalment": str(first.pk), "phone": "0712345678"},
        format="json",
        **idempotency_key(),
    )
    assert_problem(again, 409)
    assert Transaction.objects.count() == 1 and len(mpesa.pushes) == 1


@pytest.mark.django_db
def test_another_customers_policy_is_not_found(mpesa):
    policy = pending_policy()
    stranger = client_for(UserFactory(role=Role.CUSTOMER))
    assert_problem(
        stranger.post(STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()),
        404,
    )
    assert not Transaction.objects.exists()


@pytest.mark.django_db
def test_a_daraja_outage_is_a_502_and_the_attempt_is_recorded_as_failed(mpesa):
    policy = pending_policy()
    mpesa.push_status = 503
    response = client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    assert_problem(response, 502)
    assert Transaction.objects.get().status == TransactionStatus.FAILED
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.PENDING_PAYMENT


@pytest.mark.django_db
def test_mpesa_unconfigured_is_a_503(settings):
    settings.MPESA_CONSUMER_KEY = ""
    policy = pending_policy()
    response = client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    assert_problem(response, 503)
    assert not Transaction.objects.exists()


# --- Idempotency-Key -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_replayed_idempotency_key_returns_the_first_answer_and_pushes_once(mpesa):
    policy = pending_policy()
    api = client_for(policy.customer)
    body = {"policy": str(policy.pk), "phone": "0712345678"}
    first = api.post(STK_URL, body, format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    second = api.post(STK_URL, body, format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    assert first.status_code == second.status_code == 202
    assert second.json() == first.json() and second["Idempotent-Replayed"] == "true"
    assert len(mpesa.pushes) == 1 and Transaction.objects.count() == 1
    other = api.post(STK_URL, {**body, "phone": "0722000000"}, format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    assert_problem(other, 422)
    assert len(mpesa.pushes) == 1


@pytest.mark.django_db
def test_a_failed_request_does_not_burn_its_idempotency_key(mpesa):
    policy = pending_policy()
    api = client_for(policy.customer)
    bad = api.post(STK_URL, {"policy": str(policy.pk), "phone": "12"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert_problem(bad, 400)
    good = api.post(STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert good.status_code == 202


# --- concurrency -------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_callbacks_for_one_payment_credit_it_exactly_once(mpesa):
    policy = pending_policy()
    response = client_for(policy.customer).post(
        STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
    )
    assert response.status_code == 202, response.content
    _, body = mpesa.callback(mpesa.last_checkout_id)
    barrier = threading.Barrier(20)
    outcomes: list[str] = []

    def deliver():
        try:
            barrier.wait()
            outcomes.append(mpesa_callback_record(payload=body))
        except Exception as exc:
            outcomes.append(repr(exc))
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=deliver) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["credited"] + ["duplicate"] * 19, outcomes
    assert Transaction.objects.get().status == TransactionStatus.SUCCEEDED
    assert Instalment.objects.filter(schedule__policy=policy, status=Instalment.Status.PAID).count() == 1
    assert OutboxEvent.objects.filter(type="payment.succeeded").count() == 1
    assert Policy.objects.get(pk=policy.pk).status == PolicyStatus.ACTIVE
    assert [s.stage for s in stages_for(policy)] == ["quote", "pending_payment", "active"]


@pytest.mark.django_db
def test_wrong_daraja_credentials_are_a_502_and_the_token_is_reused_when_right(mpesa, settings):
    policy = pending_policy()
    api = client_for(policy.customer)
    settings.MPESA_CONSUMER_SECRET = "wrong"
    assert_problem(
        api.post(STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()), 502
    )
    assert Transaction.objects.get().status == TransactionStatus.FAILED
    settings.MPESA_CONSUMER_SECRET = "test-consumer-secret"
    for _ in range(2):
        assert (
            api.post(
                STK_URL, {"policy": str(policy.pk), "phone": "0712345678"}, format="json", **idempotency_key()
            ).status_code
            == 202
        )
    assert mpesa.tokens_issued == 1  # cached until shortly before it expires


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel connections")
@pytest.mark.django_db(transaction=True)
def test_parallel_requests_with_one_idempotency_key_push_once(mpesa):
    policy = pending_policy()
    body = {"policy": str(policy.pk), "phone": "0712345678"}
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def send():
        try:
            barrier.wait()
            response = client_for(policy.customer).post(STK_URL, body, format="json", HTTP_IDEMPOTENCY_KEY="same")
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # one does the work; the others are told it is running (409) or get its answer replayed (202)
    assert sorted(set(statuses)) in ([202], [202, 409]), statuses
    assert len(mpesa.pushes) == 1 and Transaction.objects.count() == 1
