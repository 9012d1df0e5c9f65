"""Outbound webhooks against a real HTTP receiver: signature, ordering per claim, retries
with recovery, giving up, replay, and the admin API."""

import pytest
from django.db import transaction

from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.realtime import groups
from insurehub.realtime.models import WebhookDelivery, WebhookSubscription
from insurehub.realtime.services import publish
from insurehub.realtime.tasks import webhooks_deliver_due
from insurehub.realtime.tests.receiver import Receiver
from insurehub.realtime.webhooks import verify

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fast_retries(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 0
    settings.WEBHOOK_TIMEOUT_SECONDS = 2


def subscribe(admin, url, event_types=("*",)):
    response = client_for(admin).post(
        "/api/webhooks/", {"name": "Garage network", "url": url, "event_types": list(event_types)}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def emit(type_, data):
    with transaction.atomic():
        return publish(type_, data, [groups.ADMINS])


def test_delivery_is_signed_and_carries_the_envelope(actors):
    with Receiver() as receiver:
        created = subscribe(actors["admin"], receiver.url)
        event = emit("claim.status_changed", {"claim_id": "c-1", "to": "approved"})
        [request] = receiver.requests
    headers = request["headers"]
    assert request["json"] == event.envelope()
    assert headers["X-InsureHub-Event"] == "claim.status_changed"
    assert verify(
        secret=created["secret"],
        timestamp=headers["X-InsureHub-Timestamp"],
        body=request["body"],
        signature=headers["X-InsureHub-Signature"],
    )
    assert not verify(
        secret="wrong",
        timestamp=headers["X-InsureHub-Timestamp"],
        body=request["body"],
        signature=headers["X-InsureHub-Signature"],
    )
    assert not verify(
        secret=created["secret"], timestamp="1000", body=request["body"], signature=headers["X-InsureHub-Signature"]
    )
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 204)


def test_only_wanted_event_types_are_delivered(actors):
    with Receiver() as receiver:
        subscribe(actors["admin"], receiver.url, event_types=["payment.*"])
        emit("claim.updated", {"claim_id": "c-1"})
        emit("payment.succeeded", {"amount": "10.00"})
    assert [r["json"]["type"] for r in receiver.requests] == ["payment.succeeded"]


def test_failures_retry_and_hold_back_later_events_of_the_same_claim(actors):
    with Receiver(fail_first=3) as receiver:
        subscribe(actors["admin"], receiver.url)
        first = emit("claim.updated", {"claim_id": "A", "n": 1})  # attempt 1 fails
        second = emit("claim.updated", {"claim_id": "A", "n": 2})  # first's attempt 2 fails; second held back
        other = emit("claim.updated", {"claim_id": "B", "n": 3})  # first's 3rd fails; claim B is not held back
        assert [r["json"]["id"] for r in receiver.delivered()] == [other.id]
        webhooks_deliver_due()  # first succeeds, then second
        assert [r["json"]["id"] for r in receiver.delivered()] == [other.id, first.id, second.id]
    first_delivery = WebhookDelivery.objects.get(event=first)
    assert first_delivery.attempts == 4 and first_delivery.status == "delivered"
    assert first_delivery.last_error == ""


def test_gives_up_after_max_attempts_and_logs_the_error(actors, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    with Receiver(fail_first=10, status_when_failing=503) as receiver:
        subscribe(actors["admin"], receiver.url)
        emit("claim.updated", {"claim_id": "A"})
        webhooks_deliver_due()
        webhooks_deliver_due()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == (
        "failed",
        2,
        503,
        "HTTP 503",
    )


def test_unreachable_endpoint_is_logged_not_raised(actors):
    subscribe(actors["admin"], "http://127.0.0.1:9/nothing-listens-here")
    emit("claim.updated", {"claim_id": "A"})
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts == 1
    assert "ConnectError" in delivery.last_error


def test_replay_from_an_event_id(actors):
    with Receiver() as receiver:
        created = subscribe(actors["admin"], receiver.url)
        events = [emit("claim.updated", {"claim_id": "A", "n": n}) for n in range(3)]
        response = client_for(actors["admin"]).post(
            f"/api/webhooks/{created['id']}/replay/", {"since": events[0].id}, format="json"
        )
        assert response.status_code == 202 and response.json() == {"queued": 2}
    ids = [r["json"]["id"] for r in receiver.requests]
    assert ids == [e.id for e in events] + [events[1].id, events[2].id]


def test_admin_api_access_and_validation(actors):
    subscription = WebhookSubscription.objects.create(
        name="x", url="http://127.0.0.1:1/", secret="s", event_types=["*"]
    )
    matrix = AccessMatrix(actors)
    matrix.assert_write(lambda c: c.get("/api/webhooks/"), expected={"admin": 200}, default=403)
    matrix.assert_write(lambda c: c.get(f"/api/webhooks/{subscription.pk}/"), expected={"admin": 200}, default=403)
    admin = client_for(actors["admin"])
    body = admin.get(f"/api/webhooks/{subscription.pk}/").json()
    assert "secret" not in body
    for bad in (
        {"name": "x", "url": "not a url", "event_types": ["*"]},
        {"name": "x", "url": "https://partner.example/hook", "event_types": []},
        {"name": "x", "url": "https://partner.example/hook", "event_types": ["claim.*.x"]},
        {"name": "x", "url": "https://partner.example/hook", "event_types": ["*"], "secret": "mine"},
    ):
        assert_problem(admin.post("/api/webhooks/", bad, format="json"), 400)
    assert WebhookSubscription.objects.count() == 1
    assert_problem(admin.post(f"/api/webhooks/{subscription.pk}/replay/", {"since": -1}, format="json"), 400)
    rotated = admin.patch(f"/api/webhooks/{subscription.pk}/", {"rotate_secret": True}, format="json").json()
    assert rotated["secret"] != "s"


def test_delivery_log_lists_with_fixed_queries(actors):
    subscription = WebhookSubscription.objects.create(
        name="x", url="http://127.0.0.1:9/", secret="s", event_types=["*"], active=False
    )

    def grow():
        for n in range(5):
            event = emit("claim.updated", {"n": n})
            WebhookDelivery.objects.create(subscription=subscription, event=event, next_attempt_at=event.occurred_at)

    grow()
    assert_constant_queries(
        client_for(actors["admin"]), f"/api/webhooks/{subscription.pk}/deliveries/", grow=grow, max_queries=4
    )
