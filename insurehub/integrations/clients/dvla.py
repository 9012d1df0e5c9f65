"""DVLA Vehicle Enquiry Service (VES): POST /vehicle-enquiry/v1/vehicles with
{"registrationNumber"} and the x-api-key header.

Documented answers: 200 with the vehicle; 400 (bad registration), 404 (no record),
429 (too many requests), 500 and 503 (DVLA trouble), each with a body
{"errors": [{"status", "code", "title", "detail"}]}. 429/5xx are retried by the base client.
"""

import re

import httpx

from insurehub.integrations.clients.base import BadResponseError, ProviderClient, json_body
from insurehub.integrations.results import ProviderResult, ResultStatus

_UK_REGISTRATION = re.compile(r"^[A-Z0-9]{2,8}$")


def normalise_registration(value: str) -> str:
    """ " ab12 cde " / "AB12-CDE" -> "AB12CDE" (DVLA wants no spaces)."""
    return re.sub(r"[\s\-]", "", value or "").upper()


def _first_error(body) -> tuple[str, str]:
    if isinstance(body, dict) and isinstance(body.get("errors"), list) and body["errors"]:
        error = body["errors"][0] or {}
        return str(error.get("title", "")), str(error.get("detail", ""))
    return "", ""


class DvlaClient(ProviderClient):
    provider = "dvla"
    base_url_setting = "DVLA_VES_BASE_URL"
    api_key_setting = "DVLA_VES_API_KEY"
    rate_setting = "DVLA_VES_RATE_LIMIT"
    cache_seconds = 12 * 3600

    def headers(self) -> dict[str, str]:
        return {**super().headers(), "x-api-key": self.api_key, "Content-Type": "application/json"}

    def vehicle(self, registration: str) -> ProviderResult:
        registration = normalise_registration(registration)
        if not _UK_REGISTRATION.match(registration):
            return ProviderResult(
                provider=self.provider,
                status=ResultStatus.INVALID,
                error_code="invalid_registration",
                error="A UK registration has 2 to 8 letters and digits.",
            )
        return self.request("POST", "/vehicle-enquiry/v1/vehicles", json_body={"registrationNumber": registration})

    def parse(self, response: httpx.Response) -> ProviderResult:
        body = json_body(response)
        if response.status_code == 200:
            if not isinstance(body, dict) or not body.get("registrationNumber") or not body.get("make"):
                raise BadResponseError("vehicle answer without registrationNumber or make")
            return ProviderResult(provider=self.provider, status=ResultStatus.OK, data=_normalise(body), raw=body)
        title, detail = _first_error(body)
        message = detail or title or f"DVLA answered {response.status_code}"
        if response.status_code == 404:
            status, code = ResultStatus.NOT_FOUND, "vehicle_not_found"
        elif response.status_code == 400:
            status, code = ResultStatus.INVALID, "invalid_registration"
        elif response.status_code in (401, 403):
            status, code = ResultStatus.FAILED, "key_rejected"
        else:
            status, code = ResultStatus.FAILED, f"http_{response.status_code}"
        return ProviderResult(provider=self.provider, status=status, error_code=code, error=message, raw=body)


def _normalise(body: dict) -> dict:
    year = body.get("yearOfManufacture")
    return {
        "registration": body["registrationNumber"],
        "make": str(body["make"]).title(),
        "colour": str(body.get("colour") or "").title(),
        "year_of_manufacture": int(year) if year not in (None, "") else None,
        "fuel_type": body.get("fuelType") or "",
        "engine_capacity_cc": body.get("engineCapacity"),
        "tax_status": body.get("taxStatus") or "",
        "tax_due_date": body.get("taxDueDate"),
        "mot_status": body.get("motStatus") or "",
        "mot_expiry_date": body.get("motExpiryDate"),
        "marked_for_export": bool(body.get("markedForExport", False)),
        "month_of_first_registration": body.get("monthOfFirstRegistration"),
        "date_of_last_v5c_issued": body.get("dateOfLastV5CIssued"),
        "type_approval": body.get("typeApproval") or "",
    }
