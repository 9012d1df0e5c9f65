"""The claim list's filters, search and ordering, beyond test_claims.test_list_filters_and_search."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.claims.models import Claim
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import assert_problem, client_for
from insurehub.dashboard.services import alert_raise
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
