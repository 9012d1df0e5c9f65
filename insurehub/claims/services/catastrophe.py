"""Claims and catastrophe events (the catastrophes app holds the events; claims point at them).

A claim is tagged with an event automatically when it is filed inside an open event's area and
window (`claim_tag_on_filing`, from claim_create), and when an event is declared or its area or
window changes (`claims_tag_for_event`, a background job over the claims already filed, in batches);
staff tag or untag one by hand with a reason (`claim_set_catastrophe`). A claim a person untagged is
never tagged again automatically (`catastrophe_untagged`). Each tag or untag writes the claim's
catastrophe history (its timeline), an audit entry and one `claim.updated` event.

When a claim is tagged its event's rules apply, if the claim is open: the event's SLA (`sla_hours`
from filing) replaces the priority's; a claim with no agent goes to the least-loaded agent or
supervisor of the event's desk; a claim estimated below the event's `fast_track_limit` (same
currency) is fast-tracked: marked `catastrophe_fast_track` and, if it has no assessor, given to the
least-loaded certified assessor of the desk, whose queue is the desk assessment (the workflow's
moves stay with people: the state machine needs a person for each)."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.catastrophes.models import CatastropheEvent, EventStatus
from insurehub.catastrophes.selectors import events_covering, events_covering_among, events_open
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    OPEN_STATUSES,
    CatastropheTagging,
    Claim,
    ClaimAssignment,
    ClaimCatastropheChange,
)
from insurehub.claims.permissions import can_manage_claims, require, required_certification
from insurehub.claims.services.assignment import _assign
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.claims.services.sla import sla_due
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.core.tasks import enqueue_by_name
from insurehub.realtime.events import Event, Notice
from insurehub.users.models import User

logger = logging.getLogger(__name__)

TAG_BATCH = 500
# Batches one run of the job handles before it hands the rest to a new run (a task's time limit).
BATCHES_PER_RUN = 20


def _desk_member(event: CatastropheEvent, claim: Claim, *, assessor: bool) -> User | None:
    """The least-loaded active member of the event's desk who may take the claim: an agent or
    supervisor of its department, or (assessor=True) an assessor certified for it."""
    relation = "claims_as_assessor" if assessor else "claims_as_agent"
    members = event.desk.filter(is_active=True, department=claim.department)
    if assessor:
        members = members.filter(role=Role.ASSESSOR, certification_level__gte=required_certification(claim))
    else:
        members = members.filter(role__in=(Role.AGENT, Role.SUPERVISOR))
    return (
        members.annotate(load=Count(relation, filter=Q(**{f"{relation}__status__in": OPEN_STATUSES})))
        .order_by("load", "created_at")
        .first()
    )


def fast_tracked(claim: Claim, event: CatastropheEvent) -> bool:
    return (
        event.fast_track_limit is not None
        and claim.estimated_cost is not None
        and claim.currency == event.currency
        and claim.estimated_cost < event.fast_track_limit
    )


def _apply_rules(claim: Claim, event: CatastropheEvent, *, by) -> list[Notice]:
    """The event's rules on a claim just tagged (under its lock); the caller saves the claim."""
    if claim.status not in OPEN_STATUSES:
        return []
    told: list[Notice] = []
    reason = f"catastrophe desk: {event.code}"
    if event.sla_hours and claim.submitted_at is not None:
        claim.sla_due_at = claim.submitted_at + timedelta(hours=event.sla_hours)
    if claim.assigned_agent_id is None and (agent := _desk_member(event, claim, assessor=False)) is not None:
        told += _assign(claim, role=ClaimAssignment.Role.AGENT, user=agent, by=by, automatic=True, reason=reason)
    if fast_tracked(claim, event):
        claim.catastrophe_fast_track = True
        if claim.assigned_assessor_id is None and (assessor := _desk_member(event, claim, assessor=True)) is not None:
            told += _assign(
                claim,
                role=ClaimAssignment.Role.ASSESSOR,
                user=assessor,
                by=by,
                automatic=True,
                reason=f"{reason} (fast track, below {event.fast_track_limit} {event.currency})",
            )
    return told


def _set(claim: Claim, event: CatastropheEvent | None, *, actor, automatic: bool, reason: str) -> Claim:
    """Tag (event) or untag (None) a locked claim: history, rules, audit entry, one event."""
    before = facts_of(claim)
    previous = claim.catastrophe
    now = timezone.now()
    claim.catastrophe = event
    told: list[Notice] = []
    if event is not None:
        claim.catastrophe_tagging = CatastropheTagging.AUTO if automatic else CatastropheTagging.MANUAL
        claim.catastrophe_untagged = False
        told = _apply_rules(claim, event, by=actor)
    else:
        claim.catastrophe_tagging = ""
        claim.catastrophe_untagged = not automatic
        claim.catastrophe_fast_track = False
        if claim.status in OPEN_STATUSES and claim.submitted_at is not None:
            claim.sla_due_at = sla_due(claim)  # the priority's SLA again
    ClaimCatastropheChange.objects.create(
        claim=claim,
        event=event,
        previous_event=previous,
        automatic=automatic,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
        at=now,
    )
    if not automatic:
        claim.last_activity_at = now
    claim.save()
    audit_record(
        actor=actor,
        action="claim.catastrophe_tagged" if event is not None else "claim.catastrophe_untagged",
        target=claim,
        changes={
            "catastrophe": [previous.code if previous else None, event.code if event else None],
            "automatic": automatic,
            "reason": reason,
            "fast_track": claim.catastrophe_fast_track,
        },
    )
    _event(
        claim,
        "claim.updated",
        changed=["catastrophe"],
        catastrophe=_ref(event),
        notices=told,
        context={"before": before, "after": facts_of(claim), "actor": actor},
    )
    return claim


def _ref(event: CatastropheEvent | None) -> dict | None:
    return None if event is None else {"id": str(event.pk), "code": event.code, "name": event.name}


# department -> its open events, while a batch of filings runs under `open_events_read_once`.
_open_events: ContextVar[dict[str, list[CatastropheEvent]] | None] = ContextVar("claims_open_events", default=None)


@contextmanager
def open_events_read_once() -> Iterator[None]:
    """For a batch of filings in one transaction (bulk intake's): inside the block the open events
    of a department are read once, by the first claim filed in it, and each claim is tested against
    them in Python (the same tests as `events_covering`), instead of one query per claim. An event
    declared while the batch runs tags its claims through `claims_tag_for_event`, as it tags those
    filed just before it."""
    token = _open_events.set({})
    try:
        yield
    finally:
        _open_events.reset(token)


def claim_tag_on_filing(claim: Claim, *, filed_by) -> Claim:
    """Called by claim_create in its transaction: the open event of the claim's department whose
    area and window hold the incident (the latest started, when several do) tags the claim."""
    if claim.incident_latitude is None or claim.incident_longitude is None:
        return claim
    read_once = _open_events.get()
    if read_once is None:
        covering = events_covering(
            claim.incident_latitude, claim.incident_longitude, claim.incident_date, department=claim.department
        )
    else:
        if claim.department not in read_once:
            read_once[claim.department] = events_open(department=claim.department)
        covering = events_covering_among(
            read_once[claim.department], claim.incident_latitude, claim.incident_longitude, claim.incident_date
        )
    if not covering:
        return claim
    return _set(claim, covering[0], actor=filed_by, automatic=True, reason="filed inside the event's area")


def claim_retag_after_move(claim: Claim, *, moved_by) -> Claim:
    """Called by claim_update in its transaction when the locked claim's incident place or time
    changed: an automatic tag the incident has left is taken off (or moved to the open event that
    now covers it), and an untagged claim is tagged with the event that now covers it. A tag a
    person chose stays, and a claim a person untagged is never tagged automatically."""
    if claim.catastrophe_untagged or (claim.catastrophe_id and claim.catastrophe_tagging != CatastropheTagging.AUTO):
        return claim
    covering: list[CatastropheEvent] = []
    if claim.incident_latitude is not None and claim.incident_longitude is not None:
        covering = events_covering(
            claim.incident_latitude, claim.incident_longitude, claim.incident_date, department=claim.department
        )
    if claim.catastrophe_id is not None and any(event.pk == claim.catastrophe_id for event in covering):
        return claim  # still inside its event
    if covering:
        return _set(claim, covering[0], actor=moved_by, automatic=True, reason="the incident's place now in its area")
    if claim.catastrophe_id is not None:
        return _set(claim, None, actor=moved_by, automatic=True, reason="the incident's place left the event's area")
    return claim


@transaction.atomic
def claim_set_catastrophe(*, claim: Claim, event: CatastropheEvent | None, actor: User, reason: str) -> Claim:
    """Tag a claim with an event, move it to another, or untag it (event=None), by hand with a
    reason. An untagged claim is never tagged again automatically; tagging it by hand again is."""
    require(can_manage_claims(actor, claim), "Agents, supervisors and admins tag claims with events.")
    if not reason.strip():
        raise ApplicationError(
            "reason_required",
            "Say why the claim is tagged or untagged.",
            errors=[{"field": "reason", "message": "Required.", "code": "required"}],
        )
    claim = _lock(claim)
    if event is not None:
        if event.department != claim.department:
            raise ApplicationError(
                "other_department",
                f"{event.code} is an event of the {event.department} department; the claim is {claim.department}'s.",
                errors=[{"field": "event", "message": "Another department's event.", "code": "invalid"}],
            )
        if event.status != EventStatus.OPEN:
            raise ApplicationError(
                "event_closed", f"{event.code} is closed; claims are no longer tagged with it.", status=409
            )
    if claim.catastrophe_id == (event.pk if event else None):
        return claim
    return _set(claim, event, actor=actor, automatic=False, reason=reason)


def claims_tag_for_event(*, event_id, after=None, batches: int = BATCHES_PER_RUN, batch_size: int = TAG_BATCH) -> dict:
    """Tag the claims already filed inside an open event's area and window: those of its department,
    untagged, never untagged by a person. The bounding box in SQL, the exact test in Python; at most
    `batch_size` claims a batch, each batch its own transaction, in id order. Idempotent (a tagged
    claim no longer matches) and resumable: the answer's `after` is where a next run starts
    (None when done)."""
    event = CatastropheEvent.objects.filter(pk=event_id).first()
    result: dict = {"tagged": 0, "scanned": 0, "after": None}
    if event is None or event.status != EventStatus.OPEN:
        return result
    candidates = Claim.objects.filter(
        department=event.department,
        catastrophe__isnull=True,
        catastrophe_untagged=False,
        incident_latitude__gte=event.min_latitude,
        incident_latitude__lte=event.max_latitude,
        incident_longitude__gte=event.min_longitude,
        incident_longitude__lte=event.max_longitude,
        incident_date__gte=event.starts_at,
    )
    if event.ends_at is not None:
        candidates = candidates.filter(incident_date__lte=event.ends_at)
    cursor = after
    for _ in range(batches):
        page = candidates.order_by("pk")
        if cursor is not None:
            page = page.filter(pk__gt=cursor)
        rows = list(page.values_list("pk", "incident_latitude", "incident_longitude")[:batch_size])
        if not rows:
            return result
        cursor = rows[-1][0]
        result["scanned"] += len(rows)
        inside = [
            pk for pk, lat, lon in rows if lat is not None and lon is not None and event.covers(float(lat), float(lon))
        ]
        if inside:
            result["tagged"] += _tag_batch(event_id=event.pk, claim_ids=inside)
    result["after"] = str(cursor)  # more may remain: the caller runs again from here
    return result


# claims/tasks.py imports the services: its task is named here, not imported.
TAG_FOR_EVENT_TASK = "insurehub.claims.tasks.tag_claims_for_catastrophe"


def on_catastrophe_scope(event: Event) -> None:
    """After an event is declared, or its area or window changed: tag the claims it now covers, in
    the background (subscribed in ClaimsConfig.ready())."""
    if event.type == "catastrophe.updated" and not event.data.get("scope_changed"):
        return
    event_id = event.data["event_id"]
    transaction.on_commit(lambda: enqueue_by_name(TAG_FOR_EVENT_TASK, event_id))


@transaction.atomic
def _tag_batch(*, event_id, claim_ids: list) -> int:
    event = CatastropheEvent.objects.get(pk=event_id)
    if event.status != EventStatus.OPEN:
        return 0
    tagged = 0
    for pk in sorted(claim_ids):  # the claims' lock order: by primary key
        claim = _lock(Claim(pk=pk))
        if claim.catastrophe_id is not None or claim.catastrophe_untagged:
            continue  # tagged or untagged by someone since the scan
        _set(claim, event, actor=None, automatic=True, reason=f"inside {event.code}'s area when declared or changed")
        tagged += 1
    return tagged
