"""Outside providers: vehicle registry and history, VIN, weather, geocoding."""

from .api import SPECTACULAR_SETTINGS
from .base import TESTING
from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

# Outside providers (vehicle registry and history, VIN, weather, geocoding). Every client has
# connect/read timeouts, retries with backoff on 429/5xx/network errors, a circuit breaker and
# a rate limit ("N/second|minute|hour") shared by all workers through the cache, and caches its answers.
# Under tests the keyless public providers default to unconfigured: no test reaches the internet.
INTEGRATIONS_CONNECT_TIMEOUT = env.float("INTEGRATIONS_CONNECT_TIMEOUT", 3.0)
INTEGRATIONS_READ_TIMEOUT = env.float("INTEGRATIONS_READ_TIMEOUT", 10.0)
INTEGRATIONS_RETRIES = env.int("INTEGRATIONS_RETRIES", 2)  # extra attempts after the first
INTEGRATIONS_RETRY_BACKOFF_SECONDS = env.float("INTEGRATIONS_RETRY_BACKOFF_SECONDS", 0.5)
# A Retry-After longer than this is not waited for inside a request: the call answers
# "rate_limited" and the background task tries again later.
INTEGRATIONS_RETRY_MAX_WAIT_SECONDS = env.float("INTEGRATIONS_RETRY_MAX_WAIT_SECONDS", 2.0)
INTEGRATIONS_BREAKER_FAILURES = env.int("INTEGRATIONS_BREAKER_FAILURES", 5)
INTEGRATIONS_BREAKER_RESET_SECONDS = env.int("INTEGRATIONS_BREAKER_RESET_SECONDS", 60)
INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS = env.float("INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS", 1.5)
INTEGRATIONS_FAR_FROM_HOME_KM = env.float("INTEGRATIONS_FAR_FROM_HOME_KM", 150.0)
# Off: claim_enrich_later() does nothing (e.g. while a provider misbehaves, or data may not leave).
INTEGRATIONS_ENRICH_CLAIMS = env.bool("INTEGRATIONS_ENRICH_CLAIMS", True)
# DVLA Vehicle Enquiry Service (UK); the key comes from DVLA's developer portal.
DVLA_VES_BASE_URL = env.str("DVLA_VES_BASE_URL", "https://driver-vehicle-licensing.api.gov.uk")
DVLA_VES_API_KEY = env.str("DVLA_VES_API_KEY", "")
DVLA_VES_RATE_LIMIT = env.str("DVLA_VES_RATE_LIMIT", "600/minute")
# Vehicle history (HPI-style) provider speaking our JSON format (integrations/README.md).
VEHICLE_HISTORY_BASE_URL = env.str("VEHICLE_HISTORY_BASE_URL", "")
VEHICLE_HISTORY_API_KEY = env.str("VEHICLE_HISTORY_API_KEY", "")
VEHICLE_HISTORY_RATE_LIMIT = env.str("VEHICLE_HISTORY_RATE_LIMIT", "120/minute")
# NHTSA vPIC (public, no key).
VPIC_BASE_URL = env.str("VPIC_BASE_URL", "" if TESTING else "https://vpic.nhtsa.dot.gov/api")
VPIC_RATE_LIMIT = env.str("VPIC_RATE_LIMIT", "60/minute")
# Open-Meteo (public, no key; OPEN_METEO_API_KEY for the commercial hosts).
OPEN_METEO_FORECAST_BASE_URL = env.str("OPEN_METEO_FORECAST_BASE_URL", "" if TESTING else "https://api.open-meteo.com")
OPEN_METEO_ARCHIVE_BASE_URL = env.str(
    "OPEN_METEO_ARCHIVE_BASE_URL", "" if TESTING else "https://archive-api.open-meteo.com"
)
OPEN_METEO_API_KEY = env.str("OPEN_METEO_API_KEY", "")
OPEN_METEO_RATE_LIMIT = env.str("OPEN_METEO_RATE_LIMIT", "300/minute")
# Nominatim-compatible geocoder; the public instance's policy: 1 request/s and an identifying User-Agent.
NOMINATIM_BASE_URL = env.str("NOMINATIM_BASE_URL", "" if TESTING else "https://nominatim.openstreetmap.org")
NOMINATIM_USER_AGENT = env.str("NOMINATIM_USER_AGENT", "InsureHub/1.0 (+https://insurehub.test)")
NOMINATIM_EMAIL = env.str("NOMINATIM_EMAIL", "")
NOMINATIM_RATE_LIMIT = env.str("NOMINATIM_RATE_LIMIT", "1/second")
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["VehicleCheckKindEnum"] = (
    "insurehub.integrations.models.VehicleCheckKind.choices"
)
# Checks and enrichments left failed (provider down, no broker to retry them) are tried again.
CELERY_BEAT_SCHEDULE["integrations-retry-unfinished"] = {
    "task": "insurehub.integrations.tasks.retry_unfinished",
    "schedule": 15 * 60.0,
}
