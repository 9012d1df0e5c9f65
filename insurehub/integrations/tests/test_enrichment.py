"""Claim enrichment after FNOL: geocoding, distance from home, weather, vehicle checks, risk
flags and the alerts they raise, all against the stand-in providers."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.integrations import risk, services
from insurehub.integrations.models import ClaimEnrichment, VehicleCheck
from insurehub.integrations.tasks import retry_unfinished
from insurehub.integrations.tests.factories import ClaimFactory, VehicleFactory
from insurehub.integrations.tests.servers import history_report
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def providers(dvla, history, vpic, meteo, nominatim):
    return {"dvla": dvla, "history": history, "vpic": vpic, "meteo": meteo, "nominatim": nominatim}


@pytest.fixture
def claim(actors):
    owner = actors["owner"]
    owner.address = "Moi Avenue, Mombasa"
    owner.save()
    vehicle = VehicleFactory(
        owner=owner, registration="AA19AAA", vin="WVWZZZ1JZXW000001", make="Volkswagen", colour="Red", year=2019
    )
    return ClaimFactory(
        customer=owner,
        policy__vehicle=vehicle,
        vehicle=vehicle,
        incident_address="Kenyatta Avenue, Nairobi",
        description="Hail smashed the windscreen while parked.",
    )


def enrich(claim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_enrich_later(claim.pk)
    return ClaimEnrichment.objects.get(claim=claim)


def test_full_enrichment(claim, providers, django_capture_on_commit_callbacks):
    providers["history"].reports["AA19AAA"] = history_report("AA19AAA", "WVWZZZ1JZXW000001")
    enrichment = enrich(claim, django_capture_on_commit_callbacks)
    assert enrichment.status == "complete", enrichment.parts
    assert {name: part["status"] for name, part in enrichment.parts.items()} == {
        "incident_location": "ok",
        "home_location": "ok",
        "weather": "ok",
        "vehicle_dvla": "ok",
        "vehicle_hpi": "ok",
        "vehicle_vin": "ok",
    }
    assert enrichment.incident_location["latitude"] == pytest.approx(-1.2841)
    assert enrichment.distance_from_home_km == pytest.approx(Decimal("440"), abs=5)
    assert enrichment.home_location == {"country_code": "ke", "type": "primary"}  # no home coordinates kept
    assert enrichment.weather["source"] == "open_meteo_archive"
    # DVLA's stand-in says the plate is a red Ford: our record says Volkswagen.
    assert enrichment.risk_flags == ["far_from_home", "hail_claimed_no_hail", "vehicle_make_mismatch"]
    kinds = set(Alert.objects.filter(claim=claim).values_list("kind", flat=True))
    assert kinds == {"integrations.hail_claimed_no_hail", "integrations.vehicle_make_mismatch"}
    assert VehicleCheck.objects.filter(claim=claim).count() == 3
    event = OutboxEvent.objects.get(type="claim.enriched")
    # Risk flags are staff business: neither the customer nor the claim's group (which the customer
    # may join) hears of them.
    assert f"user.{claim.customer_id}" not in event.audience
    assert f"claim.{claim.pk}" not in event.audience
    assert f"department.{claim.department}" in event.audience


def test_enrichment_is_idempotent(claim, providers, django_capture_on_commit_callbacks):
    first = enrich(claim, django_capture_on_commit_callbacks)
    calls = sum(len(server.requests) for server in providers.values())
    again = enrich(claim, django_capture_on_commit_callbacks)
    assert again.pk == first.pk and again.attempts == first.attempts
    assert sum(len(server.requests) for server in providers.values()) == calls
    assert Alert.objects.filter(claim=claim).count() == 2
    assert ClaimEnrichment.objects.count() == 1


def test_providers_down_leave_a_partial_enrichment_that_is_retried(claim, settings, django_capture_on_commit_callbacks):
    enrichment = enrich(claim, django_capture_on_commit_callbacks)  # every base URL points at a closed port
    assert enrichment.status == "partial"
    assert enrichment.parts["incident_location"]["status"] == "failed"
    assert "weather" not in enrichment.parts  # waits for the place
    assert enrichment.parts["vehicle_hpi"]["status"] == "not_configured"
    assert enrichment.parts["vehicle_vin"]["status"] == "ok"  # offline decoding needs no network
    assert enrichment.risk_flags == []

    from insurehub.integrations.tests.servers import DvlaStandIn, NominatimStandIn, OpenMeteoStandIn, VpicStandIn

    with NominatimStandIn() as nominatim, OpenMeteoStandIn() as meteo, DvlaStandIn() as dvla, VpicStandIn():
        settings.NOMINATIM_BASE_URL = nominatim.url
        settings.OPEN_METEO_ARCHIVE_BASE_URL = settings.OPEN_METEO_FORECAST_BASE_URL = meteo.url
        settings.DVLA_VES_BASE_URL, settings.DVLA_VES_API_KEY = dvla.url, dvla.api_key
        assert retry_unfinished.delay().get() >= 1
    enrichment.refresh_from_db()
    assert enrichment.status == "complete"
    assert enrichment.attempts == 2
    assert enrichment.parts["vehicle_hpi"]["status"] == "not_configured"  # not configured is final
    assert "hail_claimed_no_hail" in enrichment.risk_flags


def test_claim_with_coordinates_no_vehicle_no_home_address(actors, providers, django_capture_on_commit_callbacks):
    claim = ClaimFactory(
        customer=actors["other_customer"],
        vehicle=None,
        incident_address="",
        incident_latitude=Decimal("-1.267600"),
        incident_longitude=Decimal("36.810800"),
        description="Slid on black ice into a wall.",
        incident_date=timezone.now() - timedelta(days=30),
    )
    providers["meteo"].weather[claim.incident_date.date()] = {"temperature_2m": -3.0, "snowfall": 0.4}
    enrichment = enrich(claim, django_capture_on_commit_callbacks)
    assert enrichment.status == "complete"
    assert enrichment.parts["home_location"]["status"] == "not_available"
    assert enrichment.parts["vehicle_dvla"]["status"] == "not_available"
    assert enrichment.distance_from_home_km is None
    assert enrichment.risk_flags == ["ice_risk"]
    assert providers["nominatim"].requests == []  # coordinates given: nothing to geocode
    assert not Alert.objects.filter(claim=claim).exists()  # ice supports the claim: no alert


def test_stolen_written_off_and_vin_mismatch_raise_alerts(claim, providers, django_capture_on_commit_callbacks):
    providers["history"].reports["AA19AAA"] = history_report(
        "AA19AAA",
        "1M8GDM9AXKP042788",
        stolen={"reported": True, "reported_on": "2026-09-01"},
        write_off={"recorded": True, "category": "N", "date": "2025-02-01"},
    )
    enrichment = enrich(claim, django_capture_on_commit_callbacks)
    assert {"vehicle_stolen", "vehicle_written_off", "vin_mismatch"} <= set(enrichment.risk_flags)
    alerts = {a.kind: a.severity for a in Alert.objects.filter(claim=claim)}
    assert alerts["integrations.vehicle_stolen"] == "critical"
    assert alerts["integrations.vehicle_written_off"] == "high"
    assert alerts["integrations.vin_mismatch"] == "high"


def test_incident_address_not_found_is_final(claim, providers, django_capture_on_commit_callbacks):
    claim.incident_address = "Nowhere Lane, Atlantis"
    claim.save()
    enrichment = enrich(claim, django_capture_on_commit_callbacks)
    assert enrichment.parts["incident_location"]["status"] == "not_found"
    assert enrichment.parts["weather"]["status"] == "not_available"
    assert enrichment.status == "complete"


@pytest.mark.parametrize(
    ("description", "weather", "flags"),
    [
        ("Hail dented the roof", {"hail_6h": True, "precipitation_6h_mm": 5}, []),
        ("Hail dented the roof", {"hail_6h": False}, ["hail_claimed_no_hail"]),
        ("Car flooded in heavy rain", {"precipitation_6h_mm": 0.2}, ["flood_claimed_dry"]),
        ("Car flooded in heavy rain", {"precipitation_6h_mm": 30}, []),
        ("A tree fell in the storm", {"max_gusts_6h_kmh": 20}, ["storm_claimed_calm"]),
        ("A tree fell in the storm", {"max_gusts_6h_kmh": 85}, []),
        ("Skidded on ice", {"min_temperature_6h_c": 12, "snowfall_6h_cm": 0}, ["snow_ice_claimed_mild"]),
        ("Rear-ended", {"min_temperature_6h_c": -1, "precipitation_6h_mm": 0.5}, ["ice_risk"]),
        ("Rear-ended", {}, []),
    ],
)
def test_weather_flags(description, weather, flags):
    assert risk.weather_flags(description, weather) == flags


def test_enrichment_endpoint_access(actors, claim, providers, django_capture_on_commit_callbacks):
    from insurehub.core.testing import AccessMatrix

    enrich(claim, django_capture_on_commit_callbacks)
    url = f"/api/integrations/claims/{claim.pk}/enrichment/"
    AccessMatrix(actors).assert_write(
        lambda client: client.get(url),
        expected={"owner": 403, "other_customer": 403, "agent": 200, "supervisor": 200, "admin": 200},
    )
    AccessMatrix(actors).assert_write(
        lambda client: client.post(url, {}),
        expected={"owner": 403, "other_customer": 403, "agent": 202, "supervisor": 202, "admin": 202},
    )


def test_refresh_forgets_place_and_weather(actors, claim, providers, django_capture_on_commit_callbacks):
    from insurehub.core.testing import client_for

    enrich(claim, django_capture_on_commit_callbacks)
    claim.incident_address = "Westlands, Nairobi"
    claim.description = "Rear-ended at the lights."
    claim.save()
    url = f"/api/integrations/claims/{claim.pk}/enrichment/"
    client = client_for(actors["supervisor"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"refresh": True}).status_code == 202
    body = client.get(url).json()
    assert body["status"] == "complete"
    assert body["incident_location"]["display_name"].startswith("Westlands")
    assert "hail_claimed_no_hail" not in body["risk_flags"]
    assert_problem_400 = client.post(url, {"refresh": "maybe"})
    assert assert_problem_400.status_code == 400


def test_enrichment_asked_in_a_rolled_back_transaction_never_happens(claim, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.claim_enrich_later(claim.pk)
        raise RuntimeError("FNOL failed after asking for enrichment")
    assert callbacks == []
    assert not ClaimEnrichment.objects.exists()


def test_enrichment_can_be_switched_off(actors, claim, settings, django_capture_on_commit_callbacks):
    from insurehub.core.testing import assert_problem, client_for

    settings.INTEGRATIONS_ENRICH_CLAIMS = False
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.claim_enrich_later(claim.pk) is None
    assert callbacks == []
    url = f"/api/integrations/claims/{claim.pk}/enrichment/"
    assert_problem(client_for(actors["agent"]).post(url, {}), 409)
