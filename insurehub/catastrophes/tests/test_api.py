"""The catastrophe events' API: declare, read, edit, close; who may; bad input changes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.audit.models import AuditEvent
from insurehub.catastrophes.models import CatastropheEvent, EventStatus
from insurehub.catastrophes.services import catastrophe_declare
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/catastrophes/"
SQUARE = [[34.70, -0.15], [34.85, -0.15], [34.85, -0.05], [34.70, -0.05], [34.70, -0.15]]
STAFF = {"agent", "agent_other_dept", "assessor", "assessor_other", "supervisor", "supervisor_other_dept", "admin"}


def _detail(event) -> str:
    return f"/api/catastrophes/{event.pk}/"


def declare(by, **overrides) -> CatastropheEvent:
    values = {
        "name": "Kisumu floods",
        "peril": "flood",
        "department": Department.MOTOR,
        "starts_at": timezone.now() - datetime.timedelta(days=3),
        "centre_latitude": Decimal("-0.091700"),
        "centre_longitude": Decimal("34.768000"),
        "radius_km": Decimal("15"),
    }
    values.update(overrides)
    return catastrophe_declare(declared_by=by, **values)


def _body(**overrides) -> dict:
    body = {
        "name": "Kisumu floods",
        "peril": "flood",
        "starts_at": (timezone.now() - datetime.timedelta(days=2)).isoformat(),
        "centre_latitude": "-0.091700",
        "centre_longitude": "34.768000",
        "radius_km": "15",
        "sla_hours": 48,
        "fast_track_limit": "50000.00",
    }
    body.update(overrides)
    return body


def test_supervisor_declares_an_event(actors):
    assessor = actors["assessor"]
    response = client_for(actors["supervisor"]).post(LIST, _body(desk=[str(assessor.pk)]), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["code"].startswith(f"CAT-{timezone.now().year}-")
    assert body["department"] == "motor" and body["status"] == "open" and body["area_type"] == "circle"
    assert body["fast_track_limit"] == "50000.00" and body["currency"] == "KES"
    assert [member["id"] for member in body["desk"]] == [str(assessor.pk)]
    min_lon, min_lat, max_lon, max_lat = body["bbox"]
    assert min_lat < -0.0917 < max_lat and min_lon < 34.768 < max_lon
    event = CatastropheEvent.objects.get(pk=body["id"])
    assert AuditEvent.objects.filter(action="catastrophe.declared", object_id=str(event.pk)).exists()
    published = OutboxEvent.objects.get(type="catastrophe.declared")
    assert published.data["code"] == event.code
    assert "role.staff" in published.audience and not any(g.startswith("user.") for g in published.audience)


def test_polygon_event(actors):
    response = client_for(actors["admin"]).post(
        LIST, _body(centre_latitude=None, centre_longitude=None, radius_km=None, polygon=SQUARE, department="motor"),
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["area_type"] == "polygon"
    assert response.json()["bbox"] == [34.70, -0.15, 34.85, -0.05]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"radius_km": "0"}, "radius_km"),
        ({"radius_km": "-3"}, "radius_km"),
        ({"radius_km": "900"}, "radius_km"),
        ({"polygon": SQUARE}, "polygon"),  # both forms
        ({"centre_latitude": None, "centre_longitude": None, "radius_km": None}, "polygon"),  # neither
        ({"centre_latitude": None}, "radius_km"),  # half a circle
        (
            {
                "centre_latitude": None,
                "centre_longitude": None,
                "radius_km": None,
                "polygon": [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]],
            },
            "polygon",
        ),
        ({"ends_at": (timezone.now() - datetime.timedelta(days=5)).isoformat()}, "ends_at"),
        ({"peril": "meteor"}, "peril"),
        ({"sla_hours": 0}, "sla_hours"),
        ({"centre_longitude": "179.990000", "radius_km": "30"}, "radius_km"),  # across the antimeridian
    ],
)
def test_bad_input_writes_nothing(actors, overrides, field):
    response = client_for(actors["supervisor"]).post(LIST, _body(**overrides), format="json")
    body = assert_problem(response, 400)
    assert field in {error["field"] for error in body["errors"]}, body
    assert not CatastropheEvent.objects.exists()
    assert not OutboxEvent.objects.filter(type__startswith="catastrophe.").exists()


def test_desk_members_must_be_of_the_department(actors):
    response = client_for(actors["supervisor"]).post(
        LIST, _body(desk=[str(actors["agent_other_dept"].pk)]), format="json"
    )
    assert assert_problem(response, 400)["type"].endswith("invalid_desk_member")
    assert not CatastropheEvent.objects.exists()


def test_who_may_declare(actors):
    expected = {name: 403 for name in actors} | {"supervisor": 201, "admin": 201}
    matrix = AccessMatrix(actors)
    matrix.assert_write(lambda client: client.post(LIST, _body(department="motor"), format="json"), expected=expected)
    # The other department's supervisor may not declare for motor.
    response = client_for(actors["supervisor_other_dept"]).post(LIST, _body(department="motor"), format="json")
    assert_problem(response, 403)


def test_read_access_matrix(actors):
    event = declare(actors["supervisor"])
    AccessMatrix(actors).assert_read(
        visible=STAFF,
        object_id=event.pk,
        detail_url=_detail(event),
        list_url=LIST,
        list_forbidden={"owner", "other_customer"},
    )


def test_edit_access_matrix(actors):
    event = declare(actors["supervisor"])
    expected = {name: 403 for name in STAFF} | {"supervisor": 200, "admin": 200}
    AccessMatrix(actors).assert_write(
        lambda client: client.patch(_detail(event), {"name": "Kisumu floods (Nyando)"}, format="json"),
        expected=expected,
    )


def test_close_access_matrix(actors):
    events = [declare(actors["supervisor"]) for _ in range(3)]
    expected = {name: 403 for name in STAFF} | {"supervisor": 200, "admin": 409}
    AccessMatrix(actors).assert_write(
        lambda client: client.post(f"{_detail(events[0])}close/", {"reason": "water receded"}, format="json"),
        expected=expected,
    )
    admin_closes = client_for(actors["admin"]).post(f"{_detail(events[1])}close/", {}, format="json")
    assert admin_closes.status_code == 200 and admin_closes.json()["status"] == "closed"
    assert admin_closes.json()["ends_at"] is not None
    assert OutboxEvent.objects.filter(type="catastrophe.closed").count() == 2


def test_edit_replaces_the_area_form_and_a_closed_event_is_not_edited(actors):
    supervisor = client_for(actors["supervisor"])
    event = declare(actors["supervisor"])
    wider = supervisor.patch(_detail(event), {"radius_km": "30"}, format="json")  # one part of the circle
    assert wider.status_code == 200 and wider.json()["radius_km"] == "30.00", wider.content
    response = supervisor.patch(_detail(event), {"polygon": SQUARE}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["area_type"] == "polygon" and body["radius_km"] is None and body["centre_latitude"] is None
    assert body["bbox"] == [34.70, -0.15, 34.85, -0.05]
    event.refresh_from_db()
    assert event.min_longitude == Decimal("34.700000")
    published = OutboxEvent.objects.filter(type="catastrophe.updated").latest("id")
    assert published.data["scope_changed"] is True and "polygon" in published.data["changed"]

    bad = supervisor.patch(_detail(event), {"polygon": [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]}, format="json")
    assert_problem(bad, 400)
    event.refresh_from_db()
    assert event.polygon == SQUARE

    assert supervisor.post(f"{_detail(event)}close/", {}, format="json").status_code == 200
    closed = supervisor.patch(_detail(event), {"name": "renamed"}, format="json")
    assert assert_problem(closed, 409)["type"].endswith("event_closed")
    assert CatastropheEvent.objects.get(pk=event.pk).status == EventStatus.CLOSED


def test_filters_and_constant_queries(actors):
    declare(actors["supervisor"])
    declare(actors["admin"], department=Department.HEALTH, peril="hail")
    client = client_for(actors["agent"])
    assert {e["peril"] for e in client.get(LIST, {"peril": "hail"}).json()["results"]} == {"hail"}
    assert {e["department"] for e in client.get(LIST, {"department": "motor"}).json()["results"]} == {"motor"}
    assert client.get(LIST, {"status": "closed"}).json()["results"] == []
    assert_problem(client.get(LIST, {"status": "nope"}), 400)
    desk = [UserFactory(role=Role.AGENT, department=Department.MOTOR) for _ in range(3)]
    assert_constant_queries(
        client,
        LIST,
        grow=lambda: [declare(actors["supervisor"], desk=desk) for _ in range(3)],
        max_queries=6,
    )
