from datetime import UTC, datetime, timedelta

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.integrations.models import VehicleCheck
from insurehub.integrations.tests.factories import VehicleCheckFactory, VehicleFactory

pytestmark = pytest.mark.django_db

STAFF = ("agent", "agent_other_dept", "assessor", "assessor_other", "supervisor", "supervisor_other_dept", "admin")
# Staff who see every customer's vehicles: assessors see those of the claims assigned to them only.
OFFICE = ("agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin")


@pytest.fixture
def vehicle(actors):
    return VehicleFactory(
        owner=actors["owner"], registration="AA19AAA", make="Ford", model="Fiesta", colour="Red", year=2019
    )


def checks_url(vehicle) -> str:
    return f"/api/vehicles/{vehicle.pk}/checks/"


@pytest.fixture
def request_check(django_capture_on_commit_callbacks):
    """POST a check (201) with its after-commit task run, as outside a test transaction (the
    task runs eagerly without a broker); answers the check's detail as it is afterwards."""

    def post(user, vehicle, payload):
        client = client_for(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(checks_url(vehicle), payload)
        assert response.status_code == 201, response.content
        return client.get(f"{checks_url(vehicle)}{response.json()['id']}/")

    return post


# --- access -----------------------------------------------------------------------------------
def test_check_detail_visible_to_whoever_may_see_the_vehicle(actors, vehicle):
    check = VehicleCheckFactory(vehicle=vehicle)
    AccessMatrix(actors).assert_read(
        detail_url=f"{checks_url(vehicle)}{check.pk}/", object_id=check.pk, visible={"owner", *OFFICE}
    )


def test_check_list_access(actors, vehicle):
    check = VehicleCheckFactory(vehicle=vehicle)
    for name, user in actors.items():
        response = client_for(user).get(checks_url(vehicle))
        if name in ("other_customer", "assessor", "assessor_other"):
            assert_problem(response, 404)
        else:
            assert response.status_code == 200, name
            assert [row["id"] for row in response.json()["results"]] == [str(check.pk)]
    assert client_for(None).get(checks_url(vehicle)).status_code == 401


def test_requesting_a_check_is_for_staff(actors, vehicle, dvla):
    AccessMatrix(actors).assert_write(
        lambda client: client.post(checks_url(vehicle), {"kind": "vin"}),
        expected={"owner": 403, "other_customer": 404, **dict.fromkeys(OFFICE, 201)},
    )
    assert VehicleCheck.objects.filter(vehicle=vehicle).count() == len(OFFICE)


def test_the_weather_lookup_is_staff_only(actors, meteo):
    url = "/api/integrations/weather/?lat=-1.28&lon=36.82&at=2026-01-10T08:00:00Z"
    AccessMatrix(actors).assert_write(
        lambda client: client.get(url),
        expected={"owner": 403, "other_customer": 403, **dict.fromkeys(STAFF, 200)},
    )


def test_customers_decode_a_vin_offline_and_staff_also_online(actors, vpic):
    url = "/api/integrations/vin/1M8GDM9AXKP042788/"
    AccessMatrix(actors).assert_write(
        lambda client: client.get(url),
        expected={"owner": 200, "other_customer": 200, **dict.fromkeys(STAFF, 200)},
    )
    customer = client_for(actors["owner"]).get(url).json()
    assert customer["offline"]["manufacturer"] == "Mercury" and customer["offline"]["model_years"]
    assert customer["online"] is None  # no provider call on a customer's behalf
    assert client_for(actors["agent"]).get(url).json()["online"]["status"] == "ok"
    problem = assert_problem(client_for(actors["owner"]).get("/api/integrations/vin/1M8GDM9A1KP042788/"), 400)
    assert problem["type"].endswith("vin_check_digit")


def test_vin_decoding_is_rate_limited_per_caller(actors, settings):
    from django.core.cache import cache

    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "vin_decode": "3/minute"},
    }
    cache.clear()
    from rest_framework.settings import api_settings

    api_settings.reload()
    try:
        from insurehub.core.throttling import ScopedRateThrottle

        ScopedRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        url = "/api/integrations/vin/WVWZZZ1JZXW000001/"
        owner = client_for(actors["owner"])
        assert [owner.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
        assert client_for(actors["other_customer"]).get(url).status_code == 200  # per caller
    finally:
        ScopedRateThrottle.THROTTLE_RATES = rates
        cache.clear()


@pytest.mark.parametrize(
    "url",
    [
        "/api/integrations/geocode/?q=Kenyatta+Avenue,+Nairobi",
        "/api/integrations/geocode/reverse/?lat=-1.2841&lon=36.8219",
    ],
)
def test_geocoding_is_for_staff_and_customers_reporting_a_claim(actors, url, nominatim):
    AccessMatrix(actors).assert_write(
        lambda client: client.get(url),
        expected={"owner": 200, "other_customer": 200, **dict.fromkeys(STAFF, 200)},
    )
    assert client_for(None).get(url).status_code == 401


def test_check_list_uses_constant_queries(actors, vehicle):
    VehicleCheckFactory(vehicle=vehicle)
    client = client_for(actors["agent"])
    assert_constant_queries(
        client,
        checks_url(vehicle),
        grow=lambda: VehicleCheckFactory.create_batch(3, vehicle=vehicle),
        max_queries=6,
    )


# --- vehicle checks -------------------------------------------------------------------------
def test_dvla_check_runs_and_is_stored(actors, vehicle, dvla, request_check):
    body = request_check(actors["agent"], vehicle, {"kind": "dvla"}).json()
    assert body["status"] == "ok"
    assert body["provider"] == "dvla"
    assert body["result"]["make"] == "Ford"
    assert body["findings"] == []
    check = VehicleCheck.objects.get(pk=body["id"])
    assert check.raw_payload["registrationNumber"] == "AA19AAA"
    assert check.fetched_at is not None
    actions = set(AuditEvent.objects.filter(object_id=str(check.pk)).values_list("action", flat=True))
    assert actions == {"vehicle.check_requested", "vehicle.check_completed"}


def test_dvla_check_contradicting_our_record(actors, dvla, request_check):
    vehicle = VehicleFactory(owner=actors["owner"], registration="AA19MOT", make="Toyota", colour="Red", year=2019)
    body = request_check(actors["agent"], vehicle, {"kind": "dvla"}).json()
    assert set(body["findings"]) == {"make_mismatch", "colour_mismatch", "year_mismatch", "marked_for_export", "sorn"}


def test_provider_down_does_not_fail_the_request_and_is_retried_later(actors, vehicle, dvla, request_check):
    outage = ("status", 503, {"errors": [{"status": "503", "title": "Service Unavailable"}]}, {})
    dvla.fail_next(outage, outage, outage)
    response = request_check(actors["agent"], vehicle, {"kind": "dvla"})
    assert response.json()["status"] == "failed"
    assert response.json()["error_code"] == "provider_error"
    from insurehub.integrations.tasks import retry_unfinished

    assert retry_unfinished.delay().get() == 1
    check = VehicleCheck.objects.get(pk=response.json()["id"])
    assert check.status == "ok"
    assert check.attempts == 4
    assert retry_unfinished.delay().get() == 0  # final answers are never fetched again


def test_unconfigured_history_provider_is_a_clear_result(actors, vehicle, request_check):
    body = request_check(actors["agent"], vehicle, {"kind": "hpi"}).json()
    assert body["status"] == "not_configured"
    assert "VEHICLE_HISTORY_BASE_URL" in body["error"]


def test_history_check_flags_stolen_and_vin_mismatch(actors, vehicle, history, request_check):
    from insurehub.integrations.tests.servers import history_report

    history.reports["AA19AAA"] = history_report(
        "AA19AAA", "1M8GDM9AXKP042788", stolen={"reported": True, "reported_on": "2026-10-01"}
    )
    body = request_check(actors["supervisor"], vehicle, {"kind": "hpi"}).json()
    assert body["status"] == "ok"
    assert set(body["findings"]) == {"stolen", "vin_mismatch"}


def test_vin_check_works_offline(actors, vehicle, request_check):
    body = request_check(actors["agent"], vehicle, {"kind": "vin"}).json()
    assert body["status"] == "ok"
    assert body["result"]["offline"]["manufacturer"] == "Volkswagen"
    assert body["findings"] == ["vin_make_mismatch"]  # our record says Ford, the WMI says Volkswagen


@pytest.mark.parametrize(
    ("payload", "field"), [({"kind": "carfax"}, "kind"), ({}, "kind"), ({"kind": "vin", "force": True}, "force")]
)
def test_bad_check_requests(actors, vehicle, payload, field):
    body = assert_problem(client_for(actors["agent"]).post(checks_url(vehicle), payload), 400)
    assert body["errors"][0]["field"] == field
    assert not VehicleCheck.objects.exists()


# --- lookups ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("vin", "code"),
    [
        ("WVWZZZ1JZXW00001", "vin_length"),
        ("WVWZZZ1JZXWO00001", "vin_characters"),
        ("1M8GDM9A1KP042788", "vin_check_digit"),
    ],
)
def test_malformed_vin_is_400(actors, vin, code):
    body = assert_problem(client_for(actors["agent"]).get(f"/api/integrations/vin/{vin}/"), 400)
    assert body["type"].endswith(code)


def test_vin_lookup_online_and_offline(actors, vpic):
    body = client_for(actors["agent"]).get("/api/integrations/vin/1m8gdm9axkp042788/").json()
    assert body["vin"] == "1M8GDM9AXKP042788"
    assert body["offline"]["manufacturer"] == "Mercury"
    assert body["online"]["status"] == "ok"
    assert body["online"]["data"]["body_class"] == "Bus"


def test_weather_lookup(actors, meteo):
    at = (datetime.now(UTC) - timedelta(days=10)).replace(hour=8, minute=0, second=0, microsecond=0)
    meteo.weather[at.date()] = {"snowfall": 0.8, "temperature_2m": -4.0}
    response = client_for(actors["assessor"]).get(
        "/api/integrations/weather/", {"lat": "-1.28", "lon": "36.82", "at": at.isoformat()}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert body["data"]["snowfall_cm"] == 0.8
    assert body["data"]["min_temperature_6h_c"] == -4.0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lat": "95", "lon": "0"}, "lat"),
        ({"lat": "0", "lon": "-181"}, "lon"),
        ({"lat": "abc", "lon": "0"}, "lat"),
        ({"lon": "0"}, "lat"),
        ({"lat": "0", "lon": "0", "at": "yesterday"}, "at"),
        ({"lat": "0", "lon": "0", "units": "imperial"}, "units"),
    ],
)
def test_weather_bad_input(actors, params, field):
    body = assert_problem(client_for(actors["agent"]).get("/api/integrations/weather/", params), 400)
    assert body["errors"][0]["field"] == field


def test_weather_in_the_future_is_400(actors, meteo):
    at = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    body = assert_problem(
        client_for(actors["agent"]).get("/api/integrations/weather/", {"lat": 1, "lon": 1, "at": at}), 400
    )
    assert body["type"].endswith("future_time")
    assert meteo.requests == []


def test_weather_provider_down_is_a_200_with_its_status(actors):
    response = client_for(actors["agent"]).get("/api/integrations/weather/", {"lat": 1, "lon": 1})
    assert response.status_code == 200
    assert response.json()["status"] == "failed"
    assert response.json()["data"] is None


def test_geocode_and_reverse(actors, nominatim):
    client = client_for(actors["agent"])
    body = client.get("/api/integrations/geocode/", {"q": "Moi Avenue, Mombasa"}).json()
    assert body["status"] == "ok" and body["data"]["country_code"] == "ke"
    assert client.get("/api/integrations/geocode/", {"q": "Atlantis"}).json()["status"] == "not_found"
    back = client.get("/api/integrations/geocode/reverse/", {"lat": "-1.2676", "lon": "36.8108"}).json()
    assert back["data"]["display_name"].startswith("Westlands")
    assert_problem(client.get("/api/integrations/geocode/"), 400)
    assert_problem(client.get("/api/integrations/geocode/reverse/", {"lat": "-91", "lon": "0"}), 400)
