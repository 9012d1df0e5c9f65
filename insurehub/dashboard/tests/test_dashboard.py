"""Dashboard: figures come from rollups that always equal the raw aggregates; each answer is a
fixed number of queries; scope follows the caller's role; alerts can be acknowledged."""

import datetime
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.alerts.services import alert_raise
from insurehub.claims.models import Claim
from insurehub.claims.permissions import required_certification
from insurehub.claims.services import (
    claim_assign,
    claim_transition,
    reserve_set,
    settlement_approve,
    settlement_pay,
    settlement_propose,
)
from insurehub.claims.tests.factories import accept_offer, file_claim
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.dashboard import rollups
from insurehub.dashboard.models import ClaimRollup
from insurehub.payments.services import payout_confirm
from insurehub.policies.models import PolicyCategory
from insurehub.policies.tests.factories import PolicyFactory, PolicyTypeFactory
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def policy_for(customer, **kwargs):
    start = timezone.localdate() - datetime.timedelta(days=200)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364), **kwargs)


def settle(claim, *, agent, supervisor, amount=Decimal("40000")):
    for to in ("under_review", "assessment"):
        claim_transition(claim=claim, to_status=to, actor=agent)
    Claim.objects.filter(pk=claim.pk).update(assessment_completed_at=timezone.now())
    claim_transition(claim=Claim.objects.get(pk=claim.pk), to_status="approved", actor=agent, approved_amount=amount)
    reserve_set(claim=claim, cost_type="own_damage", amount=amount, reason="estimate", actor=agent)
    settlement = settlement_propose(
        claim=claim, amount=amount, payee="Garage", method="bank_transfer", cost_type="own_damage", proposed_by=agent
    )
    accept_offer(settlement_approve(settlement=settlement, approved_by=supervisor))
    payout = settlement_pay(settlement=settlement, paid_by=agent).paid_transaction
    # The claim is settled when the money has left: finance confirms the transfer.
    payout_confirm(payout=payout, provider_reference=f"BNK-{payout.reference}", confirmed_by=supervisor)


def test_rollups_always_equal_the_raw_aggregates(actors):
    """Random claim histories across departments; after every step the rollups match, and a
    rebuild from scratch gives the same tables."""
    rng = random.Random(7)
    agent, supervisor = actors["agent"], actors["supervisor"]
    health_agent = actors["agent_other_dept"]
    customers = [actors["owner"], actors["other_customer"]]
    claims = []
    health_type = PolicyTypeFactory(category=PolicyCategory.objects.get(slug="health"), name="Family health")
    for n in range(12):
        customer = rng.choice(customers)
        policy = policy_for(customer, policy_type=health_type) if n % 4 == 0 else policy_for(customer)
        claim = file_claim(
            policy=policy,
            estimated_cost=Decimal(rng.choice(["5000", "90000", "700000"])),
            injury=n % 5 == 0,
        )
        claims.append(claim)
    assert rollups.verify() == {}
    for claim in claims:
        claim.refresh_from_db()
        actor = agent if claim.department == "motor" else health_agent
        if claim.department == "motor" and rng.random() < 0.6:  # an assessor's own rollups follow their claims
            other = actors["assessor_other"]
            other = other if other.certification_level >= required_certification(claim) else None
            for assessor in (actors["assessor"], other):
                claim_assign(claim=claim, assigned_by=supervisor, assessor=assessor)
                assert rollups.verify() == {}, "assign"
            claim.refresh_from_db()
        step = rng.choice(["review", "reject", "withdraw", "settle", "reserve"])
        if step == "review":
            claim_transition(claim=claim, to_status="under_review", actor=actor)
        elif step == "reject":
            claim_transition(claim=claim, to_status="under_review", actor=actor)
            claim_transition(claim=claim, to_status="rejected", actor=actor, reason="not covered")
        elif step == "withdraw":
            claim_transition(claim=claim, to_status="withdrawn", actor=actor)
        elif step == "reserve":
            reserve_set(
                claim=claim, cost_type="third_party", amount=Decimal("12000"), reason="TP estimate", actor=actor
            )
        elif claim.department == "motor":
            settle(claim, agent=agent, supervisor=supervisor)
        assert rollups.verify() == {}, step
    before = {
        (r.department, r.status, r.priority): (r.count, r.estimated_total)
        for r in ClaimRollup.objects.filter(count__gt=0)
    }
    call_command("rebuild_dashboard_rollups")
    after = {
        (r.department, r.status, r.priority): (r.count, r.estimated_total)
        for r in ClaimRollup.objects.filter(count__gt=0)
    }
    assert before == after
    call_command("rebuild_dashboard_rollups", "--check")


def test_kpis_reflect_the_claims(actors):
    agent, supervisor = actors["agent"], actors["supervisor"]
    policy = policy_for(actors["owner"])
    open_claim = file_claim(policy=policy, estimated_cost=Decimal("90000"))
    settled_claim = file_claim(policy=policy, estimated_cost=Decimal("40000"))
    settle(settled_claim, agent=agent, supervisor=supervisor)
    Claim.objects.filter(pk=open_claim.pk).update(sla_due_at=timezone.now() - datetime.timedelta(days=2))
    call_command("rebuild_dashboard_rollups")  # the SLA date was moved behind the services' back
    body = client_for(supervisor).get("/api/dashboard/kpi/").json()
    assert body["open_claims"] == 1
    assert body["new_claims"]["today"] == 2
    assert body["claims_by_status"] == {"submitted": 1, "settled": 1}
    assert body["sla_breaches_open"] == 1
    assert body["estimated_exposure"] == "90000.00"
    assert body["period"]["settled_claims"] == 1 and body["period"]["settled_amount"] == "40000.00"
    assert body["period"]["approval_rate"] == 1.0 and body["period"]["median_cycle_days"] == 0
    assert body["previous_period"]["new_claims"] == 0
    other = client_for(actors["supervisor_other_dept"]).get("/api/dashboard/kpi/").json()
    assert other["open_claims"] == 0


def test_dashboard_queries_are_fixed(actors, django_assert_max_num_queries):
    client = client_for(actors["supervisor"])
    policy = policy_for(actors["owner"])
    file_claim(policy=policy)
    for url in ("/api/dashboard/kpi/", "/api/dashboard/claims/", "/api/dashboard/alerts/"):
        with django_assert_max_num_queries(20) as small:
            client.get(url)
        for _ in range(5):
            file_claim(policy=policy)
        with django_assert_max_num_queries(len(small.captured_queries)):
            assert client.get(url).status_code == 200


def test_scope_and_range_validation(actors):
    AccessMatrix(actors).assert_write(
        lambda c: c.get("/api/dashboard/kpi/"),
        expected={n: 200 for n in actors if n not in ("owner", "other_customer")}
        | {"owner": 403, "other_customer": 403},
    )
    supervisor = client_for(actors["supervisor"])
    assert_problem(supervisor.get("/api/dashboard/kpi/", {"department": "health"}), 403)
    assert_problem(supervisor.get("/api/dashboard/kpi/", {"from": "2026-05-01", "to": "2026-04-01"}), 400)
    assert_problem(supervisor.get("/api/dashboard/kpi/", {"from": "2020-01-01", "to": "2026-01-01"}), 400)
    assert_problem(supervisor.get("/api/dashboard/kpi/", {"from": "yesterday"}), 400)
    assert client_for(actors["admin"]).get("/api/dashboard/kpi/", {"department": "health"}).status_code == 200


def test_claims_overview_matrix_aging_and_queue(actors):
    agent = actors["agent"]
    policy = policy_for(actors["owner"])
    mine = file_claim(policy=policy, by=agent, injury=True)
    old = file_claim(policy=policy)
    Claim.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=20))
    call_command("rebuild_dashboard_rollups")
    body = client_for(agent).get("/api/dashboard/claims/").json()
    assert body["status_priority_matrix"]["submitted"]["urgent"] == 1
    assert body["aging"] == {"0-7": 1, "8-14": 0, "15-30": 1, "30+": 0}
    assert [c["id"] for c in body["my_queue"]] == [str(mine.pk)]
    assessor_view = client_for(actors["assessor"]).get("/api/dashboard/claims/").json()
    assert assessor_view["my_queue"] == [] and sum(assessor_view["aging"].values()) == 0


def test_alerts_listed_by_severity_and_acknowledged(actors):
    policy = policy_for(actors["owner"])
    claim = file_claim(policy=policy)
    low = alert_raise(kind="note", severity="low", title="FYI", claim=claim)
    critical = alert_raise(kind="fraud", severity="critical", title="Fraud suspected", claim=claim)
    hidden = alert_raise(kind="other", severity="high", title="Other department", department="health")
    body = client_for(actors["agent"]).get("/api/dashboard/alerts/").json()
    ids = [a["id"] for a in body["results"]]
    assert ids.index(str(critical.pk)) < ids.index(str(low.pk)) and str(hidden.pk) not in ids
    url = f"/api/dashboard/alerts/{critical.pk}/acknowledge/"
    AccessMatrix(actors).assert_write(
        lambda c: c.post(url),
        expected={"agent": 200, "supervisor": 409, "admin": 409, "owner": 403, "other_customer": 403},
    )
    critical.refresh_from_db()
    assert critical.status == Alert.Status.ACKNOWLEDGED and critical.acknowledged_by == actors["agent"]
    assert UserFactory  # factories stay importable for other dashboard tests
