"""The claims list (issue #16 item 5) answers what it answered before it was made cheap: the hand-built
list serializer gives what DRF's fields give, the orjson renderer writes the bytes DRF's renderer
writes, and the list reads only the columns it shows (no personal field is read or decrypted)."""

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext_lazy
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from insurehub.claims import selectors
from insurehub.claims.api.serializers import ClaimListSerializer
from insurehub.claims.models import Claim
from insurehub.claims.tests.factories import file_claim
from insurehub.claims.tests.test_access import Claims
from insurehub.core.renderers import ORJSONRenderer
from insurehub.core.testing import client_for
from insurehub.users.models import User

pytestmark = pytest.mark.django_db

PERSONAL_COLUMNS = ('"phone"', '"national_id"', '"date_of_birth"', '"address"', '"password"')


@pytest.fixture
def listed(actors):
    """Claims in the shapes a list meets: assigned or not, with and without money, flagged."""
    claims = Claims(actors)
    User.objects.filter(pk=actors["owner"].pk).update(name="Zoë Wanjiru\u2028Kamau")
    made = [claims.submitted(), claims.approved()]
    made.append(file_claim(policy=claims.policy, by=actors["agent"], estimated_cost=Decimal("9999999.99")))
    made.append(file_claim(policy=claims.policy, draft=True))
    Claim.objects.filter(pk=made[-1].pk).update(incident_date=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    return made


@pytest.mark.parametrize("who", ["owner", "agent", "assessor", "supervisor", "admin"])
def test_list_answers_what_drf_fields_answer(actors, listed, who):
    user = actors[who]
    response = client_for(user).get("/api/claims/", {"page_size": 50})
    assert response.status_code == 200, response.content
    page = json.loads(response.content)
    full_rows = selectors.claim_list(user).order_by("-created_at", "-id")
    generic = [serializers.ModelSerializer.to_representation(ClaimListSerializer(), claim) for claim in full_rows]
    assert page["results"] == json.loads(JSONRenderer().render(generic))
    assert len(page["results"]) >= 1
    assert response.content == JSONRenderer().render(response.data)


def test_list_reads_no_personal_column(actors, listed):
    client = client_for(actors["supervisor"])
    client.get("/api/claims/")  # the process caches the signed-in user
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/claims/", {"page_size": 50}).status_code == 200
    for query in queries.captured_queries:
        assert not [column for column in PERSONAL_COLUMNS if column in query["sql"]], query["sql"]
    assert '"quote_details"' not in queries.captured_queries[-1]["sql"]


def test_dashboard_lists_use_the_list_columns(actors, listed):
    response = client_for(actors["agent"]).get("/api/dashboard/claims/")
    assert response.status_code == 200, response.content
    rows = response.json()["recently_changed"]
    full = {str(c.pk): c for c in selectors.claim_list(actors["agent"])}
    for row in rows:
        generic = serializers.ModelSerializer.to_representation(ClaimListSerializer(), full[row["id"]])
        assert row == json.loads(JSONRenderer().render(generic))


@pytest.mark.parametrize(
    "data",
    [
        {"results": [{"id": "x", "amount": Decimal("12.50"), "at": datetime(2026, 5, 1, 7, 0, tzinfo=UTC)}]},
        {"detail": gettext_lazy("Not found."), "errors": [{"field": "a", "message": "naïve \u2028 \u2029 ☂"}]},
        {1: "int keys", "nested": {"t": (1, 2), "f": 1.5, "n": None, "b": False}},
        [datetime(2026, 5, 1, 7, 0, 0, 123456, tzinfo=UTC).date(), "plain"],
    ],
    ids=["page", "problem", "keys", "list"],
)
def test_orjson_renderer_writes_drfs_bytes(data):
    assert ORJSONRenderer().render(data) == JSONRenderer().render(data)


def test_orjson_renderer_indents_as_drf():
    data = {"a": [1, {"b": "c"}]}
    media = "application/json; indent=2"
    assert ORJSONRenderer().render(data, media, {}) == JSONRenderer().render(data, media, {})
