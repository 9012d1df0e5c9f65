"""Reading catastrophe events: what a caller may see, and which open events cover a place and time."""

from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet

from insurehub.catastrophes.models import CatastropheEvent, EventStatus
from insurehub.catastrophes.permissions import CATASTROPHE_ACCESS
from insurehub.core.access import restrict
from insurehub.users.models import User


def catastrophes_visible_to(user) -> QuerySet[CatastropheEvent]:
    desk = User.objects.only("id", "name", "email", "role").order_by("name", "email")
    return (
        restrict(CatastropheEvent.objects.all(), user, CATASTROPHE_ACCESS)
        .select_related("declared_by", "closed_by")
        .prefetch_related(Prefetch("desk", queryset=desk))
    )


def events_covering(
    lat: Decimal | float, lon: Decimal | float, at: datetime, *, department: str | None = None
) -> list[CatastropheEvent]:
    """The open events whose area holds the point and whose window holds `at` (of `department`
    when given), latest started first: the bounding box in SQL, then the exact test in Python."""
    lat_d, lon_d = Decimal(str(lat)), Decimal(str(lon))
    candidates = CatastropheEvent.objects.filter(
        Q(ends_at__isnull=True) | Q(ends_at__gte=at),
        status=EventStatus.OPEN,
        starts_at__lte=at,
        min_latitude__lte=lat_d,
        max_latitude__gte=lat_d,
        min_longitude__lte=lon_d,
        max_longitude__gte=lon_d,
    ).order_by("-starts_at", "-id")
    if department is not None:
        candidates = candidates.filter(department=department)
    return [event for event in candidates if event.covers(float(lat_d), float(lon_d))]


def events_open(*, department: str) -> list[CatastropheEvent]:
    """The open events of a department, latest started first (the candidates `events_covering`
    picks from), for callers testing many points at once with `events_covering_among`."""
    return list(
        CatastropheEvent.objects.filter(status=EventStatus.OPEN, department=department).order_by("-starts_at", "-id")
    )


def events_covering_among(
    events: list[CatastropheEvent], lat: Decimal | float, lon: Decimal | float, at: datetime
) -> list[CatastropheEvent]:
    """`events_covering` over events already read (e.g. `events_open`): the same tests, in Python."""
    lat_d, lon_d = Decimal(str(lat)), Decimal(str(lon))
    return [
        event
        for event in events
        if event.status == EventStatus.OPEN
        and event.starts_at <= at
        and (event.ends_at is None or event.ends_at >= at)
        and event.min_latitude <= lat_d <= event.max_latitude
        and event.min_longitude <= lon_d <= event.max_longitude
        and event.covers(float(lat_d), float(lon_d))
    ]


def catastrophe_for_update(event: CatastropheEvent) -> CatastropheEvent:
    """The event's row, locked (edits and closing queue behind each other)."""
    # FOR NO KEY UPDATE: claims pointing at the event (their foreign-key checks) are not held up.
    return CatastropheEvent.objects.select_for_update(no_key=True, of=("self",)).get(pk=event.pk)
