import pytest

from insurehub.integrations.tests.servers import (
    DvlaStandIn,
    NominatimStandIn,
    OpenMeteoStandIn,
    VehicleHistoryStandIn,
    VpicStandIn,
)


@pytest.fixture(autouse=True)
def _fast_clients(settings):
    """Short timeouts and backoff so that the fault tests stay fast; no rate limits unless a test sets one."""
    settings.INTEGRATIONS_CONNECT_TIMEOUT = 1.0
    settings.INTEGRATIONS_READ_TIMEOUT = 0.3
    settings.INTEGRATIONS_RETRIES = 2
    settings.INTEGRATIONS_RETRY_BACKOFF_SECONDS = 0.01
    settings.INTEGRATIONS_RETRY_MAX_WAIT_SECONDS = 1.0
    settings.INTEGRATIONS_BREAKER_FAILURES = 3
    settings.INTEGRATIONS_BREAKER_RESET_SECONDS = 60
    settings.INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS = 0
    for name in ("DVLA_VES", "VEHICLE_HISTORY", "VPIC", "OPEN_METEO", "NOMINATIM"):
        setattr(settings, f"{name}_RATE_LIMIT", "")
    # Nothing reaches the real hosts from a test: unconfigured unless a stand-in is pointed at.
    settings.DVLA_VES_BASE_URL = "http://127.0.0.1:9"
    settings.DVLA_VES_API_KEY = ""
    settings.VEHICLE_HISTORY_BASE_URL = ""
    settings.VEHICLE_HISTORY_API_KEY = ""
    settings.VPIC_BASE_URL = "http://127.0.0.1:9"
    settings.OPEN_METEO_ARCHIVE_BASE_URL = "http://127.0.0.1:9"
    settings.OPEN_METEO_FORECAST_BASE_URL = "http://127.0.0.1:9"
    settings.NOMINATIM_BASE_URL = "http://127.0.0.1:9"


@pytest.fixture
def dvla(settings):
    with DvlaStandIn() as server:
        settings.DVLA_VES_BASE_URL = server.url
        settings.DVLA_VES_API_KEY = server.api_key
        yield server


@pytest.fixture
def history(settings):
    with VehicleHistoryStandIn() as server:
        settings.VEHICLE_HISTORY_BASE_URL = server.url
        settings.VEHICLE_HISTORY_API_KEY = server.api_key
        yield server


@pytest.fixture
def vpic(settings):
    with VpicStandIn() as server:
        settings.VPIC_BASE_URL = server.url
        yield server


@pytest.fixture
def meteo(settings):
    with OpenMeteoStandIn() as server:
        settings.OPEN_METEO_ARCHIVE_BASE_URL = server.url
        settings.OPEN_METEO_FORECAST_BASE_URL = server.url
        yield server


@pytest.fixture
def nominatim(settings):
    with NominatimStandIn() as server:
        settings.NOMINATIM_BASE_URL = server.url
        yield server
