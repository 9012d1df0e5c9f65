"""Dashboard reads from rollups and one index each (issue #16 item 3): the queue reads the caller's
own column, the KPI a handful of queries with conditional aggregates; every answer equals a
straightforward reference query over the raw claims, for every role, at a constant query count."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Q, Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimStatus, Priority
from insurehub.claims.selectors import claims_visible_to
from insurehub.claims.services import claim_assign, claim_transition
from insurehub.claims.tests.factories import file_claim
from insurehub.core.roles import Role
from insurehub.core.testing import assert_constant_queries, client_for
from insurehub.dashboard.tests.test_dashboard import policy_for, settle
from insurehub.policies.models import PolicyCategory
from insurehub.policies.tests.factories import PolicyTypeFactory

pytestmark = pytest.mark.django_db

STAFF = ("agent", "agent_other_dept", "assessor", "assessor_other", "supervisor", "supervisor_other_dept", "admin")


def _desk(actors, *, n: int = 9) -> list[Claim]:
    """Claims in two departments, filed by agents and customers, assigned to assessors, some moved on,
    some settled, with SLA dates and submission days spread over the last 70 days."""
    agent, supervisor = actors["agent"], actors["supervisor"]
    motor = policy_for(actors["owner"])
    health_type = PolicyTypeFactory(category=PolicyCategory.objects.get(slug="health"), name="Family health")
    health = policy_for(actors["other_customer"], policy_type=health_type)
    claims = []
    for i in range(n):
        claim = file_claim(
            policy=motor,
            by=agent if i % 2 else None,
            estimated_cost=Decimal(5000 * (i + 1)),
            injury=i in (0, 6),  # level 3: the certified assessor (i % 3 == 0)
        )
        if i % 3 == 0:
            claim_assign(claim=claim, assigned_by=supervisor, assessor=actors["assessor"])
        elif i % 3 == 1:
            claim_assign(claim=claim, assigned_by=supervisor, agent=supervisor, assessor=actors["assessor_other"])
        if i % 5 == 1:
            claim_transition(claim=Claim.objects.get(pk=claim.pk), to_status="under_review", actor=agent)
        if i % 7 == 2:
            settle(Claim.objects.get(pk=claim.pk), agent=agent, supervisor=supervisor, amount=Decimal("3000"))
        claims.append(claim)
    claims.append(file_claim(policy=motor, by=agent))
    for i in range(3):
        claim = file_claim(policy=health, by=actors["agent_other_dept"])
        if i:
            claim_transition(claim=claim, to_status="under_review", actor=actors["agent_other_dept"])
        claims.append(claim)
    now = timezone.now()
    for i, claim in enumerate(claims):  # behind the services' back: dates spread, then the rollups rebuilt
        Claim.objects.filter(pk=claim.pk).update(
            submitted_at=now - datetime.timedelta(days=(i * 8) % 70),
            sla_due_at=now + datetime.timedelta(hours=(i * 37) % 200 - 100),
        )
    call_command("rebuild_dashboard_rollups")
    return claims


def _ids(rows) -> list[str]:
    return [str(row["id"]) for row in rows]


def _reference_queue(user) -> list[str]:
    mine = Q(assigned_agent=user) | Q(assigned_assessor=user)
    rows = claims_visible_to(user).filter(mine, status__in=OPEN_STATUSES).order_by("sla_due_at", "created_at")
    return [str(pk) for pk in rows.values_list("pk", flat=True)[:20]]


def _reference_recent(user) -> list[str]:
    rows = claims_visible_to(user)
    if user.role in (Role.AGENT, Role.SUPERVISOR):
        rows = rows.filter(department=user.department)
    return [str(pk) for pk in rows.order_by("-updated_at").values_list("pk", flat=True)[:20]]


def _scoped(user):
    rows = Claim.objects.all()
    if user.role == Role.ASSESSOR:
        return rows.filter(assigned_assessor=user)
    return rows if user.role == Role.ADMIN else rows.filter(department=user.department)


def _reference_matrix_and_aging(user) -> tuple[dict, dict]:
    matrix = {status: {p: 0 for p in Priority.values} for status in ClaimStatus.values}
    aging = {"0-7": 0, "8-14": 0, "15-30": 0, "30+": 0}
    today = timezone.localdate()
    for claim in _scoped(user):
        matrix[claim.status][claim.priority] += 1
        if claim.status in OPEN_STATUSES and claim.submitted_at:
            age = (today - timezone.localdate(claim.submitted_at)).days
            aging["0-7" if age <= 7 else "8-14" if age <= 14 else "15-30" if age <= 30 else "30+"] += 1
    return matrix, aging


def _reference_kpis(user) -> dict:
    """The KPI figures counted over the raw claims the caller's scope covers."""
    rows = _scoped(user)
    open_rows = rows.filter(status__in=OPEN_STATUSES)
    figures = {
        "open_claims": open_rows.count(),
        "claims_by_status": dict(rows.values_list("status").annotate(n=Count("id")).order_by()),
        "claims_by_priority": dict(open_rows.values_list("priority").annotate(n=Count("id")).order_by()),
        "sla_breaches_open": open_rows.filter(sla_due_at__lt=timezone.now()).count(),
        "estimated_exposure": f"{open_rows.aggregate(s=Sum('estimated_cost'))['s'] or 0:.2f}",
    }
    if user.role == Role.ASSESSOR:
        return figures
    today = timezone.localdate()

    def submitted_between(first, last):
        return sum(1 for c in rows.exclude(submitted_at=None) if first <= timezone.localdate(c.submitted_at) <= last)

    def settled_between(first, last):
        return sum(1 for c in rows.exclude(settled_at=None) if first <= timezone.localdate(c.settled_at) <= last)

    start = today - datetime.timedelta(days=29)
    previous = (start - datetime.timedelta(days=30), start - datetime.timedelta(days=1))
    return figures | {
        "new_claims": {
            "today": submitted_between(today, today),
            "7_days": submitted_between(today - datetime.timedelta(days=6), today),
            "30_days": submitted_between(start, today),
        },
        "period_new": submitted_between(start, today),
        "period_settled": settled_between(start, today),
        "previous_new": submitted_between(*previous),
    }


@pytest.mark.parametrize("role", STAFF)
def test_answers_equal_the_reference_queries_for_every_role(actors, role):
    _desk(actors)
    user = actors[role]
    client = client_for(user)
    overview = client.get("/api/dashboard/claims/").json()
    assert _ids(overview["my_queue"]) == _reference_queue(user)
    assert _ids(overview["recently_changed"]) == _reference_recent(user)
    matrix, aging = _reference_matrix_and_aging(user)
    assert overview["status_priority_matrix"] == matrix
    assert overview["aging"] == aging
    kpi = client.get("/api/dashboard/kpi/").json()
    expected = _reference_kpis(user)
    for key in ("open_claims", "claims_by_status", "claims_by_priority", "sla_breaches_open", "estimated_exposure"):
        assert kpi[key] == expected[key], key
    if user.role != Role.ASSESSOR:
        assert kpi["new_claims"] == expected["new_claims"]
        assert kpi["period"]["new_claims"] == expected["period_new"]
        assert kpi["period"]["settled_claims"] == expected["period_settled"]
        assert kpi["previous_period"]["new_claims"] == expected["previous_new"]


def test_the_queues_are_not_empty_where_work_is_assigned(actors):
    """The reference comparison above is not vacuous: each assignee has a queue, the supervisor
    their claims assigned as agent, and the agent's claims are theirs alone."""
    _desk(actors)
    for role in ("agent", "assessor", "assessor_other", "supervisor"):
        assert client_for(actors[role]).get("/api/dashboard/claims/").json()["my_queue"], role
    queue = client_for(actors["agent"]).get("/api/dashboard/claims/").json()["my_queue"]
    assert {row["assigned_agent"] for row in queue} == {str(actors["agent"].pk)}


def test_kpi_period_figures_from_conditional_sums(actors):
    """Settled amounts, cycle times and rates for the period and this month, as the services recorded them."""
    agent, supervisor = actors["agent"], actors["supervisor"]
    policy = policy_for(actors["owner"])
    for amount in ("40000", "10000"):
        settle(file_claim(policy=policy), agent=agent, supervisor=supervisor, amount=Decimal(amount))
    claim = file_claim(policy=policy)
    claim_transition(claim=claim, to_status="under_review", actor=agent)
    claim_transition(claim=Claim.objects.get(pk=claim.pk), to_status="rejected", actor=agent, reason="not covered")
    body = client_for(supervisor).get("/api/dashboard/kpi/").json()
    assert body["period"]["settled_claims"] == 2 and body["period"]["settled_amount"] == "50000.00"
    assert body["settled_amount_this_month"] == "50000.00"
    assert body["period"]["approval_rate"] == round(2 / 3, 4) and body["period"]["rejection_rate"] == round(1 / 3, 4)
    assert body["period"]["median_cycle_days"] == 0 and body["period"]["mean_cycle_days"] == 0
    assert body["previous_period"]["settled_claims"] == 0 and body["previous_period"]["median_cycle_days"] is None
    lastyear = client_for(supervisor).get("/api/dashboard/kpi/", {"from": "2025-01-01", "to": "2025-01-31"}).json()
    assert lastyear["period"]["settled_claims"] == 0 and lastyear["settled_amount_this_month"] == "50000.00"


@pytest.mark.parametrize("role", ("agent", "assessor", "supervisor", "admin"))
@pytest.mark.parametrize("url", ("/api/dashboard/kpi/", "/api/dashboard/claims/", "/api/dashboard/assessments/"))
def test_query_counts_are_constant(actors, role, url):
    policy = policy_for(actors["owner"])
    _desk(actors, n=3)

    def grow():
        for _ in range(4):
            claim = file_claim(policy=policy, by=actors["agent"])
            claim_assign(claim=claim, assigned_by=actors["supervisor"], assessor=actors["assessor"])

    budget = {"/api/dashboard/kpi/": 7, "/api/dashboard/claims/": 6, "/api/dashboard/assessments/": 5}[url]
    assert_constant_queries(client_for(actors[role]), url, grow=grow, max_queries=budget)


def test_kpi_is_five_queries_uncached_and_none_cached(actors, settings):
    """Cells, daily sums, cycle-time rows, SLA (rollup + today's raw count in one query), assessments;
    then the shared cache answers (a new generation after each claim change)."""
    file_claim(policy=policy_for(actors["owner"]))
    client = client_for(actors["supervisor"])
    client.get("/api/dashboard/kpi/")  # the signed-in user, kept by the process (users/auth_cache.py)
    with CaptureQueriesContext(connection) as uncached:
        assert client.get("/api/dashboard/kpi/").status_code == 200
    assert len(uncached) == 5, "\n".join(q["sql"] for q in uncached.captured_queries)
    settings.DASHBOARD_CACHE_SECONDS = 15
    client.get("/api/dashboard/kpi/")
    with CaptureQueriesContext(connection) as cached:
        assert client.get("/api/dashboard/kpi/").status_code == 200
    assert len(cached) == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN and partial indexes checked on PostgreSQL")
@pytest.mark.parametrize("role", ("agent", "assessor"))
def test_the_queue_reads_its_partial_index_on_postgresql(actors, role):
    from insurehub.dashboard.selectors import queue_page

    _desk(actors)
    # A test table is tiny and unanalysed: ask what the planner can use to deliver the page in SLA
    # order without reading and sorting the caller's claims (the FK index alone would need a sort).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        try:
            plan = queue_page(actors[role]).explain()
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_sort")
    index = {"agent": "claims_agent_queue", "assessor": "claims_assessor_queue"}[role]
    lines = plan.splitlines()
    at = next(i for i, line in enumerate(lines) if f"Index Scan using {index} " in line)  # ordered, no sort
    assert "Sort" not in lines[at - 1] and " OR " not in lines[at + 1], plan  # the page: one column, no OR
