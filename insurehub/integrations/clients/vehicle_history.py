"""Vehicle history (HPI-style) from a configurable provider that speaks our JSON format.

HPI has no public API, so InsureHub defines the contract (integrations/README.md, "Vehicle
history provider format") and any provider, or an adapter in front of one, implements it:

    POST {VEHICLE_HISTORY_BASE_URL}/v1/vehicle-history
    Authorization: Bearer {VEHICLE_HISTORY_API_KEY}
    {"registration": "AB12CDE", "vin": "WVWZZZ1JZXW000001"}

200 -> the report; 400 / 404 / 401 -> {"error": {"code", "message"}}; 429 (Retry-After) and 5xx retried.
"""

import httpx

from insurehub.integrations.clients.base import BadResponseError, ProviderClient, json_body
from insurehub.integrations.clients.dvla import normalise_registration
from insurehub.integrations.results import ProviderResult, ResultStatus

_REQUIRED = ("finance", "stolen", "write_off", "mileage", "plate_changes")


class VehicleHistoryClient(ProviderClient):
    provider = "vehicle_history"
    base_url_setting = "VEHICLE_HISTORY_BASE_URL"
    api_key_setting = "VEHICLE_HISTORY_API_KEY"
    rate_setting = "VEHICLE_HISTORY_RATE_LIMIT"
    cache_seconds = 12 * 3600

    def headers(self) -> dict[str, str]:
        return {**super().headers(), "Authorization": f"Bearer {self.api_key}"}

    def report(self, *, registration: str, vin: str = "") -> ProviderResult:
        body = {"registration": normalise_registration(registration), "vin": (vin or "").strip().upper()}
        return self.request("POST", "/v1/vehicle-history", json_body=body)

    def parse(self, response: httpx.Response) -> ProviderResult:
        body = json_body(response)
        if response.status_code == 200:
            missing = [name for name in _REQUIRED if not isinstance(body, dict) or name not in body]
            if missing:
                raise BadResponseError(f"history report misses {', '.join(missing)}")
            return ProviderResult(provider=self.provider, status=ResultStatus.OK, data=_normalise(body), raw=body)
        error = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
        message = str(error.get("message") or f"history provider answered {response.status_code}")
        status = {
            404: ResultStatus.NOT_FOUND,
            400: ResultStatus.INVALID,
            422: ResultStatus.INVALID,
        }.get(response.status_code, ResultStatus.FAILED)
        code = str(error.get("code") or ("key_rejected" if response.status_code in (401, 403) else "http_error"))
        return ProviderResult(provider=self.provider, status=status, error_code=code, error=message, raw=body)


def _normalise(body: dict) -> dict:
    finance, stolen, write_off, mileage = body["finance"], body["stolen"], body["write_off"], body["mileage"]
    plate_changes = body["plate_changes"] or []
    return {
        "registration": body.get("registration", ""),
        "vin": body.get("vin", ""),
        "vin_matches_registration": body.get("vin_matches_registration"),
        "finance_outstanding": bool(finance.get("outstanding")),
        "finance_agreements": len(finance.get("agreements") or []),
        "stolen": bool(stolen.get("reported")),
        "stolen_reported_on": stolen.get("reported_on"),
        "written_off": bool(write_off.get("recorded")),
        "write_off_category": write_off.get("category") or "",
        "mileage_anomaly": bool(mileage.get("anomaly")),
        "last_mileage": max((r.get("miles") or 0 for r in mileage.get("readings") or []), default=None),
        "plate_changes": len(plate_changes),
    }
