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
from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import TruncDate
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


def _period_figures(scope: Scope) -> dict:
    daily = _filter(DailyClaimRollup.objects.filter(day__gte=scope.start, day__lte=scope.end), scope).aggregate(
        submitted=Sum("submitted"),
        approved=Sum("approved"),
        rejected=Sum("rejected"),
        settled=Sum("settled"),
        settled_amount=Sum("settled_amount"),
        cycle=Sum("cycle_seconds_total"),
    )
    cycle_rows = list(
        _filter(CycleTimeRollup.objects.filter(day__gte=scope.start, day__lte=scope.end), scope)
        .values_list("cycle_days")
        .annotate(n=Sum("count"))
    )
    decided = (daily["approved"] or 0) + (daily["rejected"] or 0)
    settled = daily["settled"] or 0
    return {
        "new_claims": daily["submitted"] or 0,
        "settled_claims": settled,
        "settled_amount": str(money(daily["settled_amount"] or ZERO)),
        "mean_cycle_days": round((daily["cycle"] or 0) / settled / 86400, 2) if settled else None,
        "median_cycle_days": _median_days(cycle_rows),
        "approval_rate": round((daily["approved"] or 0) / decided, 4) if decided else None,
        "rejection_rate": round((daily["rejected"] or 0) / decided, 4) if decided else None,
    }


def _new_since(scope: Scope, days: int) -> int:
    today = timezone.localdate()
    qs = _filter(DailyClaimRollup.objects.filter(day__gt=today - timedelta(days=days), day__lte=today), scope)
    return qs.aggregate(n=Sum("submitted"))["n"] or 0


def _sla_breaches(scope: Scope) -> int:
    today = timezone.localdate()
    earlier = _filter(OpenClaimSlaRollup.objects.filter(day__lt=today), scope).aggregate(n=Sum("count"))["n"] or 0
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    today_passed = _filter(
        Claim.objects.filter(status__in=OPEN_STATUSES, sla_due_at__gte=midnight, sla_due_at__lt=timezone.now()), scope
    ).count()
    return earlier + today_passed


def _assessments(scope: Scope) -> dict:
    rows = Assessment.objects.filter(status="in_progress")
    if scope.assessor_id:
        rows = rows.filter(assessor_id=scope.assessor_id)
    elif scope.departments is not None:
        rows = rows.filter(claim__department__in=scope.departments)
    figures = rows.aggregate(n=Count("id"), mean=Avg("completion_percentage"))
    return {
        "in_progress": figures["n"],
        "mean_completion": round(figures["mean"], 1) if figures["mean"] is not None else None,
    }


def _assessor_kpis(scope: Scope) -> dict:
    """An assessor's own figures from their (few) claims."""
    mine = Claim.objects.filter(assigned_assessor_id=scope.assessor_id)
    open_rows = mine.filter(status__in=OPEN_STATUSES)
    by_status = dict(mine.values_list("status").annotate(n=Count("id")))
    by_priority = dict(open_rows.values_list("priority").annotate(n=Count("id")))
    start = timezone.make_aware(datetime.combine(scope.start, time.min))
    end = timezone.make_aware(datetime.combine(scope.end + timedelta(days=1), time.min))
    return {
        "as_of": timezone.now(),
        "currency": settings.DEFAULT_CURRENCY,
        "open_claims": open_rows.count(),
        "claims_by_status": by_status,
        "claims_by_priority": by_priority,
        "sla_breaches_open": open_rows.filter(sla_due_at__lt=timezone.now()).count(),
        "estimated_exposure": str(money(open_rows.aggregate(s=Sum("estimated_cost"))["s"] or ZERO)),
        "assigned_in_period": mine.filter(created_at__gte=start, created_at__lt=end).count(),
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
        month_start = timezone.localdate().replace(day=1)
        month = Scope(scope.departments, None, month_start, timezone.localdate())
        current, previous = _period_figures(scope), _period_figures(scope.previous)
        return {
            "as_of": timezone.now(),
            "currency": settings.DEFAULT_CURRENCY,
            "range": {"from": scope.start, "to": scope.end, "departments": scope.departments},
            "open_claims": open_count,
            "new_claims": {
                "today": _new_since(scope, 1),
                "7_days": _new_since(scope, 7),
                "30_days": _new_since(scope, 30),
            },
            "claims_by_status": by_status,
            "claims_by_priority": by_priority,
            "sla_breaches_open": _sla_breaches(scope),
            "estimated_exposure": str(money(exposure)),
            "open_reserves": str(money(reserves)),
            "settled_amount_this_month": _period_figures(month)["settled_amount"],
            "period": current,
            "previous_period": previous,
            "assessments": _assessments(scope),
        }

    return _cached("kpi", scope, compute)


def claims_overview(scope: Scope, user) -> dict:
    def compute():
        if scope.assessor_id:
            matrix_rows = (
                Claim.objects.filter(assigned_assessor_id=scope.assessor_id)
                .values("status", "priority")
                .annotate(count=Count("id"))
            )
        else:
            matrix_rows = (
                _filter(ClaimRollup.objects.filter(count__gt=0), scope)
                .values("status", "priority")
                .annotate(count=Sum("count"))
            )
        matrix = {status: {p: 0 for p in Priority.values} for status in ClaimStatus.values}
        for row in matrix_rows:
            matrix[row["status"]][row["priority"]] += row["count"]
        today = timezone.localdate()
        aging = {name: 0 for name, _, _ in AGING_BUCKETS}
        if scope.assessor_id:
            days = [
                (today - timezone.localdate(c.submitted_at)).days
                for c in Claim.objects.filter(
                    assigned_assessor_id=scope.assessor_id, status__in=OPEN_STATUSES, submitted_at__isnull=False
                ).only("submitted_at")
            ]
            age_rows = [(d, 1) for d in days]
        else:
            age_rows = [
                ((today - r["day"]).days, r["n"])
                for r in _filter(OpenClaimAgeRollup.objects.filter(count__gt=0), scope)
                .values("day")
                .annotate(n=Sum("count"))
            ]
        for age, count in age_rows:
            for name, low, high in AGING_BUCKETS:
                if age >= low and (high is None or age <= high):
                    aging[name] += count
                    break
        return {"status_priority_matrix": matrix, "aging": aging}

    overview = dict(_cached("claims", scope, compute))
    mine = Q(assigned_agent=user) | Q(assigned_assessor=user)
    queue = claim_rows(user).filter(mine, status__in=OPEN_STATUSES).order_by("sla_due_at", "created_at")[:20]
    recent = claim_rows(user)
    if scope.departments is not None and not scope.assessor_id:
        recent = recent.filter(department__in=scope.departments)
    overview["my_queue"] = ClaimListSerializer(queue, many=True).data
    overview["recently_changed"] = ClaimListSerializer(recent.order_by("-updated_at")[:20], many=True).data
    return overview


def alerts_visible_to(user):
    queryset = alerts_all().select_related("claim", "acknowledged_by")
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
        rows = rows.filter(claim__department__in=scope.departments)
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
