"""Dashboard rollups, kept in the same transaction as every claim change.

Counting over a million raw claim rows costs 100-300 ms on PostgreSQL whatever the index, so
the dashboard reads small tables instead:
  ClaimRollup          count and sums per department x status x priority
  OpenClaimAgeRollup   open claims per department x priority x submission day (aging buckets)
  OpenClaimSlaRollup   open claims per department x SLA due day (breaches)
  DailyClaimRollup     per department and day: submitted, approved, rejected, settled (+amount, cycle time)
  CycleTimeRollup      settled claims per department x day x cycle length in days (medians)
  AssessorClaimRollup  an assessor's claims per status x priority (count, estimates)
  AssessorDayRollup    an assessor's claims per day: created; open by submission day; open by SLA day

Every claim event carries the claim's facts before and after the change (claims/facts.py) in its
context; `on_claim_event`, subscribed in the claim's own transaction (receivers.py), moves the
counts from the old cell to the new one and records the day's submissions, decisions and
settlements. `rebuild()` recomputes all of it from the raw tables and `verify()` reports any
difference (a test keeps them equal).
"""

from collections import defaultdict
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Sum

from insurehub.claims.facts import ClaimFacts, day_of
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimSettlement, ClaimStatus, ClaimStatusHistory, Reserve
from insurehub.dashboard.models import (
    AssessorClaimRollup,
    AssessorDayRollup,
    ClaimRollup,
    CycleTimeRollup,
    DailyClaimRollup,
    OpenClaimAgeRollup,
    OpenClaimSlaRollup,
)

ZERO = Decimal("0")
MODELS = (
    ClaimRollup,
    OpenClaimAgeRollup,
    OpenClaimSlaRollup,
    DailyClaimRollup,
    CycleTimeRollup,
    AssessorClaimRollup,
    AssessorDayRollup,
)
TABLES = [model._meta.db_table for model in MODELS]


_day = day_of


def _bump(model, keys: dict, deltas: dict) -> None:
    deltas = {field: value for field, value in deltas.items() if value}
    if not deltas:
        return
    updated = model.objects.filter(**keys).update(**{f: F(f) + v for f, v in deltas.items()})
    if updated:
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **deltas)
    except IntegrityError:  # created by a concurrent transaction in the meantime
        model.objects.filter(**keys).update(**{f: F(f) + v for f, v in deltas.items()})


def _cells(facts: ClaimFacts, sign: int) -> list[tuple]:
    cells = [
        (
            ClaimRollup,
            {"department": facts.department, "status": facts.status, "priority": facts.priority},
            {"count": sign, "estimated_total": sign * facts.estimated, "reserve_open_total": sign * facts.reserve_open},
        )
    ]
    if facts.is_open and facts.submitted_day:
        cells.append(
            (
                OpenClaimAgeRollup,
                {"department": facts.department, "priority": facts.priority, "day": facts.submitted_day},
                {"count": sign},
            )
        )
    if facts.is_open and facts.sla_day:
        cells.append((OpenClaimSlaRollup, {"department": facts.department, "day": facts.sla_day}, {"count": sign}))
    if facts.assessor_id:
        cells += _assessor_cells(facts, sign)
    return cells


def _assessor_cells(facts: ClaimFacts, sign: int) -> list[tuple]:
    assessor = facts.assessor_id
    cells = [
        (
            AssessorClaimRollup,
            {"assessor_id": assessor, "status": facts.status, "priority": facts.priority},
            {"count": sign, "estimated_total": sign * facts.estimated},
        )
    ]
    days = [(AssessorDayRollup.Kind.CREATED, facts.created_day)]
    if facts.is_open:
        days += [
            (AssessorDayRollup.Kind.OPEN_SUBMITTED, facts.submitted_day),
            (AssessorDayRollup.Kind.OPEN_SLA, facts.sla_day),
        ]
    for kind, day in days:
        if day:
            cells.append((AssessorDayRollup, {"assessor_id": assessor, "kind": kind, "day": day}, {"count": sign}))
    return cells


def claim_changed(*, before: ClaimFacts | None, after: ClaimFacts | None) -> None:
    """Move the claim's counts from its old cells to its new ones. The cells are counters shared by
    every claim of a department: they are updated in one order (table, then key), whatever the
    change, so two claims moving in opposite directions (normal -> high and high -> normal) never
    lock the same two cells in opposite orders (a deadlock)."""
    if before == after:
        return
    merged: dict[tuple, dict] = {}
    for facts, sign in ((before, -1), (after, +1)):
        for model, keys, deltas in _cells(facts, sign) if facts is not None else []:
            key = (model.__name__, tuple(sorted((k, str(v)) for k, v in keys.items())))
            total = merged.setdefault(key, {"model": model, "keys": keys, "deltas": defaultdict(int)})["deltas"]
            for field, value in deltas.items():
                total[field] += value
    for key in sorted(merged):
        _bump(merged[key]["model"], merged[key]["keys"], dict(merged[key]["deltas"]))


def record_submitted(claim) -> None:
    _bump(DailyClaimRollup, {"department": claim.department, "day": _day(claim.submitted_at)}, {"submitted": 1})


def record_decision(claim, *, approved: bool, at) -> None:
    field = "approved" if approved else "rejected"
    _bump(DailyClaimRollup, {"department": claim.department, "day": _day(at)}, {field: 1})


def record_settled(claim, *, amount: Decimal) -> None:
    seconds = int((claim.settled_at - claim.submitted_at).total_seconds()) if claim.submitted_at else 0
    day = _day(claim.settled_at)
    _bump(
        DailyClaimRollup,
        {"department": claim.department, "day": day},
        {"settled": 1, "settled_amount": amount, "cycle_seconds_total": seconds},
    )
    _bump(
        CycleTimeRollup,
        {"department": claim.department, "day": day, "cycle_days": max(0, seconds // 86400)},
        {"count": 1},
    )


def on_claim_event(event) -> None:
    """In the claim's transaction: the event's context holds `claim`, `before` (None for a new
    claim) and `after`; `settled_amount` when the change paid a settlement."""
    context = event.context
    if "after" not in context:  # a message, a settlement decision: nothing counted changed
        return
    claim, before, after = context["claim"], context.get("before"), context["after"]
    claim_changed(before=before, after=after)
    entered = after.status if before is None or before.status != after.status else None
    if entered == ClaimStatus.SUBMITTED:
        record_submitted(claim)
    elif entered in (ClaimStatus.APPROVED, ClaimStatus.REJECTED):
        record_decision(claim, approved=entered == ClaimStatus.APPROVED, at=claim.last_activity_at)
    if "settled_amount" in context:
        record_settled(claim, amount=context["settled_amount"])


# --- rebuilding and verifying ------------------------------------------------------------


def _raw() -> dict[str, dict]:
    """Every rollup's content, recomputed from the raw tables, as {table: {key: values}}."""
    expected: dict[str, dict] = {
        name: {} for name in ("cells", "age", "sla", "daily", "cycle", "assessor_cells", "assessor_days")
    }
    reserve_open: dict = defaultdict(lambda: ZERO)
    for row in (
        Reserve.objects.filter(closed_at__isnull=True)
        .values("claim_id")
        .annotate(amount=Sum("amount"), paid=Sum("paid"))
    ):
        reserve_open[row["claim_id"]] = (row["amount"] or ZERO) - (row["paid"] or ZERO)
    cells: dict = defaultdict(lambda: [0, ZERO, ZERO])
    age: dict = defaultdict(int)
    sla: dict = defaultdict(int)
    assessor_cells: dict = defaultdict(lambda: [0, ZERO])
    assessor_days: dict = defaultdict(int)
    for claim in Claim.objects.only(
        "id", "department", "status", "priority", "estimated_cost", "submitted_at", "sla_due_at",
        "assigned_assessor_id", "created_at",
    ).iterator(chunk_size=5000):  # fmt: skip
        cell = cells[(claim.department, claim.status, claim.priority)]
        cell[0] += 1
        cell[1] += claim.estimated_cost or ZERO
        cell[2] += reserve_open[claim.pk]
        is_open = claim.status in OPEN_STATUSES
        if is_open:
            if claim.submitted_at:
                age[(claim.department, claim.priority, _day(claim.submitted_at))] += 1
            if claim.sla_due_at:
                sla[(claim.department, _day(claim.sla_due_at))] += 1
        if assessor := claim.assigned_assessor_id:
            mine = assessor_cells[(assessor, claim.status, claim.priority)]
            mine[0] += 1
            mine[1] += claim.estimated_cost or ZERO
            assessor_days[(assessor, "created", _day(claim.created_at))] += 1
            if is_open and claim.submitted_at:
                assessor_days[(assessor, "open_submitted", _day(claim.submitted_at))] += 1
            if is_open and claim.sla_due_at:
                assessor_days[(assessor, "open_sla", _day(claim.sla_due_at))] += 1
    expected["assessor_cells"] = {k: tuple(v) for k, v in assessor_cells.items()}
    expected["assessor_days"] = dict(assessor_days)
    expected["cells"] = {k: tuple(v) for k, v in cells.items()}
    expected["age"] = dict(age)
    expected["sla"] = dict(sla)
    daily: dict = defaultdict(lambda: [0, 0, 0, 0, ZERO, 0])
    for claim in Claim.objects.filter(submitted_at__isnull=False).only("department", "submitted_at").iterator():
        daily[(claim.department, _day(claim.submitted_at))][0] += 1
    decided = ClaimStatusHistory.objects.filter(to_status__in=["approved", "rejected"]).select_related("claim")
    for entry in decided.only("at", "to_status", "claim__department"):  # no sealed column read
        daily[(entry.claim.department, _day(entry.at))][1 if entry.to_status == "approved" else 2] += 1
    cycle: dict = defaultdict(int)
    paid = (
        ClaimSettlement.objects.filter(status=ClaimSettlement.Status.PAID)
        .values("claim_id")
        .annotate(total=Sum("amount"))
    )
    paid_by_claim = {row["claim_id"]: row["total"] for row in paid}
    for claim in Claim.objects.filter(settled_at__isnull=False).only("id", "department", "submitted_at", "settled_at"):
        seconds = int((claim.settled_at - claim.submitted_at).total_seconds()) if claim.submitted_at else 0
        cell = daily[(claim.department, _day(claim.settled_at))]
        cell[3] += 1
        cell[4] += paid_by_claim.get(claim.pk, ZERO)
        cell[5] += seconds
        cycle[(claim.department, _day(claim.settled_at), max(0, seconds // 86400))] += 1
    expected["daily"] = {k: tuple(v) for k, v in daily.items()}
    expected["cycle"] = dict(cycle)
    return expected


def _stored() -> dict[str, dict]:
    return {
        "cells": {
            (r.department, r.status, r.priority): (r.count, r.estimated_total, r.reserve_open_total)
            for r in ClaimRollup.objects.all()
            if r.count or r.estimated_total or r.reserve_open_total
        },
        "age": {(r.department, r.priority, r.day): r.count for r in OpenClaimAgeRollup.objects.all() if r.count},
        "sla": {(r.department, r.day): r.count for r in OpenClaimSlaRollup.objects.all() if r.count},
        "daily": {
            (r.department, r.day): (
                r.submitted,
                r.approved,
                r.rejected,
                r.settled,
                r.settled_amount,
                r.cycle_seconds_total,
            )
            for r in DailyClaimRollup.objects.all()
            if r.submitted or r.approved or r.rejected or r.settled
        },
        "cycle": {(r.department, r.day, r.cycle_days): r.count for r in CycleTimeRollup.objects.all() if r.count},
        "assessor_cells": {
            (r.assessor_id, r.status, r.priority): (r.count, r.estimated_total)
            for r in AssessorClaimRollup.objects.all()
            if r.count or r.estimated_total
        },
        "assessor_days": {(r.assessor_id, r.kind, r.day): r.count for r in AssessorDayRollup.objects.all() if r.count},
    }


def verify() -> dict[str, list]:
    """Differences between the rollups and the raw tables ({} when they agree)."""
    expected, stored = _raw(), _stored()
    problems: dict[str, list] = {}
    for table in expected:
        keys = set(expected[table]) | set(stored[table])
        diffs = [
            {"key": [str(k) for k in key], "raw": str(expected[table].get(key)), "rollup": str(stored[table].get(key))}
            for key in sorted(keys, key=str)
            if expected[table].get(key) != stored[table].get(key)
        ]
        if diffs:
            problems[table] = diffs
    return problems


@transaction.atomic
def rebuild() -> dict[str, int]:
    expected = _raw()
    for model in MODELS:
        model.objects.all().delete()
    ClaimRollup.objects.bulk_create(
        ClaimRollup(department=d, status=s, priority=p, count=c, estimated_total=e, reserve_open_total=r)
        for (d, s, p), (c, e, r) in expected["cells"].items()
    )
    OpenClaimAgeRollup.objects.bulk_create(
        OpenClaimAgeRollup(department=d, priority=p, day=day, count=c) for (d, p, day), c in expected["age"].items()
    )
    OpenClaimSlaRollup.objects.bulk_create(
        OpenClaimSlaRollup(department=d, day=day, count=c) for (d, day), c in expected["sla"].items()
    )
    DailyClaimRollup.objects.bulk_create(
        DailyClaimRollup(
            department=d, day=day, submitted=v[0], approved=v[1], rejected=v[2], settled=v[3], settled_amount=v[4],
            cycle_seconds_total=v[5],
        )
        for (d, day), v in expected["daily"].items()
    )  # fmt: skip
    CycleTimeRollup.objects.bulk_create(
        CycleTimeRollup(department=d, day=day, cycle_days=n, count=c) for (d, day, n), c in expected["cycle"].items()
    )
    AssessorClaimRollup.objects.bulk_create(
        AssessorClaimRollup(assessor_id=a, status=s, priority=p, count=c, estimated_total=e)
        for (a, s, p), (c, e) in expected["assessor_cells"].items()
    )
    AssessorDayRollup.objects.bulk_create(
        AssessorDayRollup(assessor_id=a, kind=k, day=day, count=c)
        for (a, k, day), c in expected["assessor_days"].items()
    )
    return {name: len(rows) for name, rows in expected.items()}


@transaction.atomic
def rebuild_in_sql() -> dict[str, int]:
    """PostgreSQL: what rebuild() computes, in one INSERT ... SELECT ... GROUP BY statement per table (about
    ten seconds at 1,000,000 claims where rebuild() reads every claim into Python three times). Days
    are taken in settings.TIME_ZONE, as day_of() takes them; verify() compares the result with the
    raw tables (a test keeps them equal)."""
    from django.conf import settings
    from django.db import connection

    names = {
        "claim": Claim._meta.db_table,
        "reserve": Reserve._meta.db_table,
        "history": ClaimStatusHistory._meta.db_table,
        "settlement": ClaimSettlement._meta.db_table,
        "cells": ClaimRollup._meta.db_table,
        "age": OpenClaimAgeRollup._meta.db_table,
        "sla": OpenClaimSlaRollup._meta.db_table,
        "daily": DailyClaimRollup._meta.db_table,
        "cycle": CycleTimeRollup._meta.db_table,
        "assessor_cells": AssessorClaimRollup._meta.db_table,
        "assessor_days": AssessorDayRollup._meta.db_table,
    }
    tz, open_ = settings.TIME_ZONE, [str(s) for s in OPEN_STATUSES]
    statements = {
        "cells": (
            """INSERT INTO {cells} (department, status, priority, count, estimated_total, reserve_open_total)
               SELECT c.department, c.status, c.priority, count(*), coalesce(sum(c.estimated_cost), 0),
                      coalesce(sum(r.open), 0)
               FROM {claim} c LEFT JOIN (
                   SELECT claim_id, sum(amount) - sum(paid) AS open FROM {reserve} WHERE closed_at IS NULL
                   GROUP BY claim_id) r ON r.claim_id = c.id
               GROUP BY 1, 2, 3""",
            [],
        ),
        "age": (
            """INSERT INTO {age} (department, priority, day, count)
               SELECT department, priority, (submitted_at AT TIME ZONE %s)::date, count(*) FROM {claim}
               WHERE status = ANY(%s) AND submitted_at IS NOT NULL GROUP BY 1, 2, 3""",
            [tz, open_],
        ),
        "sla": (
            """INSERT INTO {sla} (department, day, count)
               SELECT department, (sla_due_at AT TIME ZONE %s)::date, count(*) FROM {claim}
               WHERE status = ANY(%s) AND sla_due_at IS NOT NULL GROUP BY 1, 2""",
            [tz, open_],
        ),
        "daily": (
            """INSERT INTO {daily} (department, day, submitted, approved, rejected, settled, settled_amount,
                                    cycle_seconds_total)
               SELECT department, day, sum(submitted), sum(approved), sum(rejected), sum(settled), sum(amount),
                      sum(seconds)
               FROM (
                   SELECT department, (submitted_at AT TIME ZONE %s)::date AS day, 1 AS submitted, 0 AS approved,
                          0 AS rejected, 0 AS settled, 0::numeric AS amount, 0::bigint AS seconds
                   FROM {claim} WHERE submitted_at IS NOT NULL
                   UNION ALL
                   SELECT c.department, (h.at AT TIME ZONE %s)::date, 0, (h.to_status = 'approved')::int,
                          (h.to_status = 'rejected')::int, 0, 0, 0
                   FROM {history} h JOIN {claim} c ON c.id = h.claim_id
                   WHERE h.to_status IN ('approved', 'rejected')
                   UNION ALL
                   SELECT c.department, (c.settled_at AT TIME ZONE %s)::date, 0, 0, 0, 1, coalesce(p.total, 0),
                          coalesce(trunc(extract(epoch FROM c.settled_at - c.submitted_at))::bigint, 0)
                   FROM {claim} c LEFT JOIN (
                       SELECT claim_id, sum(amount) AS total FROM {settlement} WHERE status = 'paid'
                       GROUP BY claim_id) p ON p.claim_id = c.id
                   WHERE c.settled_at IS NOT NULL
               ) s GROUP BY 1, 2""",
            [tz, tz, tz],
        ),
        "cycle": (
            """INSERT INTO {cycle} (department, day, cycle_days, count)
               SELECT department, (settled_at AT TIME ZONE %s)::date,
                      greatest(0, coalesce(trunc(extract(epoch FROM settled_at - submitted_at))::bigint, 0) / 86400),
                      count(*)
               FROM {claim} WHERE settled_at IS NOT NULL GROUP BY 1, 2, 3""",
            [tz],
        ),
        "assessor_cells": (
            """INSERT INTO {assessor_cells} (assessor_id, status, priority, count, estimated_total)
               SELECT assigned_assessor_id, status, priority, count(*), coalesce(sum(estimated_cost), 0)
               FROM {claim} WHERE assigned_assessor_id IS NOT NULL GROUP BY 1, 2, 3""",
            [],
        ),
        "assessor_days": (
            """INSERT INTO {assessor_days} (assessor_id, kind, day, count)
               SELECT assigned_assessor_id, kind, day, count(*) FROM (
                   SELECT assigned_assessor_id, 'created' AS kind, (created_at AT TIME ZONE %s)::date AS day
                   FROM {claim} WHERE assigned_assessor_id IS NOT NULL
                   UNION ALL
                   SELECT assigned_assessor_id, 'open_submitted', (submitted_at AT TIME ZONE %s)::date FROM {claim}
                   WHERE assigned_assessor_id IS NOT NULL AND status = ANY(%s) AND submitted_at IS NOT NULL
                   UNION ALL
                   SELECT assigned_assessor_id, 'open_sla', (sla_due_at AT TIME ZONE %s)::date FROM {claim}
                   WHERE assigned_assessor_id IS NOT NULL AND status = ANY(%s) AND sla_due_at IS NOT NULL
               ) d GROUP BY 1, 2, 3""",
            [tz, tz, open_, tz, open_],
        ),
    }
    counts = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608  # nosec B608
        for name, (sql, params) in statements.items():
            cursor.execute(sql.format(**names), params)
            counts[name] = cursor.rowcount
    return counts
