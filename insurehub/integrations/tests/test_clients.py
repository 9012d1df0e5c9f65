"""Each client against its stand-in server: answers, documented errors, and the resilience
machinery (retries, timeouts, dropped connections, breaker, rate limit, cache)."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from insurehub.integrations.clients.dvla import DvlaClient
from insurehub.integrations.clients.nominatim import NominatimClient
from insurehub.integrations.clients.open_meteo import weather_at
from insurehub.integrations.clients.vehicle_history import VehicleHistoryClient
from insurehub.integrations.clients.vpic import VpicClient
from insurehub.integrations.geo import haversine_km
from insurehub.integrations.resilience import BreakerState, CircuitBreaker, RateLimiter, parse_rate
from insurehub.integrations.results import ResultStatus
from insurehub.integrations.tests.servers import dvla_error, history_report
from insurehub.integrations.vin_decoding import decode_vin
from insurehub.vehicles.vin import InvalidVinError, validate

SERVICE_UNAVAILABLE = ("status", 503, dvla_error(503, "Service Unavailable", "maintenance"), {})


# --- DVLA -----------------------------------------------------------------------------------
def test_dvla_vehicle_is_normalised_and_sent_as_documented(dvla):
    result = DvlaClient().vehicle(" aa19 aaa ")
    assert result.status == ResultStatus.OK, result
    assert result.data["make"] == "Ford"
    assert result.data["colour"] == "Red"
    assert result.data["year_of_manufacture"] == 2019
    assert result.data["tax_status"] == "Taxed"
    assert result.data["marked_for_export"] is False
    assert result.raw["registrationNumber"] == "AA19AAA"
    request = dvla.requests[-1]
    assert request["body"] == {"registrationNumber": "AA19AAA"}
    assert request["headers"]["x-api-key"] == "dvla-test-key"


def test_dvla_export_marker_and_mot(dvla):
    data = DvlaClient().vehicle("AA19-MOT").data
    assert data["marked_for_export"] is True
    assert data["mot_status"] == "Not valid"
    assert data["tax_status"] == "SORN"


@pytest.mark.parametrize(
    ("registration", "status", "code", "attempts"),
    [
        ("ER19NFD", ResultStatus.NOT_FOUND, "vehicle_not_found", 1),
        ("ER19BAD", ResultStatus.INVALID, "invalid_registration", 1),
        ("ER19ERR", ResultStatus.FAILED, "provider_error", 3),
        ("ER19MNT", ResultStatus.FAILED, "provider_error", 3),
    ],
)
def test_dvla_documented_errors(dvla, registration, status, code, attempts):
    result = DvlaClient().vehicle(registration)
    assert (result.status, result.error_code, result.attempts) == (status, code, attempts)
    assert len(dvla.requests) == attempts  # 4xx answers are final, 5xx are retried


def test_dvla_429_with_long_retry_after_is_not_waited_for(dvla):
    started = time.perf_counter()
    result = DvlaClient().vehicle("ER19THR")
    assert result.status == ResultStatus.RATE_LIMITED
    assert result.retry_after == 30
    assert result.attempts == 1
    assert time.perf_counter() - started < 0.5


def test_429_with_short_retry_after_is_honoured_then_succeeds(dvla):
    dvla.fail_next(("status", 429, dvla_error(429, "Too Many Requests", "slow down"), {"Retry-After": "0"}))
    result = DvlaClient().vehicle("AA19AAA")
    assert result.ok and result.attempts == 2


def test_bad_registration_is_refused_before_calling(dvla):
    result = DvlaClient().vehicle("TOO LONG REG 123")
    assert result.status == ResultStatus.INVALID
    assert dvla.requests == []


def test_missing_key_is_not_configured(dvla, settings):
    settings.DVLA_VES_API_KEY = ""
    result = DvlaClient().vehicle("AA19AAA")
    assert result.status == ResultStatus.NOT_CONFIGURED
    assert "DVLA_VES_API_KEY" in result.error
    assert dvla.requests == []


def test_rejected_key_is_a_final_failure(dvla, settings):
    settings.DVLA_VES_API_KEY = "wrong"
    result = DvlaClient().vehicle("AA19AAA")
    assert (result.status, result.error_code, result.attempts) == (ResultStatus.FAILED, "key_rejected", 1)


def test_5xx_then_success_is_retried(dvla):
    dvla.fail_next(SERVICE_UNAVAILABLE)
    result = DvlaClient().vehicle("AA19AAA")
    assert result.ok and result.attempts == 2


def test_slow_answer_times_out_and_is_retried(dvla):
    dvla.fail_next(("slow", 1.0))
    started = time.perf_counter()
    result = DvlaClient().vehicle("AA19AAA")
    elapsed = time.perf_counter() - started
    assert result.ok and result.attempts == 2
    assert 0.3 <= elapsed < 1.0  # one read timeout (0.3 s), not the full slow answer


def test_always_slow_answer_fails_with_timeout(dvla):
    dvla.fail_next(("slow", 1.0), ("slow", 1.0), ("slow", 1.0))
    result = DvlaClient().vehicle("AA19AAA")
    assert (result.status, result.error_code, result.attempts) == (ResultStatus.FAILED, "timeout", 3)


def test_dropped_connection_is_retried(dvla):
    dvla.fail_next(("drop",))
    result = DvlaClient().vehicle("AA19AAA")
    assert result.ok and result.attempts == 2


def test_answer_that_is_not_json_is_a_stored_failure_not_retried(dvla):
    dvla.fail_next(("garbage",))
    result = DvlaClient().vehicle("AA19AAA")
    assert (result.status, result.error_code, result.attempts) == (ResultStatus.FAILED, "bad_response", 1)
    assert "Service temporarily down" in result.raw


def test_answer_missing_fields_is_a_failure(dvla):
    dvla.fail_next(("status", 200, {"registrationNumber": "AA19AAA"}, {}))
    result = DvlaClient().vehicle("AA19AAA")
    assert (result.status, result.error_code) == (ResultStatus.FAILED, "bad_response")


def test_network_down_fails_cleanly(settings):
    settings.DVLA_VES_API_KEY = "key"  # base URL points at a closed port
    result = DvlaClient().vehicle("AA19AAA")
    assert (result.status, result.error_code, result.attempts) == (ResultStatus.FAILED, "network", 3)


def test_answers_are_cached(dvla):
    first = DvlaClient().vehicle("AA19AAA")
    second = DvlaClient().vehicle("aa19aaa")
    assert first.ok and second.ok and second.from_cache
    assert second.data == first.data
    assert len(dvla.requests) == 1


def test_failures_are_not_cached(dvla):
    dvla.fail_next(SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE)
    assert DvlaClient().vehicle("AA19AAA").status == ResultStatus.FAILED
    assert DvlaClient().vehicle("AA19AAA").ok


# --- circuit breaker and rate limit -----------------------------------------------------------
def test_breaker_opens_after_failed_calls_and_refuses_without_calling(dvla):
    dvla.fail_next(*[SERVICE_UNAVAILABLE] * 9)
    for _ in range(3):
        assert DvlaClient().vehicle("AA19AAA").status == ResultStatus.FAILED
    assert CircuitBreaker("dvla").state() == BreakerState.OPEN
    calls = len(dvla.requests)
    result = DvlaClient().vehicle("AA19AAA")
    assert result.status == ResultStatus.UNAVAILABLE
    assert result.error_code == "circuit_open"
    assert 59 <= result.retry_after <= 60
    assert len(dvla.requests) == calls


def test_not_found_and_invalid_do_not_trip_the_breaker(dvla):
    for _ in range(5):
        DvlaClient().vehicle("ER19NFD")
        DvlaClient().vehicle("ER19BAD")
    assert CircuitBreaker("dvla").state() == BreakerState.CLOSED


def _age_breaker(provider: str, seconds: float) -> None:
    """Move the moment the breaker opened into the past (as if `seconds` had gone by)."""
    key = f"integrations:breaker:{provider}:opened_at"
    cache.set(key, cache.get(key) - seconds, timeout=600)


def test_half_open_lets_one_probe_through_and_closes_on_success(dvla):
    breaker = CircuitBreaker("dvla")
    for _ in range(3):
        breaker.record_failure()
    _age_breaker("dvla", 61)
    assert breaker.state() == BreakerState.HALF_OPEN
    assert DvlaClient().vehicle("AA19AAA").ok
    assert breaker.state() == BreakerState.CLOSED


def test_half_open_failure_opens_again(dvla):
    breaker = CircuitBreaker("dvla")
    for _ in range(3):
        breaker.record_failure()
    _age_breaker("dvla", 61)
    dvla.fail_next(SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE)
    assert DvlaClient().vehicle("AA19AAA").status == ResultStatus.FAILED
    assert breaker.state() == BreakerState.OPEN


def test_half_open_admits_a_single_probe_across_workers():
    breaker = CircuitBreaker("dvla")
    for _ in range(3):
        breaker.record_failure()
    _age_breaker("dvla", 61)
    # Two workers see the same cache: only the first gets the probe.
    assert CircuitBreaker("dvla").allow() is True
    assert CircuitBreaker("dvla").allow() is False


def test_rate_limit_is_shared_and_refuses_without_calling(dvla, settings):
    settings.DVLA_VES_RATE_LIMIT = "2/minute"
    assert DvlaClient().vehicle("AA19AAA").ok
    assert DvlaClient().vehicle("AA19MOT").ok
    result = DvlaClient().vehicle("ER19NFD")
    assert (result.status, result.error_code) == (ResultStatus.RATE_LIMITED, "rate_limited_locally")
    assert len(dvla.requests) == 2
    assert CircuitBreaker("dvla").state() == BreakerState.CLOSED


def test_rate_parsing_and_windows():
    assert parse_rate("1/second") == (1, 1)
    assert parse_rate("600/minute") == (600, 60)
    assert parse_rate("") == (0, 1)
    windowed = RateLimiter("test", limit=2, window_seconds=60)
    assert windowed.try_acquire() == 0.0
    assert windowed.try_acquire() == 0.0
    assert -60 <= windowed.try_acquire() < 0  # full: refused until the next window


def test_a_limit_of_one_spaces_calls_by_the_period():
    limiter = RateLimiter("nominatim-test", limit=1, window_seconds=1)
    waits = [limiter.try_acquire() for _ in range(3)]
    assert 0 <= waits[0] <= 1
    assert waits[1] - waits[0] == pytest.approx(1, abs=0.01)  # reserved slots one period apart
    assert waits[2] - waits[1] == pytest.approx(1, abs=0.01)
    assert limiter.acquire(max_wait=0.5) is False  # the next free slot is over 2 s away


# --- vehicle history ------------------------------------------------------------------------
def test_history_report_flags(history):
    history.reports["AB12CDE"] = history_report(
        "AB12CDE",
        "WVWZZZ1JZXW000001",
        stolen={"reported": True, "reported_on": "2026-10-01", "police_force": "Met"},
        write_off={"recorded": True, "category": "S", "date": "2025-01-01"},
        finance={"outstanding": True, "agreements": [{"lender": "Bank", "type": "PCP"}]},
        plate_changes=[{"from": "OLD1", "to": "AB12CDE", "date": "2024-01-01"}],
    )
    result = VehicleHistoryClient().report(registration="ab12 cde", vin="WVWZZZ1JZXW000001")
    assert result.ok
    assert result.data["stolen"] and result.data["written_off"] and result.data["finance_outstanding"]
    assert result.data["write_off_category"] == "S"
    assert result.data["plate_changes"] == 1
    assert history.requests[-1]["headers"]["Authorization"] == "Bearer history-test-key"


def test_history_unknown_vehicle_and_bad_key(history, settings):
    assert VehicleHistoryClient().report(registration="ZZ99ZZZ").status == ResultStatus.NOT_FOUND
    settings.VEHICLE_HISTORY_API_KEY = "wrong"
    result = VehicleHistoryClient().report(registration="ZZ99ZZY")
    assert (result.status, result.error_code) == (ResultStatus.FAILED, "unauthorised")


def test_history_not_configured_by_default():
    assert VehicleHistoryClient().report(registration="AB12CDE").status == ResultStatus.NOT_CONFIGURED


def test_history_answer_missing_fields(history):
    history.reports["AB12CDE"] = {"registration": "AB12CDE", "stolen": {"reported": False}}
    result = VehicleHistoryClient().report(registration="AB12CDE")
    assert (result.status, result.error_code) == (ResultStatus.FAILED, "bad_response")


# --- VIN --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("vin", "code"),
    [
        ("WVWZZZ1JZXW00001", "vin_length"),
        ("WVWZZZ1JZXWO00001", "vin_characters"),
        ("1M8GDM9AXKP04278Q", "vin_characters"),
        ("1M8GDM9A1KP042788", "vin_check_digit"),
        ("1M8GDM9AXKP04278!", "vin_characters"),
    ],
)
def test_malformed_vins(vin, code):
    with pytest.raises(InvalidVinError) as error:
        validate(vin)
    assert error.value.code == code


def test_vin_decoded_offline_when_vpic_is_unreachable():
    decoding = decode_vin("wvwzzz1jzxw000001")
    assert decoding.offline["manufacturer"] == "Volkswagen"
    assert decoding.offline["country"] == "Germany"
    assert decoding.offline["check_digit_used"] is False
    assert decoding.online["status"] == ResultStatus.FAILED


def test_vin_decoded_online_with_vpic(vpic):
    decoding = decode_vin("1M8GDM9AXKP042788")
    assert decoding.offline["check_digit_valid"] is True
    assert decoding.online["status"] == ResultStatus.OK
    assert decoding.online["data"]["make"] == "MERCURY"
    assert vpic.requests[-1]["query"] == {"format": "json"}  # two candidate model years: none sent


def test_vpic_without_detail_is_not_found(vpic):
    result = VpicClient().decode("WVWZZZ1JZXW000001", model_year=1999)
    assert result.status == ResultStatus.NOT_FOUND
    assert "No detailed data" in result.error
    assert vpic.requests[-1]["query"] == {"format": "json", "modelyear": "1999"}


def test_vpic_answer_without_results(vpic):
    vpic.fail_next(("status", 200, {"Count": 0, "Message": "Error"}, {}))
    assert VpicClient().decode("1M8GDM9AXKP042788").error_code == "bad_response"


# --- weather ----------------------------------------------------------------------------------
NAIROBI = (-1.2841, 36.8219)


def test_old_incident_uses_the_archive(meteo):
    at = datetime.now(UTC).replace(minute=20, second=0, microsecond=0) - timedelta(days=30)
    meteo.weather[at.date()] = {"temperature_2m": -2.0, "precipitation": 0.4, "weather_code": 96}
    result = weather_at(latitude=NAIROBI[0], longitude=NAIROBI[1], at=at)
    assert result.ok, result
    assert result.data["source"] == "open_meteo_archive"
    assert result.data["temperature_c"] == -2.0
    assert result.data["hail_6h"] is True
    assert result.data["time"] == at.replace(minute=0).isoformat()
    query = meteo.requests[-1]["query"]
    assert meteo.requests[-1]["path"] == "/v1/archive"
    assert query["timezone"] == "GMT"
    assert query["end_date"] == at.date().isoformat()
    assert "visibility" not in query["hourly"]


def test_recent_incident_uses_the_forecast_api_with_visibility(meteo):
    at = datetime.now(UTC) - timedelta(hours=3)
    result = weather_at(latitude=NAIROBI[0], longitude=NAIROBI[1], at=at)
    assert result.ok and result.data["source"] == "open_meteo_forecast"
    assert result.data["visibility_m"] == 24000.0
    assert meteo.requests[-1]["path"] == "/v1/forecast"


def test_future_time_is_refused_without_calling(meteo):
    result = weather_at(latitude=0, longitude=0, at=datetime.now(UTC) + timedelta(days=2))
    assert (result.status, result.error_code) == (ResultStatus.INVALID, "future_time")
    assert meteo.requests == []


def test_archive_down_falls_back_to_forecast(meteo):
    outage = ("status", 503, {"error": True, "reason": "overloaded"}, {})
    meteo.fail_next(outage, outage, outage)
    result = weather_at(latitude=NAIROBI[0], longitude=NAIROBI[1], at=datetime.now(UTC) - timedelta(days=20))
    assert result.ok and result.data["source"] == "open_meteo_forecast"


def test_weather_bad_request_is_invalid(meteo):
    result = weather_at(latitude=95.0, longitude=0.0, at=datetime.now(UTC) - timedelta(days=20))
    assert result.status == ResultStatus.INVALID
    assert "Latitude must be in range" in result.error


def test_weather_answer_with_misaligned_series(meteo):
    misaligned = ("status", 200, {"hourly": {"time": ["2026-01-01T00:00"], "temperature_2m": []}}, {})
    meteo.fail_next(misaligned, misaligned)  # the archive, then the forecast API it falls back to
    result = weather_at(latitude=1, longitude=1, at=datetime.now(UTC) - timedelta(days=20))
    assert (result.status, result.error_code) == (ResultStatus.FAILED, "bad_response")


# --- geocoding --------------------------------------------------------------------------------
def test_geocode_search_and_reverse(nominatim, settings):
    settings.NOMINATIM_USER_AGENT = "InsureHub-tests/1.0"
    found = NominatimClient().search("Kenyatta   Avenue, Nairobi")
    assert found.ok
    assert found.data["latitude"] == pytest.approx(-1.2841)
    assert found.data["country_code"] == "ke"
    assert nominatim.requests[-1]["headers"]["User-Agent"] == "InsureHub-tests/1.0"
    assert nominatim.requests[-1]["query"]["format"] == "jsonv2"
    back = NominatimClient().reverse(latitude=-4.0611, longitude=39.6664)
    assert back.ok and back.data["display_name"].startswith("Moi Avenue")


def test_geocode_nothing_found(nominatim):
    assert NominatimClient().search("Nowhere Street, Atlantis").status == ResultStatus.NOT_FOUND
    assert NominatimClient().reverse(latitude=0.0, longitude=0.0).status == ResultStatus.NOT_FOUND


def test_geocode_error_answer(nominatim):
    assert NominatimClient().search("").status == ResultStatus.INVALID


def test_haversine():
    assert haversine_km(*NAIROBI, -4.0610, 39.6663) == pytest.approx(440, abs=5)
    assert haversine_km(51.5034, -0.1276, 51.5034, -0.1276) == 0
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015, abs=2)
