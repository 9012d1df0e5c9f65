from insurehub.notifications.models import EmailLog, Notification, SMSLog


def export(user) -> dict:
    return {
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "body": n.body,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at")
        ],
        "emails_sent": list(EmailLog.objects.filter(recipient=user).values("template", "subject", "status", "sent_at")),
        "sms_sent": list(SMSLog.objects.filter(recipient=user).values("template", "status", "sent_at")),
    }


def erase(user) -> dict:
    deleted, _ = Notification.objects.filter(recipient=user).delete()
    emails = EmailLog.objects.filter(recipient=user).update(to_address="erased@erased.invalid", body="", subject="")
    sms = SMSLog.objects.filter(recipient=user).update(to_number="", body="")
    return {"notifications_deleted": deleted, "email_logs_scrubbed": emails, "sms_logs_scrubbed": sms}
