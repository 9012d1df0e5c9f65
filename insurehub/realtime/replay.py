"""Replaying missed events to a reconnecting socket (`?since=<event id>`)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone

from insurehub.realtime.models import OutboxEvent


@dataclass
class ReplayResult:
    events: list[dict] = field(default_factory=list)
    error: str = ""
    truncated: str = ""
    oldest_id: int | None = None


def events_since(*, since: int, until: int, groups: frozenset[str]) -> ReplayResult:
    """Events in (since, until] addressed to any of `groups`, oldest first, from the replay
    window only and at most REALTIME_REPLAY_MAX_EVENTS of them. `until` is the socket's stream
    position when it attached: every id up to it is final, later ones come live."""
    if since < 0:
        return ReplayResult(error="`since` must not be negative.")
    window_start = timezone.now() - timedelta(hours=settings.REALTIME_REPLAY_WINDOW_HOURS)
    bounds = OutboxEvent.objects.aggregate(newest=Max("id"))
    newest = bounds["newest"] or 0
    if since > newest:
        return ReplayResult(error=f"Event {since} does not exist yet (the newest is {newest}).")
    in_window = OutboxEvent.objects.filter(occurred_at__gte=window_start)
    oldest = in_window.aggregate(oldest=Min("id"))["oldest"]
    result = ReplayResult(oldest_id=oldest)
    if oldest is not None and since < oldest - 1:
        result.truncated = (
            f"Events before {oldest} are older than the replay window "
            f"({settings.REALTIME_REPLAY_WINDOW_HOURS} h); reload the data instead of replaying them."
        )
    limit = settings.REALTIME_REPLAY_MAX_EVENTS
    candidates = in_window.filter(id__gt=since, id__lte=until).order_by("id")
    for event in candidates.iterator(chunk_size=500):
        if groups.intersection(event.audience):
            result.events.append(event.envelope())
            if len(result.events) >= limit:
                result.truncated = f"More than {limit} events were missed; reload the data."
                break
    return result
