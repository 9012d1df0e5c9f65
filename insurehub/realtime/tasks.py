from celery import shared_task

from insurehub.realtime.services import outbox_dispatch


@shared_task(name="insurehub.realtime.tasks.outbox_dispatch_pending")
def outbox_dispatch_pending() -> int:
    """Send whatever the after-commit hook could not (a crashed worker, a layer outage)."""
    return outbox_dispatch()
