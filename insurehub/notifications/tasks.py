from celery import shared_task

from insurehub.notifications import services
from insurehub.notifications.models import DeliveryStatus, EmailLog


@shared_task(bind=True, name="insurehub.notifications.tasks.send_email", max_retries=5)
def send_email(self, log_id: str) -> str:
    outcome = services.email_deliver(log_id=log_id)
    still_queued = EmailLog.objects.filter(pk=log_id, status=DeliveryStatus.QUEUED)
    if outcome.startswith("failed:") and not self.request.is_eager and still_queued.exists():
        raise self.retry(countdown=30 * 2**self.request.retries)
    return outcome


@shared_task(bind=True, name="insurehub.notifications.tasks.send_sms", max_retries=5)
def send_sms(self, log_id: str) -> str:
    outcome = services.sms_deliver(log_id=log_id)
    if outcome.startswith("retry:") and not self.request.is_eager:
        raise self.retry(countdown=30 * 2**self.request.retries)
    return outcome
