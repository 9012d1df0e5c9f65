"""Open-Meteo: weather at a place and hour.

Archive (ERA5 reanalysis, about 5 days behind):  GET /v1/archive
Forecast (also serves the recent past):          GET /v1/forecast
Both take latitude, longitude, start_date, end_date (YYYY-MM-DD), hourly=<variables>,
timezone=GMT and answer {"latitude", "longitude", "timezone", "hourly_units", "hourly":
{"time": ["2024-01-01T00:00", ...], "<variable>": [...]}}; a bad request is 400 with
{"error": true, "reason": "..."}. Visibility exists on the forecast API only.
"""

from datetime import UTC, datetime, timedelta

import httpx
from django.conf import settings

from insurehub.integrations.clients.base import BadResponseError, ProviderClient, json_body
from insurehub.integrations.results import ProviderResult, ResultStatus

ARCHIVE_DELAY = timedelta(days=5)  # the archive has no data for the most recent days
_COMMON = [
    "temperature_2m",
    "precipitation",
    "rain",
    "snowfall",
    "snow_depth",
    "weather_code",
    "wind_speed_10m",
    "wind_gusts_10m",
]
_OURS = {
    "temperature_2m": "temperature_c",
    "precipitation": "precipitation_mm",
    "rain": "rain_mm",
    "snowfall": "snowfall_cm",
    "snow_depth": "snow_depth_m",
    "weather_code": "weather_code",
    "wind_speed_10m": "wind_speed_kmh",
    "wind_gusts_10m": "wind_gusts_kmh",
    "visibility": "visibility_m",
}
HAIL_CODES = frozenset({96, 99})  # WMO: thunderstorm with slight / heavy hail


class _OpenMeteoClient(ProviderClient):
    api_key_setting = None
    rate_setting = "OPEN_METEO_RATE_LIMIT"
    path = ""
    variables: list[str] = _COMMON

    def conditions(self, *, latitude: float, longitude: float, at: datetime) -> ProviderResult:
        at = at.astimezone(UTC)
        day = at.date()
        params = {
            "latitude": f"{latitude:.4f}",
            "longitude": f"{longitude:.4f}",
            # the day before as well: "ice on the road" looks at the hours leading up to the incident
            "start_date": (day - timedelta(days=1)).isoformat(),
            "end_date": day.isoformat(),
            "hourly": ",".join(self.variables),
            "timezone": "GMT",
        }
        if settings.OPEN_METEO_API_KEY:
            params["apikey"] = settings.OPEN_METEO_API_KEY
        result = self.request("GET", self.path, params=params)
        if result.ok:
            try:
                result.data = {**_at_hour(result.data, at), "source": self.provider}
            except (BadResponseError, KeyError, TypeError, ValueError) as exc:
                result.status, result.error_code, result.error = ResultStatus.FAILED, "bad_response", str(exc)
                result.data = None
        return result

    def parse(self, response: httpx.Response) -> ProviderResult:
        body = json_body(response)
        if response.status_code == 400:
            reason = body.get("reason", "") if isinstance(body, dict) else ""
            return ProviderResult(
                provider=self.provider, status=ResultStatus.INVALID, error_code="bad_request", error=reason, raw=body
            )
        if response.status_code != 200:
            return ProviderResult(
                provider=self.provider, status=ResultStatus.FAILED, error_code=f"http_{response.status_code}", raw=body
            )
        hourly = body.get("hourly") if isinstance(body, dict) else None
        if not isinstance(hourly, dict) or not isinstance(hourly.get("time"), list) or not hourly["time"]:
            raise BadResponseError("weather answer without hourly.time")
        for name in hourly:
            if not isinstance(hourly[name], list) or len(hourly[name]) != len(hourly["time"]):
                raise BadResponseError(f"hourly.{name} does not line up with hourly.time")
        return ProviderResult(provider=self.provider, status=ResultStatus.OK, data=hourly, raw=body)


def _at_hour(hourly: dict, at: datetime) -> dict:
    """The values at the hour nearest `at`, plus the totals of the 6 hours before it."""
    times = [datetime.fromisoformat(t).replace(tzinfo=UTC) for t in hourly["time"]]
    nearest = min(range(len(times)), key=lambda i: abs((times[i] - at).total_seconds()))
    if abs((times[nearest] - at).total_seconds()) > 3600:
        raise BadResponseError("weather answer has no value near the requested hour")
    values = {ours: hourly[theirs][nearest] for theirs, ours in _OURS.items() if theirs in hourly}
    window = range(max(0, nearest - 6), nearest + 1)

    def total(name: str) -> float | None:
        series = [hourly[name][i] for i in window if name in hourly and hourly[name][i] is not None]
        return round(sum(series), 2) if series else None

    def extreme(name: str, pick) -> float | None:
        series = [hourly[name][i] for i in window if name in hourly and hourly[name][i] is not None]
        return pick(series) if series else None

    codes = {hourly["weather_code"][i] for i in window if "weather_code" in hourly} - {None}
    return {
        "time": times[nearest].isoformat(),
        **values,
        "precipitation_6h_mm": total("precipitation"),
        "snowfall_6h_cm": total("snowfall"),
        "min_temperature_6h_c": extreme("temperature_2m", min),
        "max_gusts_6h_kmh": extreme("wind_gusts_10m", max),
        "hail_6h": bool(codes & HAIL_CODES),
    }


class OpenMeteoArchiveClient(_OpenMeteoClient):
    provider = "open_meteo_archive"
    base_url_setting = "OPEN_METEO_ARCHIVE_BASE_URL"
    path = "/v1/archive"
    cache_seconds = 30 * 24 * 3600  # the past does not change


class OpenMeteoForecastClient(_OpenMeteoClient):
    provider = "open_meteo_forecast"
    base_url_setting = "OPEN_METEO_FORECAST_BASE_URL"
    path = "/v1/forecast"
    variables = [*_COMMON, "visibility"]
    cache_seconds = 3600  # recent hours are revised as observations arrive


def weather_at(*, latitude: float, longitude: float, at: datetime, now: datetime | None = None) -> ProviderResult:
    """The archive for anything older than its delay, the forecast API for the recent past.
    Falls back to the forecast API (92 days of past) when the archive is unavailable."""
    now = now or datetime.now(UTC)
    if at > now + timedelta(minutes=5):
        return ProviderResult(
            provider="open_meteo",
            status=ResultStatus.INVALID,
            error_code="future_time",
            error="Weather at a time in the future is a forecast, not an incident.",
        )
    if now - at > ARCHIVE_DELAY:
        result = OpenMeteoArchiveClient().conditions(latitude=latitude, longitude=longitude, at=at)
        if result.retryable and now - at < timedelta(days=90):
            fallback = OpenMeteoForecastClient().conditions(latitude=latitude, longitude=longitude, at=at)
            if fallback.ok:
                return fallback
        return result
    return OpenMeteoForecastClient().conditions(latitude=latitude, longitude=longitude, at=at)
