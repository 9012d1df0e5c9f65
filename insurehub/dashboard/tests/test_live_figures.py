"""What the web dashboard relies on: cached figures never outlive a change (a client refetching on
the change's live event sees it), the KPI answer says when it was computed and in which currency,
open alerts are counted per severity, and the assessor load names the assessors."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from insurehub.alerts.services import alert_acknowledge, alert_raise
from insurehub.assessments.services import assessment_create
from insurehub.assessments.tests.factories import claim_for_assessment
from insurehub.claims.services import claim_transition
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.dashboard.tests.test_dashboard import policy_for

pytestmark = pytest.mark.django_db

SUMMARY = "/api/dashboard/alerts/summary/"


@pytest.fixture
def cached_dashboard(settings):
    settings.DASHBOARD_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_change_to_claims_is_seen_at_once_despite_the_cache(
    actors, cached_dashboard, django_capture_on_commit_callbacks
):
    client = client_for(actors["supervisor"])
    policy = policy_for(actors["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        claim = file_claim(policy=policy)
    first = client.get("/api/dashboard/kpi/").json()
    assert client.get("/api/dashboard/kpi/").json()["as_of"] == first["as_of"]  # cached: the same answer
    matrix = client.get("/api/dashboard/claims/").json()["status_priority_matrix"]
    trend = client.get("/api/dashboard/trend/").json()

    with django_capture_on_commit_callbacks(execute=True):
        file_claim(policy=policy)
    second = client.get("/api/dashboard/kpi/").json()
    assert second["open_claims"] == first["open_claims"] + 1
    assert second["as_of"] > first["as_of"]
    assert client.get("/api/dashboard/trend/").json()["days"][-1]["new"] == trend["days"][-1]["new"] + 1

    with django_capture_on_commit_callbacks(execute=True):
        claim_transition(claim=claim, to_status="under_review", actor=actors["agent"])
    after = client.get("/api/dashboard/claims/").json()["status_priority_matrix"]
    priority = claim.priority
    assert after["under_review"][priority] == matrix["under_review"][priority] + 1


def test_an_assessment_change_and_a_rollup_rebuild_also_start_fresh_figures(
    actors, cached_dashboard, django_capture_on_commit_callbacks
):
    client = client_for(actors["supervisor"])
    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    as_of = client.get("/api/dashboard/kpi/").json()["as_of"]
    with django_capture_on_commit_callbacks(execute=True):
        assessment_create(claim=claim, created_by=actors["agent"])
    fresh = client.get("/api/dashboard/kpi/").json()["as_of"]
    assert fresh > as_of  # computed again: the KPIs hold assessment figures

    call_command("rebuild_dashboard_rollups")
    assert client.get("/api/dashboard/kpi/").json()["as_of"] > fresh


def test_kpis_say_when_and_in_which_currency(actors, settings):
    settings.DEFAULT_CURRENCY = "KES"
    for who in ("supervisor", "assessor", "admin"):
        body = client_for(actors[who]).get("/api/dashboard/kpi/").json()
        assert body["currency"] == "KES" and body["as_of"].endswith("Z"), who
    assert client_for(actors["agent"]).get("/api/dashboard/trend/").json()["currency"] == "KES"


def test_assessor_load_names_the_assessors(actors):
    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    assessment_create(claim=claim, created_by=actors["agent"])
    load = client_for(actors["supervisor"]).get("/api/dashboard/assessments/").json()["assessor_load"]
    assert load == [
        {
            "assessor": str(actors["assessor"].pk),
            "name": actors["assessor"].name,
            "email": actors["assessor"].email,
            "open": 1,
        }
    ]


def test_open_alerts_counted_per_severity_in_the_callers_scope(actors):
    claim = file_claim(policy=policy_for(actors["owner"]))
    alert_raise(kind="fraud", severity="critical", title="Fraud suspected", claim=claim)
    alert_raise(kind="high_value", severity="high", title="High value", claim=claim)
    acknowledged = alert_raise(kind="early", severity="high", title="Early claim", claim=claim)
    alert_acknowledge(alert=acknowledged, user=actors["agent"])
    alert_raise(kind="other", severity="medium", title="Other department", department="health")

    motor = client_for(actors["agent"]).get(SUMMARY).json()
    assert motor == {"open": 2, "by_severity": {"low": 0, "medium": 0, "high": 1, "critical": 1}}
    health = client_for(actors["agent_other_dept"]).get(SUMMARY).json()
    assert health == {"open": 1, "by_severity": {"low": 0, "medium": 1, "high": 0, "critical": 0}}
    admin = client_for(actors["admin"])
    assert admin.get(SUMMARY).json()["open"] == 3
    assert admin.get(SUMMARY, {"department": "health"}).json()["open"] == 1
    listed = admin.get("/api/dashboard/alerts/", {"department": "motor"}).json()
    assert admin.get(SUMMARY, {"department": "motor"}).json()["open"] == listed["count"] == 2


def test_alert_summary_access_bad_input_and_queries(actors):
    AccessMatrix(actors).assert_write(
        lambda c: c.get(SUMMARY), expected={"owner": 403, "other_customer": 403}, default=200
    )
    client = client_for(actors["supervisor"])
    assert_problem(client.get(SUMMARY, {"department": "nowhere"}), 400)
    assert_problem(client.get(SUMMARY, {"severity": "high"}), 400)
    policy = policy_for(actors["owner"])
    grown = iter(range(100))

    def grow():
        for _ in range(3):
            alert_raise(kind=f"k{next(grown)}", severity="low", title="x", claim=file_claim(policy=policy))

    assert_constant_queries(client, SUMMARY, grow=grow, max_queries=8)
