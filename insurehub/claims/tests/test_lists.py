"""The claim list's filters, search and ordering, beyond test_claims.test_list_filters_and_search."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.alerts.services import alert_raise
from insurehub.claims.models import Claim
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import assert_problem, client_for
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["results"]]


def test_filters_search_and_ordering(actors):
    wanjiru = UserFactory(role="customer", name="Wanjiru Kamau")
    mine = file_claim(policy=_policy(wanjiru), estimated_cost=Decimal("90000"))
    other = file_claim(policy=_policy(actors["owner"]), estimated_cost=Decimal("10000"))
    Claim.objects.filter(pk=other.pk).update(
        assigned_assessor=actors["assessor"], sla_due_at=timezone.now() - datetime.timedelta(hours=1)
    )
    alert_raise(kind="test_flag", severity="high", title="Look at this", claim=mine)
    client = client_for(actors["supervisor"])

    assert _ids(client.get("/api/claims/", {"search": "kamau"})) == [str(mine.pk)]
    assert _ids(client.get("/api/claims/", {"search": mine.vehicle.registration})) == [str(mine.pk)]
    assert _ids(client.get("/api/claims/", {"has_open_alerts": "true"})) == [str(mine.pk)]
    assert _ids(client.get("/api/claims/", {"has_open_alerts": "false"})) == [str(other.pk)]
    assert _ids(client.get("/api/claims/", {"assigned_assessor": str(actors["assessor"].pk)})) == [str(other.pk)]
    assert _ids(client.get("/api/claims/", {"sla_breached": "true"})) == [str(other.pk)]
    assert _ids(client.get("/api/claims/", {"priority": ["low", "normal"], "status": "submitted"})) == [
        str(other.pk),
        str(mine.pk),
    ]
    assert _ids(client.get("/api/claims/", {"department": "motor", "created_after": "2000-01-01T00:00:00Z"}))
    assert _ids(client.get("/api/claims/", {"department": "health"})) == []
    assert _ids(client.get("/api/claims/", {"ordering": "sla_due_at"}))[0] == str(other.pk)
    assert client.get("/api/claims/", {"ordering": "-created_at"}).json()["results"][0]["id"] == str(other.pk)
    assert_problem(client.get("/api/claims/", {"created_after": "last tuesday"}), 400)
    assert_problem(client.get("/api/claims/", {"assigned_assessor": "not-a-uuid"}), 400)


def _walk(client, params) -> list[str]:
    """Every id of a listing, following `next` one small page at a time."""
    ids, url, query = [], "/api/claims/", {**params, "page_size": 2}
    while url:
        response = client.get(url, query)
        ids += _ids(response)
        url, query = response.json()["next"], None
    return ids


def test_every_ordering_pages_through_all_claims_once(actors):
    """Cursor pages follow each ordering to the end, also across claims without an SLA or a cost
    (drafts), and priority and status sort by meaning rather than alphabetically."""
    policy = _policy(actors["owner"])
    claims = [
        file_claim(policy=policy, priority="urgent", by=actors["agent"], estimated_cost=Decimal("500")),
        file_claim(policy=policy, priority="low", by=actors["agent"]),
        file_claim(policy=policy, draft=True),
        file_claim(policy=policy, draft=True, estimated_cost=Decimal("20")),
        file_claim(policy=policy, priority="high", by=actors["agent"], estimated_cost=Decimal("70")),
    ]
    client = client_for(actors["supervisor"])
    everything = sorted(str(claim.pk) for claim in claims)
    for field in ("created_at", "sla_due_at", "priority", "status", "incident_date", "estimated_cost", "claim_number"):
        for ordering in (field, f"-{field}"):
            walked = _walk(client, {"ordering": ordering})
            assert sorted(walked) == everything, ordering

    rows = {row["id"]: row for row in client.get("/api/claims/", {"ordering": "-priority"}).json()["results"]}
    priorities = [rows[pk]["priority"] for pk in _walk(client, {"ordering": "-priority"})]
    assert priorities[:2] == ["urgent", "high"] and priorities[-1] == "low"
    statuses = [rows[pk]["status"] for pk in _walk(client, {"ordering": "status"})]
    assert statuses[:2] == ["draft", "draft"]
    due = [rows[pk]["sla_due_at"] for pk in _walk(client, {"ordering": "sla_due_at"})]
    assert due[-2:] == [None, None] and None not in due[:3]
    costs = [rows[pk]["estimated_cost"] for pk in _walk(client, {"ordering": "-estimated_cost"})]
    assert costs[:3] == ["500.00", "70.00", "20.00"]


def test_sla_breached_means_open_and_past_due(actors):
    """As the dashboard counts SLA breaches: a settled or closed claim is no longer breaching."""
    policy = _policy(actors["owner"])
    late, done = file_claim(policy=policy), file_claim(policy=policy)
    past = timezone.now() - datetime.timedelta(hours=1)
    Claim.objects.filter(pk__in=[late.pk, done.pk]).update(sla_due_at=past)
    Claim.objects.filter(pk=done.pk).update(status="closed")
    client = client_for(actors["supervisor"])
    assert _ids(client.get("/api/claims/", {"sla_breached": "true"})) == [str(late.pk)]
    assert str(done.pk) in _ids(client.get("/api/claims/", {"sla_breached": "false"}))
    assert str(late.pk) not in _ids(client.get("/api/claims/", {"sla_breached": "false"}))


def test_list_names_the_assigned_staff(actors):
    """The list shows who works each claim without a lookup per row (names from the same query)."""
    claim = file_claim(policy=_policy(actors["owner"]))
    Claim.objects.filter(pk=claim.pk).update(assigned_agent=actors["agent"], assigned_assessor=actors["assessor"])
    row = client_for(actors["supervisor"]).get("/api/claims/").json()["results"][0]
    assert row["assigned_agent_name"] == (actors["agent"].name or actors["agent"].email)
    assert row["assigned_assessor_name"] == (actors["assessor"].name or actors["assessor"].email)
    unassigned = file_claim(policy=_policy(actors["owner"]))
    rows = {r["id"]: r for r in client_for(actors["supervisor"]).get("/api/claims/").json()["results"]}
    assert rows[str(unassigned.pk)]["assigned_agent_name"] is None
