"""Delivery of the users app's account messages (reset links, verification codes, notices)
through the same e-mail and SMS machinery as every notification: a log row, then the send
task after commit. Registered with users.account_messages in NotificationsConfig.ready."""

from insurehub.core.tasks import enqueue_on_commit
from insurehub.notifications.models import EmailLog, SMSLog
from insurehub.notifications.tasks import send_email, send_sms
from insurehub.users.account_messages import AccountMessage


def deliver(message: AccountMessage) -> None:
    if message.channel == "email":
        log = EmailLog.objects.create(
            recipient=message.recipient,
            to_address=message.to,
            template=message.template,
            subject=message.subject[:200],
            body=message.body,
        )
        enqueue_on_commit(send_email, str(log.pk))
    elif message.channel == "sms":
        log = SMSLog.objects.create(
            recipient=message.recipient, to_number=message.to, template=message.template, body=message.body[:480]
        )
        enqueue_on_commit(send_sms, str(log.pk))
    else:
        raise ValueError(f"unknown channel {message.channel!r}")
