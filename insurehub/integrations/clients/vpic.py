"""NHTSA vPIC: GET /vehicles/DecodeVinValues/{vin}?format=json[&modelyear=YYYY].

vPIC always answers 200 with {"Count", "Message", "SearchCriteria", "Results": [one flat
object of strings]}; how well the VIN decoded is in Results[0].ErrorCode ("0" clean; e.g.
"1" check digit wrong, "6" incomplete VIN, "8" no detailed data) and ErrorText.
"""

import httpx

from insurehub.integrations.clients.base import BadResponseError, ProviderClient, json_body
from insurehub.integrations.results import ProviderResult, ResultStatus

_FIELDS = {
    "make": "Make",
    "model": "Model",
    "model_year": "ModelYear",
    "manufacturer": "Manufacturer",
    "body_class": "BodyClass",
    "vehicle_type": "VehicleType",
    "fuel_type": "FuelTypePrimary",
    "displacement_l": "DisplacementL",
    "plant_country": "PlantCountry",
    "trim": "Trim",
}


class VpicClient(ProviderClient):
    provider = "vpic"
    base_url_setting = "VPIC_BASE_URL"
    rate_setting = "VPIC_RATE_LIMIT"
    cache_seconds = 30 * 24 * 3600

    def decode(self, vin: str, *, model_year: int | None = None) -> ProviderResult:
        params = {"format": "json"}
        if model_year:
            params["modelyear"] = str(model_year)
        return self.request("GET", f"/vehicles/DecodeVinValues/{vin}", params=params)

    def parse(self, response: httpx.Response) -> ProviderResult:
        body = json_body(response)
        if response.status_code != 200:
            return ProviderResult(
                provider=self.provider,
                status=ResultStatus.INVALID if response.status_code == 400 else ResultStatus.FAILED,
                error_code=f"http_{response.status_code}",
                error=str(body.get("Message", "")) if isinstance(body, dict) else "",
                raw=body,
            )
        results = body.get("Results") if isinstance(body, dict) else None
        if not isinstance(results, list) or not results or not isinstance(results[0], dict):
            raise BadResponseError("vPIC answer without Results")
        row = results[0]
        data = {ours: (row.get(theirs) or "").strip() for ours, theirs in _FIELDS.items()}
        error_codes = [c.strip() for c in str(row.get("ErrorCode", "")).split(",") if c.strip()]
        data["error_codes"] = error_codes
        data["error_text"] = (row.get("ErrorText") or "").strip()
        warnings = [] if error_codes in ([], ["0"]) else [data["error_text"]]
        if not data["make"]:
            return ProviderResult(
                provider=self.provider,
                status=ResultStatus.NOT_FOUND,
                data=data,
                raw=body,
                error_code="not_decoded",
                error=data["error_text"] or "vPIC could not decode this VIN",
            )
        return ProviderResult(provider=self.provider, status=ResultStatus.OK, data=data, raw=body, warnings=warnings)
