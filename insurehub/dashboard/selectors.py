"""Dashboard figures, read from the rollups (a handful of small queries whatever the number of
claims) and scoped to what the caller may see:
  admin       every department (or ?department=)
  supervisor  their department
  agent       their department (their own queue is listed separately)
  assessor    their own work: computed from the claims assigned to them (a small set)
"""

import statistics
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, F, Func, IntegerField, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.alerts.selectors import alerts_all
from insurehub.assessments.models import Assessment
from insurehub.claims.api.serializers import ClaimListSerializer
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimStatus, Priority
from insurehub.claims.selectors import claim_rows, claims_visible_to
from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.core.roles import Role
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
GENERATION_KEY = "dashboard:generation"
AGING_BUCKETS = [("0-7", 0, 7), ("8-14", 8, 14), ("15-30", 15, 30), ("30+", 31, None)]
MAX_RANGE_DAYS = 366


@dataclass(frozen=True)
class Scope:
    departments: tuple[str, ...] | None  # None: every department
    assessor_id: object = None  # set: only this assessor's claims (raw, small)
    start: date = None
    end: date = None  # inclusive

    @property
    def key(self) -> str:
        return f"{self.departments}|{self.assessor_id}|{self.start}|{self.end}"

    @property
    def previous(self) -> "Scope":
        length = (self.end - self.start).days + 1
        return Scope(
            self.departments, self.assessor_id, self.start - timedelta(days=length), self.start - timedelta(days=1)
        )


def scope_for(user, *, department: str | None, start: date | None, end: date | None) -> Scope:
    today = timezone.localdate()
    end = end or today
    start = start or end - timedelta(days=29)
    if start > end:
        raise ApplicationError(
            "bad_range",
            "`from` must not be after `to`.",
            errors=[{"field": "from", "message": "After `to`.", "code": "invalid"}],
        )
    if (end - start).days >= MAX_RANGE_DAYS:
        raise ApplicationError(
            "bad_range",
            f"A range may span at most {MAX_RANGE_DAYS} days.",
            errors=[{"field": "from", "message": "Range too long.", "code": "invalid"}],
        )
    if user.role == Role.ADMIN:
        return Scope((department,) if department else None, None, start, end)
    if user.role == Role.ASSESSOR:
        return Scope(None, user.pk, start, end)
    if department and department != user.department:
        raise ApplicationError("not_your_department", "You see your own department's figures.", status=403)
    return Scope((user.department,), None, start, end)


def _filter(queryset, scope: Scope, field: str = "department"):
    return queryset if scope.departments is None else queryset.filter(**{f"{field}__in": scope.departments})


def forget_cached_figures() -> None:
    """Start a new cache generation: every cached answer computed before now is ignored.

    Called after each commit that changes claims or assessments (receivers.py), so a client that
    refetches on the change's live event gets the new figures, not an answer up to
    DASHBOARD_CACHE_SECONDS old. Figures that move with the clock alone (SLA breaches, "today")
    may still be that old; the KPI answer says when it was computed (`as_of`)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _cached(kind: str, scope: Scope, compute):
    seconds = settings.DASHBOARD_CACHE_SECONDS
    if not seconds:
        return compute()
    key = f"dashboard:{kind}:{cache.get(GENERATION_KEY, '0')}:{scope.key}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def _median_days(rows: list[tuple[int, int]]) -> float | None:
    total = sum(count for _, count in rows)
    if not total:
        return None
    expanded_mid = [(total + 1) / 2] if total % 2 else [total / 2, total / 2 + 1]
    values, seen = [], 0
    for days, count in sorted(rows):
        for position in expanded_mid:
            if seen < position <= seen + count:
                values.append(days)
        seen += count
    return float(statistics.mean(values))


DAILY_FIELDS = ("submitted", "approved", "rejected", "settled", "settled_amount", "cycle_seconds_total")


def _window(days: dict, first: date, last: date) -> dict:
    """The daily rollups' sums over the days first..last."""
    totals = dict.fromkeys(DAILY_FIELDS, 0)
    for day, values in days.items():
        if first <= day <= last:
            for field, value in zip(DAILY_FIELDS, values, strict=True):
                totals[field] += value or 0
    return totals


def _period(daily: dict, cycle_rows: list[tuple[int, int]]) -> dict:
    decided = daily["approved"] + daily["rejected"]
    settled = daily["settled"]
    return {
        "new_claims": daily["submitted"],
        "settled_claims": settled,
        "settled_amount": str(money(daily["settled_amount"] or ZERO)),
        "mean_cycle_days": round(daily["cycle_seconds_total"] / settled / 86400, 2) if settled else None,
        "median_cycle_days": _median_days(cycle_rows),
        "approval_rate": round(daily["approved"] / decided, 4) if decided else None,
        "rejection_rate": round(daily["rejected"] / decided, 4) if decided else None,
    }


def _daily_figures(scope: Scope) -> dict:
    """The period, the previous period, this month and the last 1/7/30 days, from the daily
    rollups in two queries: one row per day of the span they cover (summed over the scope's
    departments; at most 2 x 366 + 31 rows), then the cycle-time rows with a conditional sum per
    period. Cheaper to build than one query with twenty conditional sums, and as small to read."""
    today = timezone.localdate()
    previous = scope.previous
    month_start = today.replace(day=1)
    first = min(previous.start, month_start, today - timedelta(days=29))
    last = max(scope.end, today)
    days = {
        day: values
        for day, *values in _filter(DailyClaimRollup.objects.filter(day__gte=first, day__lte=last), scope)
        .values_list("day")
        .annotate(*(Sum(field) for field in DAILY_FIELDS))
        .order_by()
    }
    cycle = list(
        _filter(CycleTimeRollup.objects.filter(day__gte=previous.start, day__lte=scope.end), scope)
        .values_list("cycle_days")
        .annotate(
            cur=Sum("count", filter=Q(day__gte=scope.start, day__lte=scope.end)),
            prev=Sum("count", filter=Q(day__gte=previous.start, day__lte=previous.end)),
        )
        .order_by()
    )
    new = {n: _window(days, today - timedelta(days=n - 1), today)["submitted"] for n in (1, 7, 30)}
    return {
        "period": _period(_window(days, scope.start, scope.end), [(d, n) for d, n, _ in cycle if n]),
        "previous_period": _period(_window(days, previous.start, previous.end), [(d, n) for d, _, n in cycle if n]),
        "settled_amount_this_month": str(money(_window(days, month_start, today)["settled_amount"] or ZERO)),
        "new_claims": {"today": new[1], "7_days": new[7], "30_days": new[30]},
    }


def _count_of(queryset) -> Subquery:
    """`queryset.count()` as a scalar subquery (COUNT without a GROUP BY), to read inside another query."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())


def _sla_breaches(scope: Scope) -> int:
    """Open claims past their SLA: the rollup's days before today plus today's raw count (on
    claims_open_sla), in one query."""
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    today_passed = _filter(
        Claim.objects.filter(status__in=OPEN_STATUSES, sla_due_at__gte=midnight, sla_due_at__lt=timezone.now()), scope
    )
    earlier = _filter(OpenClaimSlaRollup.objects.filter(day__lt=today), scope)
    total = earlier.aggregate(n=Coalesce(Sum("count"), 0) + Coalesce(_count_of(today_passed), 0))["n"]
    return total


def _assessments(scope: Scope) -> dict:
    rows = Assessment.objects.filter(status="in_progress")
    if scope.assessor_id:
        rows = rows.filter(assessor_id=scope.assessor_id)
    elif scope.departments is not None:
        rows = rows.filter(department__in=scope.departments)
    figures = rows.aggregate(n=Count("*"), mean=Avg("completion_percentage"))  # from the covering index
    return {
        "in_progress": figures["n"],
        "mean_completion": round(figures["mean"], 1) if figures["mean"] is not None else None,
    }


def _assessor_cells(scope: Scope) -> list[tuple[str, str, int, Decimal]]:
    """An assessor's claims per status and priority (count, estimates) from their rollup cells."""
    return list(
        AssessorClaimRollup.objects.filter(assessor_id=scope.assessor_id, count__gt=0).values_list(
            "status", "priority", "count", "estimated_total"
        )
    )


def _assessor_days(scope: Scope, kinds: tuple[str, ...], since: date | None = None) -> list[tuple[str, date, int]]:
    rows = AssessorDayRollup.objects.filter(assessor_id=scope.assessor_id, kind__in=kinds, count__gt=0)
    if since is not None:
        rows = rows.filter(day__gte=since)
    return list(rows.values_list("kind", "day", "count"))


def _assessor_kpis(scope: Scope) -> dict:
    """An assessor's own figures from their rollups (AssessorClaimRollup, AssessorDayRollup: a few
    hundred rows whatever they hold), their open claims past SLA today counted on the queue's
    partial index (claims_assessor_queue: today's slice of it)."""
    now = timezone.now()
    today = timezone.localdate()
    by_status: dict[str, int] = {}
    by_priority: dict[str, int] = {}
    open_count = 0
    exposure = ZERO
    for status, priority, n, estimated in _assessor_cells(scope):
        by_status[status] = by_status.get(status, 0) + n
        if status in OPEN_STATUSES:
            by_priority[priority] = by_priority.get(priority, 0) + n
            open_count += n
            exposure += estimated
    breached = assigned = 0
    for kind, day, n in _assessor_days(scope, (AssessorDayRollup.Kind.CREATED, AssessorDayRollup.Kind.OPEN_SLA)):
        if kind == AssessorDayRollup.Kind.OPEN_SLA:
            breached += n if day < today else 0
        elif scope.start <= day <= scope.end:
            assigned += n
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    breached += Claim.objects.filter(
        assigned_assessor_id=scope.assessor_id, status__in=OPEN_STATUSES, sla_due_at__gte=midnight, sla_due_at__lt=now
    ).count()
    return {
        "as_of": now,
        "currency": settings.DEFAULT_CURRENCY,
        "open_claims": open_count,
        "claims_by_status": by_status,
        "claims_by_priority": by_priority,
        "sla_breaches_open": breached,
        "estimated_exposure": str(money(exposure)),
        "assigned_in_period": assigned,
        "assessments": _assessments(scope),
    }


def kpis(scope: Scope) -> dict:
    def compute():
        if scope.assessor_id:
            return _assessor_kpis(scope)
        cells = list(
            _filter(ClaimRollup.objects.all(), scope).values(
                "status", "priority", "count", "estimated_total", "reserve_open_total"
            )
        )
        by_status: dict[str, int] = {}
        by_priority: dict[str, int] = {}
        exposure, reserves = ZERO, ZERO
        open_count = 0
        for cell in cells:
            by_status[cell["status"]] = by_status.get(cell["status"], 0) + cell["count"]
            if cell["status"] in OPEN_STATUSES:
                open_count += cell["count"]
                by_priority[cell["priority"]] = by_priority.get(cell["priority"], 0) + cell["count"]
                exposure += cell["estimated_total"]
                reserves += cell["reserve_open_total"]
        daily = _daily_figures(scope)
        return {
            "as_of": timezone.now(),
            "currency": settings.DEFAULT_CURRENCY,
            "range": {"from": scope.start, "to": scope.end, "departments": scope.departments},
            "open_claims": open_count,
            "new_claims": daily["new_claims"],
            "claims_by_status": by_status,
            "claims_by_priority": by_priority,
            "sla_breaches_open": _sla_breaches(scope),
            "estimated_exposure": str(money(exposure)),
            "open_reserves": str(money(reserves)),
            "settled_amount_this_month": daily["settled_amount_this_month"],
            "period": daily["period"],
            "previous_period": daily["previous_period"],
            "assessments": _assessments(scope),
        }

    return _cached("kpi", scope, compute)


def queue_page(user, size: int = 20):
    """The ids of the caller's open assigned claims, earliest SLA first, read on their own column
    through its partial index (claims_agent_queue, claims_assessor_queue). The services assign
    agents and supervisors only as a claim's agent and assessors only as its assessor
    (claims/services/assignment.py), so one column gives what an OR over both gave, without the OR
    that made PostgreSQL gather and sort every open claim of both columns. Chosen on the claims
    table alone: the visibility rule's OR and the five joins of a list row neither steer the index
    choice nor cost the planner (an assigned claim is always visible to its assignee)."""
    own = "assigned_assessor" if user.role == Role.ASSESSOR else "assigned_agent"
    rows = Claim.objects.filter(**{own: user}, status__in=OPEN_STATUSES)
    return rows.order_by("sla_due_at", "created_at").values_list("pk", flat=True)[:size]


def recent_page(scope: Scope, user, size: int = 20):
    """The ids of the claims changed last in scope: an assessor's on claims_assessor_recent, the
    others' newest first on claims_recently_updated (stopping after a page)."""
    if scope.assessor_id:
        newest = Claim.objects.filter(assigned_assessor=user)  # all an assessor sees (assignment.py)
    else:
        newest = _filter(claims_visible_to(user), scope)
    return newest.order_by("-updated_at").values_list("pk", flat=True)[:size]


def _list_rows(user, *pages: list) -> list[list[dict]]:
    """The list rows of several pages of claim ids, read in one query (the list row's joins and
    annotations built once), each page in its own order."""
    wanted = {pk for page in pages for pk in page}
    rows = {row["id"]: row for row in claim_rows(user).filter(pk__in=wanted)} if wanted else {}
    return [[rows[pk] for pk in page if pk in rows] for page in pages]


def _aging(age_rows: list[tuple[int, int]]) -> dict[str, int]:
    """(age in days, open claims) rows summed into the aging buckets."""
    aging = {name: 0 for name, _, _ in AGING_BUCKETS}
    for age, count in age_rows:
        for name, low, high in AGING_BUCKETS:
            if age >= low and (high is None or age <= high):
                aging[name] += count
                break
    return aging


def _assessor_matrix_and_aging(scope: Scope) -> tuple[list[tuple[str, str, int]], dict[str, int]]:
    """An assessor's claims per status and priority and their open ones per aging bucket, from their
    rollups (two small reads, however many claims they hold)."""
    today = timezone.localdate()
    cells = [(status, priority, n) for status, priority, n, _ in _assessor_cells(scope)]
    days = _assessor_days(scope, (AssessorDayRollup.Kind.OPEN_SUBMITTED,))
    return cells, _aging([((today - day).days, n) for _, day, n in days])


def claims_overview(scope: Scope, user) -> dict:
    def compute():
        matrix = {status: {p: 0 for p in Priority.values} for status in ClaimStatus.values}
        if scope.assessor_id:
            cells, aging = _assessor_matrix_and_aging(scope)
            for status, priority, n in cells:
                matrix[status][priority] += n
            return {"status_priority_matrix": matrix, "aging": aging}
        matrix_rows = (
            _filter(ClaimRollup.objects.filter(count__gt=0), scope)
            .values("status", "priority")
            .annotate(count=Sum("count"))
        )
        for row in matrix_rows:
            matrix[row["status"]][row["priority"]] += row["count"]
        today = timezone.localdate()
        age_rows = [
            ((today - r["day"]).days, r["n"])
            for r in _filter(OpenClaimAgeRollup.objects.filter(count__gt=0), scope)
            .values("day")
            .annotate(n=Sum("count"))
        ]
        return {"status_priority_matrix": matrix, "aging": _aging(age_rows)}

    overview = dict(_cached("claims", scope, compute))
    queue, recent = _list_rows(user, list(queue_page(user)), list(recent_page(scope, user)))
    overview["my_queue"] = ClaimListSerializer(queue, many=True).data
    overview["recently_changed"] = ClaimListSerializer(recent, many=True).data
    return overview


def alerts_visible_to(user):
    # The claim's sealed columns (description, address) are not shown: not read, not decrypted.
    queryset = (
        alerts_all().select_related("claim", "acknowledged_by").defer("claim__description", "claim__incident_address")
    )
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.role == Role.ADMIN:
        return queryset
    visible_claims = claims_visible_to(user).values("pk")
    condition = Q(claim__in=visible_claims)
    if user.role in (Role.AGENT, Role.SUPERVISOR) and user.department:
        condition |= Q(claim__isnull=True, department=user.department)
    return queryset.filter(condition)


def open_alerts_by_severity(user, *, department: str | None = None) -> dict:
    """The open alerts the caller may see, counted per severity (every severity named, zeros
    included); `department` narrows them to one department's."""
    rows = alerts_visible_to(user).filter(status=Alert.Status.OPEN)
    if department:
        rows = rows.filter(department=department)
    counts = dict(rows.order_by().values_list("severity").annotate(n=Count("id")))
    by_severity = {severity: counts.get(severity, 0) for severity in Alert.Severity.values}
    return {"open": sum(by_severity.values()), "by_severity": by_severity}


def assessments_overview(scope: Scope) -> dict:
    rows = Assessment.objects.all()
    if scope.assessor_id:
        rows = rows.filter(assessor_id=scope.assessor_id)
    elif scope.departments is not None:
        rows = rows.filter(department__in=scope.departments)
    by_status = dict(rows.values_list("status").annotate(n=Count("id")))
    now = timezone.now()
    overdue = (
        rows.filter(status="scheduled", scheduled_at__lt=now).count()
        if any(f.name == "scheduled_at" for f in Assessment._meta.get_fields())
        else 0
    )
    buckets = {"0-25": 0, "26-50": 0, "51-75": 0, "76-100": 0}
    for row in rows.filter(status="in_progress").values("completion_percentage").annotate(n=Count("id")):
        value = row["completion_percentage"] or 0
        name = "0-25" if value <= 25 else "26-50" if value <= 50 else "51-75" if value <= 75 else "76-100"
        buckets[name] += row["n"]
    load = list(
        rows.filter(status__in=["scheduled", "in_progress"])
        .values("assessor", "assessor__email", "assessor__name")
        .annotate(open=Count("id"))
        .order_by("-open", "assessor__name", "assessor__email")
    )
    return {
        "available": True,
        "by_status": by_status,
        "overdue": overdue,
        "completion_distribution": buckets,
        "assessor_load": [
            {"assessor": r["assessor"], "name": r["assessor__name"], "email": r["assessor__email"], "open": r["open"]}
            for r in load
        ],
    }


def daily_trend(scope: Scope) -> dict:
    """Claims filed and settled (count and amount) on each day of the range, zeros included, so a
    chart's x axis is the range itself. Read from the daily rollups; an assessor's from their claims."""

    def compute():
        days = {
            scope.start + timedelta(days=n): {"new": 0, "settled": 0, "settled_amount": ZERO}
            for n in range((scope.end - scope.start).days + 1)
        }
        if scope.assessor_id:
            mine = Claim.objects.filter(assigned_assessor_id=scope.assessor_id)
            start = timezone.make_aware(datetime.combine(scope.start, time.min))
            end = timezone.make_aware(datetime.combine(scope.end + timedelta(days=1), time.min))
            for field, key in (("submitted_at", "new"), ("settled_at", "settled")):
                rows = (
                    mine.filter(**{f"{field}__gte": start, f"{field}__lt": end})
                    .annotate(day=TruncDate(field))
                    .values("day")
                    .annotate(n=Count("id"), amount=Sum("approved_amount"))
                )
                for row in rows:
                    days[row["day"]][key] += row["n"]
                    if key == "settled":
                        days[row["day"]]["settled_amount"] += row["amount"] or ZERO
        else:
            rows = (
                _filter(DailyClaimRollup.objects.filter(day__gte=scope.start, day__lte=scope.end), scope)
                .values("day")
                .annotate(new=Sum("submitted"), settled=Sum("settled"), settled_amount=Sum("settled_amount"))
            )
            for row in rows:
                days[row["day"]] = {
                    "new": row["new"] or 0,
                    "settled": row["settled"] or 0,
                    "settled_amount": row["settled_amount"] or ZERO,
                }
        return {
            "range": {"from": scope.start, "to": scope.end, "departments": scope.departments},
            "currency": settings.DEFAULT_CURRENCY,
            "days": [
                {
                    "day": day,
                    "new": v["new"],
                    "settled": v["settled"],
                    "settled_amount": str(money(v["settled_amount"])),
                }
                for day, v in sorted(days.items())
            ],
        }

    return _cached("trend", scope, compute)
