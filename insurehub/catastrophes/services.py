"""Every write to catastrophe events: declare, update, close. Each is one transaction that validates
the event (full_clean: the area, the window, the rules), records an audit entry and emits one event
(`catastrophe.declared`, `catastrophe.updated`, `catastrophe.closed`) to every staff socket. The
claims app subscribes to the first two and tags the claims inside the area (claims/catastrophe.py)."""

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.catastrophes.models import CatastropheEvent, EventStatus
from insurehub.catastrophes.permissions import (
    DESK_ROLES,
    can_declare_catastrophe,
    can_manage_catastrophe,
    catastrophe_audience,
    require,
)
from insurehub.catastrophes.selectors import catastrophe_for_update
from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.core.numbering import next_number
from insurehub.core.services import model_update
from insurehub.realtime.events import emit
from insurehub.users.models import User

CIRCLE_FIELDS = ("centre_latitude", "centre_longitude", "radius_km")
AREA_FIELDS = (*CIRCLE_FIELDS, "polygon")
# Changing one of these may bring other claims inside the event: the claims app tags again.
SCOPE_FIELDS = frozenset({*AREA_FIELDS, "starts_at", "ends_at"})
EDITABLE = [
    "name",
    "peril",
    "description",
    *AREA_FIELDS,
    "starts_at",
    "ends_at",
    "sla_hours",
    "fast_track_limit",
    "currency",
]


def _desk_members(users: Iterable[User], *, department: str) -> list[User]:
    members = list(users)
    for user in members:
        if user.role not in DESK_ROLES or user.department != department or not user.is_active:
            raise ApplicationError(
                "invalid_desk_member",
                "The desk holds active agents, assessors and supervisors of the event's department.",
                errors=[
                    {"field": "desk", "message": f"{user.email} cannot take this event's claims.", "code": "invalid"}
                ],
            )
    return members


def _payload(event: CatastropheEvent, **more) -> dict:
    return {
        "event_id": str(event.pk),
        "code": event.code,
        "name": event.name,
        "peril": event.peril,
        "department": event.department,
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        **more,
    }


@transaction.atomic
def catastrophe_declare(
    *,
    declared_by: User,
    name: str,
    peril: str,
    department: str,
    starts_at,
    ends_at=None,
    centre_latitude: Decimal | None = None,
    centre_longitude: Decimal | None = None,
    radius_km: Decimal | None = None,
    polygon: list | None = None,
    description: str = "",
    sla_hours: int | None = None,
    fast_track_limit: Decimal | None = None,
    currency: str = "KES",
    desk: Iterable[User] = (),
) -> CatastropheEvent:
    """Declare an event over an area and a time window. The claims app then tags the claims
    already filed there (a background job, after the commit)."""
    require(
        can_declare_catastrophe(declared_by, department),
        "Supervisors declare events of their own department; admins of any.",
    )
    members = _desk_members(desk, department=department)
    event = CatastropheEvent(
        code=next_number(prefix="CAT", year=timezone.now().year, width=4),
        name=name,
        peril=peril,
        department=department,
        description=description,
        centre_latitude=centre_latitude,
        centre_longitude=centre_longitude,
        radius_km=radius_km,
        polygon=polygon,
        starts_at=starts_at,
        ends_at=ends_at,
        declared_by=declared_by,
        sla_hours=sla_hours,
        fast_track_limit=money(fast_track_limit) if fast_track_limit is not None else None,
        currency=currency,
    )
    event.full_clean()
    event.save()
    event.desk.set(members)
    audit_record(
        actor=declared_by,
        action="catastrophe.declared",
        target=event,
        changes={
            "code": event.code,
            "peril": peril,
            "department": department,
            "area": "polygon" if polygon is not None else "circle",
            "desk": sorted(str(user.pk) for user in members),
        },
    )
    emit(
        "catastrophe.declared",
        _payload(event),
        catastrophe_audience(event),
        context={"event": event, "actor": declared_by},
    )
    return event


@transaction.atomic
def catastrophe_update(
    *, event: CatastropheEvent, data: dict, updated_by: User, desk: Iterable[User] | None = None
) -> CatastropheEvent:
    """Edit an open event. Giving the area in one form clears the other (a polygon replaces a
    circle, and back). A changed area or window tags the claims it now covers (claims already
    tagged stay tagged: untag them by hand)."""
    event = catastrophe_for_update(event)
    require(can_manage_catastrophe(updated_by, event), "Supervisors edit events of their own department; admins any.")
    if event.status == EventStatus.CLOSED:
        raise ApplicationError("event_closed", f"{event.code} is closed; it can no longer be edited.", status=409)
    data = dict(data)
    if data.get("polygon") is not None:
        data.update({name: data.get(name) for name in CIRCLE_FIELDS})
    elif any(data.get(name) is not None for name in CIRCLE_FIELDS):
        data.setdefault("polygon", None)
    if data.get("fast_track_limit") is not None:
        data["fast_track_limit"] = money(data["fast_track_limit"])
    changes = model_update(instance=event, fields=EDITABLE, data=data)
    if desk is not None:
        members = _desk_members(desk, department=event.department)
        before = sorted(str(pk) for pk in event.desk.values_list("pk", flat=True))
        after = sorted(str(user.pk) for user in members)
        if before != after:
            event.desk.set(members)
            changes["desk"] = [before, after]
    if not changes:
        return event
    audit_record(actor=updated_by, action="catastrophe.updated", target=event, changes=changes)
    emit(
        "catastrophe.updated",
        _payload(event, changed=sorted(changes), scope_changed=bool(SCOPE_FIELDS & set(changes))),
        catastrophe_audience(event),
        context={"event": event, "actor": updated_by},
    )
    return event


@transaction.atomic
def catastrophe_close(*, event: CatastropheEvent, closed_by: User, reason: str = "") -> CatastropheEvent:
    """Close an event: no claim is tagged with it any more (by filing or by the job); those tagged
    keep their tag and their rules. An event still going on ends now."""
    event = catastrophe_for_update(event)
    require(can_manage_catastrophe(closed_by, event), "Supervisors close events of their own department; admins any.")
    if event.status == EventStatus.CLOSED:
        raise ApplicationError("event_closed", f"{event.code} is already closed.", status=409)
    now = timezone.now()
    event.status = EventStatus.CLOSED
    event.closed_at = now
    event.closed_by = closed_by
    if event.ends_at is None:
        event.ends_at = max(now, event.starts_at + timedelta(seconds=1))
    event.full_clean()
    event.save()
    audit_record(
        actor=closed_by,
        action="catastrophe.closed",
        target=event,
        changes={"status": [EventStatus.OPEN, EventStatus.CLOSED], "reason": reason},
    )
    emit(
        "catastrophe.closed",
        _payload(event, closed_at=now, reason=reason),
        catastrophe_audience(event),
        context={"event": event, "actor": closed_by},
    )
    return event
