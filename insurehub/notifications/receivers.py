"""Delivering what events say people are to be told (subscribed to every event type in
NotificationsConfig.ready()). The publishing app words each notice (realtime.events.Notice); this
app picks the channels by each person's preferences, after the change has committed."""

from insurehub.notifications.services import notify
from insurehub.realtime import events


def deliver_notices(event: events.Event) -> None:
    for notice in event.context.get("notices", ()):
        notify(
            recipient=notice.recipient,
            topic=notice.topic,
            kind=notice.kind,
            title=notice.title,
            body=notice.body,
            link=notice.link,
        )


def subscribe() -> None:
    events.subscribe("*", deliver_notices, phase=events.AFTER_COMMIT)
