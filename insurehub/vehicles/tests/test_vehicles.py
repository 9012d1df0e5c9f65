"""Vehicles: ISO 3779 VINs, normalised registrations, and who sees which vehicle."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from insurehub.alerts.models import Alert
from insurehub.audit.models import AuditEvent
from insurehub.core.roles import Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.realtime import groups
from insurehub.realtime.models import OutboxEvent
from insurehub.vehicles import vin as vin_rules
from insurehub.vehicles.models import Vehicle
from insurehub.vehicles.tests.factories import VehicleFactory

# Assessors see the vehicles of the claims assigned to them only (claims/tests/test_assessor_reach.py).
STAFF_AND_OWNER = {"owner", "agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin"}
NEW_VEHICLE = {
    "registration": "kcz 404x",
    "vin": "1M8GDM9AXKP042788",
    "make": "Toyota",
    "model": "Hilux",
    "year": 2018,
    "estimated_value": "2500000.00",
}


# --- VIN and registration rules -------------------------------------------------------------


@pytest.mark.parametrize("vin", ["1M8GDM9AXKP042788", "WVWZZZ1JZXW000001", "wvwzzz1jzxw000001"])
def test_valid_vins(vin):
    assert vin_rules.validation_error(vin_rules.normalise(vin)) is None


@pytest.mark.parametrize(
    ("vin", "reason"),
    [
        ("1M8GDM9AXKP04278", "17"),  # 16 characters
        ("WVWZZZ1JZXW00000O", "I, O and Q"),
        ("1M8GDM9A1KP042788", "check digit"),  # North American VIN with a wrong check digit
    ],
)
def test_invalid_vins_say_why(vin, reason):
    assert reason in vin_rules.validation_error(vin)


@pytest.mark.django_db
def test_the_registration_is_stored_upper_case_without_spaces():
    vehicle = VehicleFactory.build(owner=VehicleFactory().owner, registration=" kda 123-a ", vin="WVWZZZ1JZXW999999")
    vehicle.full_clean()
    assert vehicle.registration == "KDA123A"


@pytest.mark.django_db
def test_a_future_model_year_is_refused():
    vehicle = VehicleFactory.build(owner=VehicleFactory().owner, year=2999, vin="WVWZZZ1JZXW999998")
    with pytest.raises(ValidationError) as error:
        vehicle.full_clean()
    assert "year" in error.value.message_dict


# --- API ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_customer_registers_their_vehicle_and_bad_input_is_a_field_error(actors):
    api = client_for(actors["owner"])
    created = api.post("/api/vehicles/", NEW_VEHICLE, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["registration"] == "KCZ404X"
    assert created.json()["estimated_value"] == "2500000.00"
    assert Vehicle.objects.get().owner == actors["owner"]

    again = api.post("/api/vehicles/", {**NEW_VEHICLE, "vin": "WVWZZZ1JZXW000002"}, format="json")
    assert assert_problem(again, 409)["errors"][0]["field"] == "registration"
    for field, value in [("vin", "1M8GDM9A1KP042788"), ("estimated_value", "-1.00"), ("estimated_value", "1.005")]:
        body = {**NEW_VEHICLE, "registration": "KAA001A", "vin": "WVWZZZ1JZXW000003", field: value}
        assert assert_problem(api.post("/api/vehicles/", body, format="json"), 400)["errors"][0]["field"] == field
    assert_problem(api.post("/api/vehicles/", {**NEW_VEHICLE, "owner": str(actors["other_customer"].pk)}), 404)
    assert Vehicle.objects.count() == 1


@pytest.mark.django_db
def test_staff_register_a_vehicle_for_a_named_customer(actors):
    agent = client_for(actors["agent"])
    assert_problem(agent.post("/api/vehicles/", NEW_VEHICLE, format="json"), 400)
    created = agent.post("/api/vehicles/", {**NEW_VEHICLE, "owner": str(actors["owner"].pk)}, format="json")
    assert created.status_code == 201, created.content
    assert Vehicle.objects.get().owner == actors["owner"]


@pytest.mark.django_db
def test_vehicle_access_matrix(actors):
    vehicle = VehicleFactory(owner=actors["owner"])
    AccessMatrix(actors).assert_read(
        visible=STAFF_AND_OWNER,
        object_id=vehicle.pk,
        detail_url=f"/api/vehicles/{vehicle.pk}/",
        list_url="/api/vehicles/",
    )


@pytest.mark.django_db
def test_only_the_owner_and_staff_change_a_vehicle(actors):
    vehicle = VehicleFactory(owner=actors["owner"])
    url = f"/api/vehicles/{vehicle.pk}/"
    AccessMatrix(actors).assert_write(
        lambda client: client.patch(url, {"colour": "Red"}, format="json"),
        expected={name: 200 for name in STAFF_AND_OWNER},
    )


@pytest.mark.django_db
def test_an_insured_vehicle_keeps_its_identity_and_cannot_be_deleted(actors):
    policy = PolicyFactory(customer=actors["owner"])
    url = f"/api/vehicles/{policy.vehicle_id}/"
    api = client_for(actors["owner"])
    assert_problem(api.patch(url, {"vin": "WVWZZZ1JZXW555555"}, format="json"), 409)
    assert api.patch(url, {"estimated_value": "1400000.00"}, format="json").json()["estimated_value"] == "1400000.00"
    assert_problem(api.delete(url), 409)
    free = VehicleFactory(owner=actors["owner"])
    assert api.delete(f"/api/vehicles/{free.pk}/").status_code == 204


@pytest.mark.django_db
def test_the_vehicle_list_costs_a_fixed_number_of_queries(actors):
    VehicleFactory(owner=actors["owner"])

    def grow():
        for _ in range(5):
            VehicleFactory(owner=actors["owner"], estimated_value=Decimal("900000.00"))

    assert_constant_queries(client_for(actors["agent"]), "/api/vehicles/", grow=grow, max_queries=6)
    assert_constant_queries(client_for(actors["owner"]), "/api/vehicles/", grow=grow, max_queries=6)


@pytest.mark.django_db
def test_customers_never_list_other_customers_vehicles(actors, make_user):
    mine = VehicleFactory(owner=actors["owner"])
    VehicleFactory(owner=make_user(role=Role.CUSTOMER))
    ids = [v["id"] for v in client_for(actors["owner"]).get("/api/vehicles/").json()["results"]]
    assert ids == [str(mine.pk)]


# --- a VIN or registration another customer holds --------------------------------------------
# Accepted as the caller's own record, answered exactly as a fresh vehicle, and flagged to motor
# staff: refusing it (409 vin_taken) told anyone that the car was insured with us.


def _shape(body: dict) -> dict:
    return {key: value for key, value in body.items() if key not in ("id", "owner", "created_at", "updated_at")}


@pytest.mark.django_db(transaction=True)  # the alert is raised after the commit
def test_a_vin_another_customer_holds_is_accepted_like_a_fresh_one_and_flagged_to_staff(actors):
    theirs = VehicleFactory(owner=actors["other_customer"], vin=NEW_VEHICLE["vin"])
    shared = client_for(actors["owner"]).post("/api/vehicles/", NEW_VEHICLE, format="json")
    assert shared.status_code == 201, shared.content
    control = client_for(actors["owner"]).post(
        "/api/vehicles/", {**NEW_VEHICLE, "registration": "KDA111A", "vin": "WVWZZZ1JZXW777777"}, format="json"
    )
    assert control.status_code == 201
    assert set(shared.json()) == set(control.json()) and shared["Content-Type"] == control["Content-Type"]
    assert _shape(shared.json()) == {**_shape(control.json()), "registration": "KCZ404X", "vin": NEW_VEHICLE["vin"]}
    mine = Vehicle.objects.get(pk=shared.json()["id"])
    assert mine.owner == actors["owner"] and Vehicle.objects.filter(vin=NEW_VEHICLE["vin"]).count() == 2

    alert = Alert.objects.get(kind="vehicle_identity_shared")  # one: the control vehicle is not flagged
    assert alert.department == "motor" and alert.claim is None
    assert alert.data["shared"] == ["vin"] and alert.data["other_vehicle_ids"] == [str(theirs.pk)]
    assert alert.data["vehicle_id"] == str(mine.pk)
    assert AuditEvent.objects.filter(action="vehicle.identity_shared", object_id=str(mine.pk)).exists()
    # The customers are never told: the event goes to motor staff (and admins), not to their groups.
    event = OutboxEvent.objects.get(type="vehicle.identity_shared")
    assert set(event.audience) == {groups.department_group("motor"), groups.ADMINS}
    AccessMatrix(actors).assert_read(
        visible={"agent", "supervisor", "admin"},
        object_id=alert.pk,
        list_url="/api/dashboard/alerts/",
        list_forbidden={"owner", "other_customer"},
    )


@pytest.mark.django_db(transaction=True)  # the alert is raised after the commit
def test_a_registration_another_customer_holds_is_flagged_too_and_a_fresh_vehicle_is_not(actors):
    VehicleFactory(owner=actors["other_customer"], registration="KCZ404X")
    api = client_for(actors["owner"])
    assert api.post("/api/vehicles/", NEW_VEHICLE, format="json").status_code == 201
    assert list(Alert.objects.values_list("data__shared", flat=True)) == [["registration"]]
    fresh = {**NEW_VEHICLE, "registration": "KDB222B", "vin": "WVWZZZ1JZXW888888"}
    assert api.post("/api/vehicles/", fresh, format="json").status_code == 201
    assert Alert.objects.count() == 1


@pytest.mark.django_db
def test_the_same_customer_registering_a_vehicle_twice_is_still_a_conflict(actors):
    api = client_for(actors["owner"])
    assert api.post("/api/vehicles/", NEW_VEHICLE, format="json").status_code == 201
    again = assert_problem(api.post("/api/vehicles/", {**NEW_VEHICLE, "registration": "KDC333C"}, format="json"), 409)
    assert again["type"] == "/problems/vin_taken" and again["errors"][0]["field"] == "vin"
    assert Vehicle.objects.count() == 1 and not Alert.objects.exists()


@pytest.mark.django_db(transaction=True)  # the alert is raised after the commit
def test_changing_a_vin_to_one_another_customer_holds_is_accepted_and_flagged(actors):
    VehicleFactory(owner=actors["other_customer"], vin="WVWZZZ1JZXW999999")
    mine = VehicleFactory(owner=actors["owner"])
    other_of_mine = VehicleFactory(owner=actors["owner"])
    api = client_for(actors["owner"])
    changed = api.patch(f"/api/vehicles/{mine.pk}/", {"vin": "wvwzzz1jzxw999999"}, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["vin"] == "WVWZZZ1JZXW999999"
    assert Alert.objects.get().data["vehicle_id"] == str(mine.pk)
    # Another of my own vehicles' VIN: a conflict, and nothing changes.
    clash = api.patch(f"/api/vehicles/{mine.pk}/", {"vin": other_of_mine.vin}, format="json")
    assert assert_problem(clash, 409)["errors"][0]["field"] == "vin"
    mine.refresh_from_db()
    assert mine.vin == "WVWZZZ1JZXW999999"
    # A change that leaves the identity alone raises nothing.
    assert api.patch(f"/api/vehicles/{mine.pk}/", {"colour": "Blue"}, format="json").status_code == 200
    assert Alert.objects.count() == 1
