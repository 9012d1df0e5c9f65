"""Publishing events: `publish(type, data, audience)` inside the service's transaction."""

import logging
from collections.abc import Iterable
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from insurehub.realtime import groups
from insurehub.realtime.models import OutboxEvent

logger = logging.getLogger(__name__)


def _jsonable(data: dict) -> dict:
    import json

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def publish(type: str, data: dict, audience: Iterable[str]) -> OutboxEvent:
    """Store the event in the outbox (same transaction as the change) and send it to the
    channel layer once the transaction commits. Admins always receive every event."""
    members = sorted({*audience, groups.ADMINS})
    event = OutboxEvent.objects.create(type=type, occurred_at=timezone.now(), data=_jsonable(data), audience=members)
    transaction.on_commit(lambda: outbox_dispatch(event_ids=[event.id]))
    return event


def outbox_dispatch(*, event_ids: list[int] | None = None) -> int:
    """Send unpublished events (those named, or all pending) to their groups, in id order.
    Safe to run again: a sent event is marked and skipped."""
    pending = OutboxEvent.objects.filter(published_at__isnull=True).order_by("id")
    if event_ids is not None:
        pending = pending.filter(id__in=event_ids)
    else:
        # The sweep leaves fresh events to their own after-commit hook.
        pending = pending.filter(occurred_at__lt=timezone.now() - timedelta(seconds=5))
    layer = get_channel_layer()
    sent = 0
    for event in pending:
        if layer is not None:
            message = {"type": "event.message", "event": event.envelope()}
            try:
                for group in event.audience:
                    async_to_sync(layer.group_send)(group, message)
            except Exception:  # the row stays pending; the periodic dispatcher retries it
                logger.exception("outbox dispatch failed", extra={"event_id": event.id})
                continue
        OutboxEvent.objects.filter(pk=event.pk, published_at__isnull=True).update(published_at=timezone.now())
        sent += 1
    return sent
