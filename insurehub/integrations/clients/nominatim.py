"""Nominatim-compatible geocoding: GET /search?q=&format=jsonv2&limit=1&addressdetails=1 and
GET /reverse?lat=&lon=&format=jsonv2&addressdetails=1.

Search answers a JSON list of places (lat/lon as strings, display_name, address, category,
type, importance); an empty list means nothing found. Reverse answers one place, or
{"error": "Unable to geocode"} with 200 when there is nothing there. Bad parameters are 400
with {"error": {"code": 400, "message": "..."}}. The public instance asks for an identifying
User-Agent and at most 1 request per second (NOMINATIM_RATE_LIMIT).
"""

import httpx
from django.conf import settings

from insurehub.integrations.clients.base import BadResponseError, ProviderClient, json_body
from insurehub.integrations.results import ProviderResult, ResultStatus


def _place(item: dict) -> dict:
    if not isinstance(item, dict) or "lat" not in item or "lon" not in item:
        raise BadResponseError("place without lat/lon")
    latitude, longitude = float(item["lat"]), float(item["lon"])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BadResponseError("place with coordinates out of range")
    address = item.get("address") if isinstance(item.get("address"), dict) else {}
    return {
        "latitude": latitude,
        "longitude": longitude,
        "display_name": item.get("display_name", ""),
        "category": item.get("category") or item.get("class") or "",
        "type": item.get("type", ""),
        "country_code": (address.get("country_code") or "").lower(),
        "address": address,
        "importance": item.get("importance"),
    }


class NominatimClient(ProviderClient):
    provider = "nominatim"
    base_url_setting = "NOMINATIM_BASE_URL"
    rate_setting = "NOMINATIM_RATE_LIMIT"
    cache_seconds = 30 * 24 * 3600

    def headers(self) -> dict[str, str]:
        return {**super().headers(), "User-Agent": settings.NOMINATIM_USER_AGENT}

    def _params(self, **params) -> dict:
        params.update(format="jsonv2", addressdetails="1")
        if settings.NOMINATIM_EMAIL:
            params["email"] = settings.NOMINATIM_EMAIL
        return params

    def search(self, query: str, *, country_codes: str = "") -> ProviderResult:
        params = self._params(q=" ".join(query.split()), limit="1")
        if country_codes:
            params["countrycodes"] = country_codes
        return self.request("GET", "/search", params=params)

    def reverse(self, *, latitude: float, longitude: float) -> ProviderResult:
        return self.request("GET", "/reverse", params=self._params(lat=f"{latitude:.6f}", lon=f"{longitude:.6f}"))

    def parse(self, response: httpx.Response) -> ProviderResult:
        body = json_body(response)
        if response.status_code != 200:
            error = body.get("error") if isinstance(body, dict) else None
            message = error.get("message", "") if isinstance(error, dict) else str(error or "")
            return ProviderResult(
                provider=self.provider,
                status=ResultStatus.INVALID if response.status_code == 400 else ResultStatus.FAILED,
                error_code=f"http_{response.status_code}",
                error=message,
                raw=body,
            )
        if isinstance(body, list):  # search
            if not body:
                return ProviderResult(
                    provider=self.provider, status=ResultStatus.NOT_FOUND, error_code="no_match", raw=body
                )
            return ProviderResult(provider=self.provider, status=ResultStatus.OK, data=_place(body[0]), raw=body)
        if isinstance(body, dict) and "error" in body:  # reverse: nothing there
            return ProviderResult(
                provider=self.provider,
                status=ResultStatus.NOT_FOUND,
                error_code="no_match",
                error=str(body["error"]),
                raw=body,
            )
        return ProviderResult(provider=self.provider, status=ResultStatus.OK, data=_place(body), raw=body)
