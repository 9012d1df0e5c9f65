"""What payments does when a policy moves (subscribed in PaymentsConfig.ready()): an accepted quote
gets its instalments in the same transaction, so a policy awaiting payment always has them; a
cancelled policy gets its pro-rata refund asked for in the same transaction."""

from insurehub.payments.services import cancellation_refunds_request, schedule_create
from insurehub.realtime import events


def policy_moved(event: events.Event) -> None:
    if event.context.get("action") == "accepted":
        schedule_create(policy=event.context["policy"], created_by=event.context["actor"])
    elif event.context.get("action") == "cancelled":
        cancellation_refunds_request(policy=event.context["policy"], requested_by=event.context["actor"])


def subscribe() -> None:
    events.subscribe("policy.status_changed", policy_moved, phase=events.IN_TRANSACTION)
