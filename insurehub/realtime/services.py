"""Publishing events: `publish(type, data, audience)` inside the service's transaction."""

import logging
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core.services import model_update
from insurehub.core.tasks import enqueue_on_commit, task_by_name
from insurehub.realtime import groups, redispatch, stream, webhooks
from insurehub.realtime.models import OutboxEvent, WebhookDelivery, WebhookSubscription

logger = logging.getLogger(__name__)


def _jsonable(data: dict) -> dict:
    import json

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


# tasks.py imports this module, so its task is named here, not imported.
WEBHOOKS_DELIVER = "insurehub.realtime.tasks.webhooks_deliver"


def publish(type: str, data: dict, audience: Iterable[str]) -> OutboxEvent:
    """Store the event in the outbox (same transaction as the change) and send it to the
    channel layer once the transaction commits. Admins always receive every event."""
    members = sorted({*audience, groups.ADMINS})
    event = OutboxEvent.objects.create(type=type, occurred_at=timezone.now(), data=_jsonable(data), audience=members)
    deliveries = webhooks.deliveries_create(event=event)
    transaction.on_commit(lambda: outbox_dispatch(events=[event]))
    if deliveries:
        for subscription_id in sorted({str(d.subscription_id) for d in deliveries}):
            enqueue_on_commit(task_by_name(WEBHOOKS_DELIVER), subscription_id)
    return event


def outbox_dispatch(*, events: list[OutboxEvent] | None = None, through_id: int | None = None) -> int:
    """Send unpublished events (those given, as just committed by publish(); those up to
    `through_id`; or all pending) to every process's event stream, which orders them by id and
    hands each to the sockets of its audience (stream.py): one layer publish per event, whatever
    its audience. Safe to run again: a sent event is marked and skipped, and streams ignore
    repeats. An event the channel layer does not take stays pending and is sent again as soon as
    the layer takes events again (redispatch.py), not only at the periodic sweep."""
    if events and redispatch.defer(max(event.id for event in events)):
        return 0  # the layer is away: the background sweep sends them when it is back
    pending: Iterable[OutboxEvent]
    if events is not None:
        # Just committed, so unpublished: sent without reading them back first (that read sat
        # between the commit and the publish). Should a sweep send one too, streams ignore repeats.
        pending = sorted(events, key=lambda event: event.id)
    else:
        unpublished = OutboxEvent.objects.filter(published_at__isnull=True).order_by("id")
        if through_id is not None:
            pending = unpublished.filter(id__lte=through_id)
        else:
            # The sweep leaves fresh events to their own after-commit hook.
            pending = unpublished.filter(occurred_at__lt=timezone.now() - timedelta(seconds=5))
    sent = 0
    for event in pending:
        try:
            stream.broadcast(event=event.envelope(), audience=event.audience)
        except Exception as exc:  # the row stays pending
            redispatch.failed(event.id, exc, sweep=_redispatch_sweep)
            if redispatch.unreachable(exc):
                break  # the layer is away: the later ones would wait for it too
            continue
        OutboxEvent.objects.filter(pk=event.pk, published_at__isnull=True).update(published_at=timezone.now())
        sent += 1
    if sent:
        redispatch.delivered()
    return sent


def _redispatch_sweep(through_id: int) -> tuple[int, bool]:
    sent = outbox_dispatch(through_id=through_id)
    return sent, OutboxEvent.objects.filter(published_at__isnull=True, id__lte=through_id).exists()


@transaction.atomic
def webhook_subscription_create(*, name: str, url: str, event_types: list[str], created_by) -> WebhookSubscription:
    subscription = WebhookSubscription(
        name=name, url=url, event_types=event_types, secret=secrets.token_urlsafe(32), active=True
    )
    subscription.full_clean()
    subscription.save()
    audit_record(
        actor=created_by,
        action="webhook.subscription_created",
        target=subscription,
        changes={"url": url, "event_types": event_types},
    )
    return subscription


@transaction.atomic
def webhook_subscription_update(*, subscription: WebhookSubscription, data: dict, updated_by) -> WebhookSubscription:
    changes = model_update(instance=subscription, fields=["name", "url", "event_types", "active"], data=data)
    if data.get("rotate_secret"):
        subscription.secret = secrets.token_urlsafe(32)
        subscription.save(update_fields=["secret", "updated_at"])
        changes["secret"] = ["(rotated)", "(rotated)"]
    if changes:
        audit_record(actor=updated_by, action="webhook.subscription_updated", target=subscription, changes=changes)
    return subscription


@transaction.atomic
def webhook_subscription_delete(*, subscription: WebhookSubscription, deleted_by) -> None:
    audit_record(actor=deleted_by, action="webhook.subscription_deleted", target=subscription)
    subscription.delete()


@transaction.atomic
def webhook_replay(*, subscription: WebhookSubscription, since: int, replayed_by) -> int:
    """Queue again every wanted event after `since` (in order), delivered or not."""
    now = timezone.now()
    events = OutboxEvent.objects.filter(id__gt=since).order_by("id")
    deliveries = [
        WebhookDelivery(
            subscription=subscription,
            event=event,
            ordering_key=webhooks.ordering_key(event),
            next_attempt_at=now,
            replay=True,
        )
        for event in events.iterator(chunk_size=1000)
        if subscription.wants(event.type)
    ]
    WebhookDelivery.objects.bulk_create(deliveries, batch_size=1000)
    audit_record(
        actor=replayed_by,
        action="webhook.replayed",
        target=subscription,
        changes={"since": since, "queued": len(deliveries)},
    )
    enqueue_on_commit(task_by_name(WEBHOOKS_DELIVER), str(subscription.pk))
    return len(deliveries)
