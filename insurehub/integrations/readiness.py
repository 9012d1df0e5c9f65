"""/readyz reports each provider's breaker state. An open breaker degrades a feature but
never makes the process unready: enrichment waits and retries, so this check never fails."""

from insurehub.core.health import READINESS_CHECKS
from insurehub.core.metrics import INTEGRATION_BREAKER_OPEN
from insurehub.integrations.clients.dvla import DvlaClient
from insurehub.integrations.clients.nominatim import NominatimClient
from insurehub.integrations.clients.open_meteo import OpenMeteoArchiveClient, OpenMeteoForecastClient
from insurehub.integrations.clients.vehicle_history import VehicleHistoryClient
from insurehub.integrations.clients.vpic import VpicClient

CLIENTS = (
    DvlaClient,
    VehicleHistoryClient,
    VpicClient,
    OpenMeteoArchiveClient,
    OpenMeteoForecastClient,
    NominatimClient,
)


def providers_report() -> dict:
    providers = {}
    for client_class in CLIENTS:
        client = client_class()
        breaker = client.breaker
        state = breaker.state()
        providers[client.provider] = {
            "configured": client.is_configured(),
            "breaker": state,
            "retry_in_seconds": round(breaker.retry_in(), 1),
        }
        # The state lives in the shared cache; refresh this process's gauge from it.
        INTEGRATION_BREAKER_OPEN.labels(provider=client.provider).set(0 if state == "closed" else 1)
    degraded = sorted(name for name, p in providers.items() if p["breaker"] != "closed")
    return {"status": "degraded" if degraded else "ok", "degraded": degraded, "providers": providers}


def register() -> None:
    """Add the providers to /readyz. Called when the URLconf loads (core.views reads the
    database when imported, so AppConfig.ready() is too early)."""
    READINESS_CHECKS.setdefault("integrations", providers_report)
