"""Telling people things: `notify()` decides the channels from the user's preferences,
stores the in-app notification, queues the email and SMS, and pushes it live."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core.tasks import enqueue_on_commit, task_by_name
from insurehub.notifications import texts
from insurehub.notifications.models import DeliveryStatus, EmailLog, Notification, SMSLog
from insurehub.notifications.sms import get_provider
from insurehub.realtime import groups
from insurehub.realtime.events import emit
from insurehub.users.models import DEFAULT_PREFERENCES, NotificationChannel, NotificationPreference, User

# The delivery tasks (tasks.py imports this module, so they are named here, not imported).
SEND_EMAIL = "insurehub.notifications.tasks.send_email"
SEND_SMS = "insurehub.notifications.tasks.send_sms"


def channels_for(*, user: User, topic: str) -> set[str]:
    stored = dict(NotificationPreference.objects.filter(user=user, topic=topic).values_list("channel", "enabled"))
    return {
        channel
        for channel in NotificationChannel.values
        if stored.get(channel, DEFAULT_PREFERENCES.get((channel, topic), False))
    }


@transaction.atomic
def notify(
    *,
    recipient: User,
    topic: str,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    data: dict | None = None,
) -> Notification | None:
    """Notify one user on the channels they chose for `topic`. Returns the in-app
    notification (None when they turned in-app off for the topic)."""
    if not recipient.is_active:
        return None
    channels = channels_for(user=recipient, topic=topic)
    notification = None
    if NotificationChannel.IN_APP in channels:
        notification = Notification.objects.create(
            recipient=recipient, topic=topic, kind=kind, title=title[:200], body=body, link=link, data=data or {}
        )
        emit(
            "notification.created",
            {
                "id": str(notification.pk),
                "kind": kind,
                "topic": topic,
                "title": notification.title,
                "link": link,
            },
            [groups.user_group(recipient.pk)],
        )
    if NotificationChannel.EMAIL in channels and recipient.email:
        log = EmailLog.objects.create(
            recipient=recipient,
            to_address=recipient.email,
            template=kind,
            subject=title[:200],
            body=texts.email_body(recipient=recipient, title=title, body=body, link=link),
        )
        enqueue_on_commit(task_by_name(SEND_EMAIL), str(log.pk))
    if NotificationChannel.SMS in channels and recipient.phone:
        text = texts.sms_text(title=title, body=body, link=link)
        log = SMSLog.objects.create(recipient=recipient, to_number=recipient.phone, template=kind, body=text)
        enqueue_on_commit(task_by_name(SEND_SMS), str(log.pk))
    return notification


# Account messages (reset and unlock links, verification codes) carry one-time secrets: once a message
# is sent or given up on, its body is dropped from the log so that nobody who can read the log (admins,
# backups) can use the link or code.
ACCOUNT_TEMPLATE_PREFIX = "auth."
REDACTED_BODY = "[removed after delivery: an account message with a one-time link or code]"


def _forget_secret(log: EmailLog | SMSLog) -> None:
    if log.template.startswith(ACCOUNT_TEMPLATE_PREFIX) and log.status != DeliveryStatus.QUEUED:
        log.body = REDACTED_BODY


def email_deliver(*, log_id) -> str:
    """Send one queued email. Returns "sent", "already_sent" or "failed:<reason>"."""
    with transaction.atomic():
        log = EmailLog.objects.select_for_update().get(pk=log_id)
        if log.status == DeliveryStatus.SENT:
            return "already_sent"
        log.attempts += 1
        message_id = make_msgid(domain=settings.EMAIL_MESSAGE_ID_DOMAIN)
        message = EmailMessage(
            subject=log.subject,
            body=log.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[log.to_address],
            headers={"Message-ID": message_id, "X-InsureHub-Template": log.template},
        )
        try:
            get_connection(fail_silently=False).send_messages([message])
        except Exception as exc:  # SMTP errors, refused connections, timeouts
            log.error = f"{exc.__class__.__name__}: {exc}"[:500]
            log.status = (
                DeliveryStatus.QUEUED if log.attempts < settings.NOTIFICATION_MAX_ATTEMPTS else DeliveryStatus.FAILED
            )
            _forget_secret(log)
            log.save(update_fields=["attempts", "error", "status", "body", "updated_at"])
            return f"failed:{log.error}"
        log.status = DeliveryStatus.SENT
        log.provider_id = message_id
        log.error = ""
        log.sent_at = timezone.now()
        _forget_secret(log)
        log.save(update_fields=["attempts", "status", "provider_id", "error", "sent_at", "body", "updated_at"])
        return "sent"


def sms_deliver(*, log_id) -> str:
    """Send one queued SMS. Returns "sent", "already_sent", "failed:<reason>" or "retry:<reason>"."""
    with transaction.atomic():
        log = SMSLog.objects.select_for_update().get(pk=log_id)
        if log.status == DeliveryStatus.SENT:
            return "already_sent"
        provider = get_provider()
        log.attempts += 1
        log.provider = provider.name
        result = provider.send(to=log.to_number, message=log.body)
        if result.ok:
            log.status = DeliveryStatus.SENT
            log.provider_id = result.provider_id
            log.cost = result.cost
            log.error = ""
            log.sent_at = timezone.now()
            outcome = "sent"
        else:
            log.error = result.error[:500]
            may_retry = result.retryable and log.attempts < settings.NOTIFICATION_MAX_ATTEMPTS
            log.status = DeliveryStatus.QUEUED if may_retry else DeliveryStatus.FAILED
            outcome = f"{'retry' if may_retry else 'failed'}:{log.error}"
        _forget_secret(log)
        log.save()
        return outcome


@transaction.atomic
def notification_mark_read(*, notification: Notification, user: User) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
        audit_record(actor=user, action="notification.read", target=notification)
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user: User) -> int:
    now = timezone.now()
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=now, updated_at=now)
    if count:
        audit_record(
            actor=user,
            action="notification.read_all",
            object_type="notifications.notification",
            changes={"count": count},
        )
    return count
