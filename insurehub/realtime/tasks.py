from celery import shared_task
from django.utils import timezone

from insurehub.realtime import events
from insurehub.realtime.models import WebhookDelivery
from insurehub.realtime.services import outbox_dispatch
from insurehub.realtime.webhooks import deliver_pending


@shared_task(name="insurehub.realtime.tasks.outbox_dispatch_pending")
def outbox_dispatch_pending() -> int:
    """Send whatever the after-commit hook could not (a crashed worker, a layer outage)."""
    return outbox_dispatch()


@shared_task(name="insurehub.realtime.tasks.webhooks_deliver", autoretry_for=(OSError,), retry_backoff=True)
def webhooks_deliver(subscription_id: str) -> dict:
    return deliver_pending(subscription_id=subscription_id)


@shared_task(name="insurehub.realtime.tasks.webhooks_deliver_due")
def webhooks_deliver_due() -> int:
    """Periodic: run every subscription that has deliveries due (retries after backoff)."""
    due = (
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=timezone.now())
        .values_list("subscription_id", flat=True)
        .distinct()
    )
    subscriptions = list(due)
    for subscription_id in subscriptions:
        deliver_pending(subscription_id=subscription_id)
    return len(subscriptions)


@shared_task(name="insurehub.realtime.tasks.event_handle", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def event_handle(event_id: int, handler: str) -> bool:
    """A TASK-phase subscriber of the event registry (events.py) on one stored event."""
    return events.handle_stored(event_id=event_id, handler=handler)
