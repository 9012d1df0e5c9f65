"""The event registry: how one app's change reaches the others without either importing the other.

A service changes its own aggregate, writes its history and audit entry, and calls `emit()` once:

    emit("claim.status_changed", data, audience, context={"claim": claim, "before": ..., "after": ...})

That writes one outbox event (`services.publish`: the WebSocket stream and the webhooks read it)
and runs every handler subscribed to the type. Consumers subscribe in their AppConfig.ready():

    events.subscribe("claim.status_changed", rollups.on_claim_event, phase=events.IN_TRANSACTION)

Phases:
- IN_TRANSACTION: called inside emit(), in the publisher's transaction (and under its row locks).
  For read models that must stay exactly equal to the raw rows (the dashboard rollups). An
  exception rolls the whole change back. Keep them to a few indexed writes.
- AFTER_COMMIT: called once the publisher's transaction commits (never if it rolls back), in the
  same process: notifications, alerts, the enrichment's scheduling. The handler runs in a
  transaction of its own; a failure is logged and does not touch the change or other handlers
  (under tests it is raised, so a broken handler fails its test).
- TASK: a background task (`realtime.tasks.event_handle`) after commit, with the stored event only
  (`event.context` is empty): for slow work that may retry (analytics, provider calls).

`event.data` is what the outbox stores and the audience receives; `event.context` holds what the
publisher hands its in-process subscribers and must never be sent (model instances, the facts
before and after the change, staff-only figures).
"""

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from django.conf import settings
from django.db import transaction

from insurehub.core.tasks import enqueue_by_name
from insurehub.realtime.models import OutboxEvent
from insurehub.realtime.services import publish

logger = logging.getLogger(__name__)

IN_TRANSACTION = "in_transaction"
AFTER_COMMIT = "after_commit"
TASK = "task"
PHASES = (IN_TRANSACTION, AFTER_COMMIT, TASK)
EVENT_HANDLE_TASK = "insurehub.realtime.tasks.event_handle"


@dataclass(frozen=True)
class Event:
    type: str
    data: Mapping[str, Any]
    id: int | None = None
    context: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


Handler = Callable[[Event], None]


@dataclass(frozen=True)
class Notice:
    """What one person is to be told about a change, in words (the publishing app knows the words;
    the notifications app, subscribed to every event, delivers them after the commit by each
    person's channels and preferences)."""

    recipient: Any
    topic: str
    kind: str
    title: str
    body: str = ""
    link: str = ""


@dataclass(frozen=True)
class Subscription:
    event_type: str
    handler: Handler
    phase: str

    @property
    def name(self) -> str:
        return handler_name(self.handler)


_subscriptions: dict[str, list[Subscription]] = {}


def handler_name(handler: Handler) -> str:
    return f"{handler.__module__}.{handler.__qualname__}"


def subscribe(event_type: str, handler: Handler, *, phase: str = AFTER_COMMIT) -> Handler:
    """Run `handler(event)` for every event of `event_type` (an exact type, or a prefix such as
    "claim.*"). Registering the same handler for the same type twice keeps one."""
    if phase not in PHASES:
        raise ValueError(f"phase must be one of {PHASES}, not {phase!r}")
    registered = _subscriptions.setdefault(event_type, [])
    if not any(s.handler is handler or s.name == handler_name(handler) for s in registered):
        registered.append(Subscription(event_type=event_type, handler=handler, phase=phase))
    return handler


def subscriptions(event_type: str) -> list[Subscription]:
    """The handlers an event of `event_type` runs, exact subscriptions first, in registration order."""
    found = list(_subscriptions.get(event_type, ()))
    for pattern, subs in _subscriptions.items():
        if pattern.endswith("*") and event_type.startswith(pattern[:-1]):
            found.extend(subs)
    return found


def registry() -> dict[str, list[Subscription]]:
    """Every subscription by event type (for the docs and the tests)."""
    return {event_type: list(subs) for event_type, subs in sorted(_subscriptions.items())}


def emit(
    type: str,
    data: dict,
    audience: Iterable[str],
    *,
    context: Mapping[str, Any] | None = None,
    notices: Iterable[Notice] = (),
) -> OutboxEvent:
    """Write the outbox event of one change and run its subscribers (see the module docstring).
    Call it inside the service's transaction, after the change is saved. `notices` (people to tell)
    travel in the context as `notices`."""
    stored = publish(type, data, audience)
    context = {**(context or {}), "notices": tuple(notices)}
    event = Event(type=type, data=stored.data, id=stored.id, context=MappingProxyType(context))
    for subscription in subscriptions(type):
        if subscription.phase == IN_TRANSACTION:
            subscription.handler(event)
        elif subscription.phase == AFTER_COMMIT:
            transaction.on_commit(lambda s=subscription: _run_after_commit(s, event))
        else:
            transaction.on_commit(lambda s=subscription: enqueue_by_name(EVENT_HANDLE_TASK, stored.id, s.name))
    return stored


def _run_after_commit(subscription: Subscription, event: Event) -> None:
    try:
        with transaction.atomic():
            subscription.handler(event)
    except Exception:
        if settings.TESTING:
            raise
        logger.exception(
            "event handler %s failed on %s #%s",
            subscription.name,
            event.type,
            event.id,
            extra={"event_id": event.id, "handler": subscription.name},
        )


def handle_stored(*, event_id: int, handler: str) -> bool:
    """Run the TASK-phase handler called `handler` on the stored event `event_id` (the task's body).
    False when the event or the handler is gone."""
    stored = OutboxEvent.objects.filter(pk=event_id).first()
    if stored is None:
        return False
    for subscription in subscriptions(stored.type):
        if subscription.phase == TASK and subscription.name == handler:
            with transaction.atomic():
                subscription.handler(Event(type=stored.type, data=stored.data, id=stored.id))
            return True
    logger.warning("no task handler %s for %s #%s", handler, stored.type, stored.id)
    return False
