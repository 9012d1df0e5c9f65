"""The daily trend: claims filed and settled per day over the range, in the caller's scope, and
the same totals as the KPI period figures; every dashboard answer has the shape its schema says."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.dashboard.tests.test_dashboard import policy_for, settle

pytestmark = pytest.mark.django_db


def test_days_of_the_range_with_what_was_filed_and_settled(actors):
    policy = policy_for(actors["owner"])
    settled = file_claim(policy=policy)
    file_claim(policy=policy)
    settle(settled, agent=actors["agent"], supervisor=actors["supervisor"], amount=Decimal("40000"))
    today = timezone.localdate()
    start = today - datetime.timedelta(days=6)

    body = client_for(actors["agent"]).get("/api/dashboard/trend/", {"from": start, "to": today}).json()

    assert [day["day"] for day in body["days"]] == [str(start + datetime.timedelta(days=n)) for n in range(7)]
    assert body["days"][-1] == {"day": str(today), "new": 2, "settled": 1, "settled_amount": "40000.00"}
    assert all(day["new"] == 0 and day["settled"] == 0 for day in body["days"][:-1])
    kpi = client_for(actors["agent"]).get("/api/dashboard/kpi/", {"from": start, "to": today}).json()
    assert sum(day["new"] for day in body["days"]) == kpi["period"]["new_claims"]
    assert sum(day["settled"] for day in body["days"]) == kpi["period"]["settled_claims"]

    other = client_for(actors["agent_other_dept"]).get("/api/dashboard/trend/", {"from": start, "to": today}).json()
    assert sum(day["new"] for day in other["days"]) == 0


def test_who_may_read_it_and_bad_ranges(actors):
    AccessMatrix(actors).assert_write(
        lambda c: c.get("/api/dashboard/trend/"),
        expected={"owner": 403, "other_customer": 403},
        default=200,
    )
    client = client_for(actors["agent"])
    assert_problem(client.get("/api/dashboard/trend/", {"from": "2026-02-01", "to": "2026-01-01"}), 400)
    assert_problem(client.get("/api/dashboard/trend/", {"from": "yesterday"}), 400)
    assert_problem(client.get("/api/dashboard/trend/", {"department": "health"}), 403)


def _schema_of(path: str) -> dict:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    ref = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]


@pytest.mark.parametrize(
    "path", ["/api/dashboard/kpi/", "/api/dashboard/claims/", "/api/dashboard/assessments/", "/api/dashboard/trend/"]
)
@pytest.mark.parametrize("who", ["agent", "admin", "assessor"])
def test_answers_have_the_fields_the_schema_names(actors, path, who):
    """The web app's types come from the schema: a field the schema promises as required must be
    in the answer, and the answer holds no field the schema does not name."""
    file_claim(policy=policy_for(actors["owner"]))
    body = client_for(actors[who]).get(path).json()
    component = _schema_of(path)
    assert set(component.get("required", [])) <= set(body), (path, who)
    assert set(body) <= set(component["properties"]), (path, who, set(body) - set(component["properties"]))
