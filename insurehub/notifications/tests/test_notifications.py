"""Notifications: preferences pick the channels; email over a real SMTP server; SMS through
an Africa's Talking stand-in; in-app notifications pushed live; the API is personal."""

import pytest
from django.db import transaction

from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.notifications.account_messages import deliver
from insurehub.notifications.models import EmailLog, Notification, SMSLog
from insurehub.notifications.services import email_deliver, notify, sms_deliver
from insurehub.notifications.tests.servers import AfricasTalkingStandIn, SMTPServer
from insurehub.realtime.models import OutboxEvent
from insurehub.users.account_messages import AccountMessage
from insurehub.users.models import NotificationPreference

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        yield server


@pytest.fixture
def africastalking(settings):
    with AfricasTalkingStandIn() as stand_in:
        settings.SMS_PROVIDER = "africastalking"
        settings.AFRICASTALKING_BASE_URL = stand_in.url
        settings.AFRICASTALKING_API_KEY = stand_in.api_key
        settings.AFRICASTALKING_USERNAME = "insurehub"
        yield stand_in


def send(user, topic="claim_updates", **kw):
    with transaction.atomic():
        return notify(
            recipient=user,
            topic=topic,
            kind=kw.pop("kind", "claim.status_changed"),
            title=kw.pop("title", "Your claim was approved"),
            body=kw.pop("body", "Claim CLM-2026-000001 is approved."),
            link="/claims/1",
            **kw,
        )


def test_defaults_send_in_app_and_email_but_not_sms(make_user, smtp, africastalking):
    user = make_user(email="carol@example.test", phone="+254711000001")
    notification = send(user)
    assert notification is not None
    [message] = smtp.messages
    assert message["to"] == ["carol@example.test"]
    assert "Subject: Your claim was approved" in message["data"]
    assert "Claim CLM-2026-000001 is approved." in message["data"]
    log = EmailLog.objects.get()
    assert log.status == "sent" and log.provider_id.startswith("<") and log.attempts == 1
    assert not africastalking.requests and not SMSLog.objects.exists()
    event = OutboxEvent.objects.get(type="notification.created")
    assert event.data["id"] == str(notification.pk)
    assert f"user.{user.pk}" in event.audience


def test_preferences_decide_the_channels(make_user, smtp, africastalking):
    user = make_user(phone="+254711000001")
    NotificationPreference.objects.create(user=user, channel="sms", topic="payments", enabled=True)
    NotificationPreference.objects.create(user=user, channel="email", topic="payments", enabled=False)
    NotificationPreference.objects.create(user=user, channel="in_app", topic="payments", enabled=False)
    assert send(user, topic="payments", kind="payment.succeeded", title="Payment received") is None
    assert not smtp.messages and not Notification.objects.exists()
    [request] = africastalking.requests
    assert request["headers"]["apiKey"] == "at-test-key"
    assert request["form"]["to"] == ["+254711000001"]
    assert request["form"]["username"] == ["insurehub"]
    log = SMSLog.objects.get()
    assert (log.status, log.provider, log.provider_id, log.cost) == (
        "sent",
        "africastalking",
        "ATXid_4f2b9c",
        "KES 0.8000",
    )


def test_sms_refused_by_the_provider_is_failed_not_retried(make_user, africastalking):
    africastalking.status_code = 403
    user = make_user(phone="+254700")
    NotificationPreference.objects.create(user=user, channel="sms", topic="claim_updates", enabled=True)
    send(user)
    log = SMSLog.objects.get()
    assert log.status == "failed" and log.error == "403 InvalidPhoneNumber"
    assert sms_deliver(log_id=log.pk).startswith("failed:")


def test_sms_gateway_errors_are_retried_then_succeed(make_user, africastalking):
    africastalking.http_status = 503
    user = make_user(phone="+254711000001")
    NotificationPreference.objects.create(user=user, channel="sms", topic="claim_updates", enabled=True)
    send(user)
    log = SMSLog.objects.get()
    assert log.status == "queued" and log.error == "HTTP 503"
    africastalking.http_status = 201
    assert sms_deliver(log_id=log.pk) == "sent"
    assert sms_deliver(log_id=log.pk) == "already_sent"  # idempotent
    assert len(africastalking.requests) == 2


def test_email_failure_is_logged_and_retried_later(make_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    user = make_user()
    send(user)
    log = EmailLog.objects.get()
    assert log.status == "queued" and "ConnectionRefused" in log.error and log.attempts == 1
    with SMTPServer() as server:
        settings.EMAIL_PORT = server.port
        assert email_deliver(log_id=log.pk) == "sent"
        assert email_deliver(log_id=log.pk) == "already_sent"
        assert len(server.messages) == 1


def test_inactive_users_get_nothing(make_user, smtp):
    user = make_user(is_active=False)
    assert send(user) is None
    assert not smtp.messages and not Notification.objects.exists()


class TestApi:
    def test_access_matrix_notifications_are_personal(self, actors):
        notification = send(actors["owner"])
        AccessMatrix(actors).assert_read(
            visible={"owner"},
            object_id=notification.pk,
            detail_url=f"/api/notifications/{notification.pk}/",
            list_url="/api/notifications/",
        )
        AccessMatrix(actors).assert_write(
            lambda c: c.post(f"/api/notifications/{notification.pk}/read/"), expected={"owner": 200}
        )

    def test_read_and_read_all(self, make_user):
        user = make_user()
        first, second = send(user), send(user, title="Another")
        client = client_for(user)
        assert client.get("/api/notifications/", {"unread": "true"}).json()["results"][0]["read"] is False
        body = client.post(f"/api/notifications/{first.pk}/read/").json()
        assert body["read"] is True
        assert [n["id"] for n in client.get("/api/notifications/", {"unread": "true"}).json()["results"]] == [
            str(second.pk)
        ]
        assert client.post("/api/notifications/read-all/").json() == {"marked_read": 1}
        assert client.get("/api/notifications/", {"unread": "true"}).json()["results"] == []
        assert_problem(client.post("/api/notifications/not-a-uuid/read/"), 404)

    def test_list_has_fixed_queries(self, make_user):
        user = make_user()
        send(user)
        assert_constant_queries(
            client_for(user), "/api/notifications/", grow=lambda: [send(user) for _ in range(5)], max_queries=3
        )


def test_an_account_messages_one_time_link_leaves_the_log_once_sent_and_stays_while_queued(make_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    user = make_user()
    with transaction.atomic():
        deliver(
            AccountMessage(
                channel="email",
                to=user.email,
                template="auth.password_reset",
                subject="Reset your password",
                body="Open https://insurehub.test/reset-password?token=secret-token-123 within an hour.",
                recipient=user,
            )
        )
        send(user)  # a claim notification: its text is no secret
    account_log = EmailLog.objects.get(template="auth.password_reset")
    assert account_log.status == "queued" and "secret-token-123" in account_log.body  # kept for the retry
    with SMTPServer() as server:
        settings.EMAIL_PORT = server.port
        assert email_deliver(log_id=account_log.pk) == "sent"
        assert any("secret-token-123" in message["data"] for message in server.messages)
    account_log.refresh_from_db()
    assert "secret-token-123" not in account_log.body and account_log.status == "sent"
    other = EmailLog.objects.exclude(pk=account_log.pk).get()
    with SMTPServer() as server:
        settings.EMAIL_PORT = server.port
        email_deliver(log_id=other.pk)
    other.refresh_from_db()
    assert other.status == "sent" and "CLM-2026-000001" in other.body
