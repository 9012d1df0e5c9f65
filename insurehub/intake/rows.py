"""One line of an incidents file checked on its own: formula injection, each value parsed and
normalised, and the row's key (its external reference, else a hash of its normalised values)."""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.dateparse import parse_datetime

from insurehub.vehicles.models import normalise_registration

# What a spreadsheet may run as a formula when the text is opened (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_COLUMNS = ("latitude", "longitude", "estimated_amount")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0", ""}
MAX_DESCRIPTION = 4000


@dataclass
class RowCheck:
    values: dict = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    def refuse(self, column: str, message: str, code: str = "invalid") -> None:
        self.errors.append({"field": column or None, "message": message, "code": code})


def _decimal(check: RowCheck, column: str, raw: str, *, low: Decimal, high: Decimal, places: int) -> str | None:
    text = raw.strip().replace(",", "") if column == "estimated_amount" else raw.strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        check.refuse(column, f"{column} is not a number.")
        return None
    if not value.is_finite() or not (low <= value <= high):
        check.refuse(column, f"{column} must be between {low} and {high}.")
        return None
    return str(value.quantize(Decimal(1).scaleb(-places)))


def _incident_date(check: RowCheck, raw: str) -> str | None:
    text = raw.strip()
    if not text:
        check.refuse("incident_date", "incident_date is required.", "required")
        return None
    parsed = parse_datetime(text.replace("/", "-"))
    if parsed is None:
        check.refuse(
            "incident_date",
            "incident_date must be an ISO 8601 date and time, e.g. 2026-11-28T14:30:00+03:00 or 2026-11-28 14:30.",
        )
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(settings.INTAKE_NAIVE_TIME_ZONE))
    return parsed.astimezone(ZoneInfo("UTC")).isoformat()


def _flag(check: RowCheck, column: str, raw: str) -> bool:
    text = raw.strip().lower()
    if text in TRUE_WORDS:
        return True
    if text not in FALSE_WORDS:
        check.refuse(column, f"{column} must be yes or no.")
    return False


def check_row(raw: dict[str, str]) -> RowCheck:
    check = RowCheck()
    if raw.get("__extra__"):
        check.refuse("file", "The line has more cells than the header names.", "extra_cells")
    for column, text in raw.items():
        if column == "__extra__" or not text:
            continue
        if text.startswith(FORMULA_STARTS) and not (column in NUMERIC_COLUMNS and PLAIN_NUMBER.match(text)):
            check.refuse(
                column,
                f"{column} begins with a character a spreadsheet runs as a formula (=, +, -, @, a tab or a "
                "carriage return); such cells are refused.",
                "formula_injection",
            )
    if check.errors and any(e["code"] == "formula_injection" for e in check.errors):
        # Kept as sent, to name the row in its results (the report neutralises them).
        check.values = {
            "policy_number": raw.get("policy_number", "").strip()[:20],
            "external_reference": raw.get("external_reference", "").strip()[:64],
        }
        return check
    values: dict = {}
    values["policy_number"] = raw.get("policy_number", "").strip().upper()
    if not values["policy_number"]:
        check.refuse("policy_number", "policy_number is required.", "required")
    values["registration"] = normalise_registration(raw.get("registration", ""))
    if not values["registration"]:
        check.refuse("registration", "registration is required.", "required")
    values["incident_date"] = _incident_date(check, raw.get("incident_date", ""))
    description = " ".join(raw.get("description", "").split())
    if not description:
        check.refuse("description", "description is required.", "required")
    elif len(description) > MAX_DESCRIPTION:
        check.refuse("description", f"description is longer than {MAX_DESCRIPTION} characters.")
    values["description"] = description
    values["incident_address"] = " ".join(raw.get("incident_address", "").split())[:255]
    values["latitude"] = _decimal(
        check, "latitude", raw.get("latitude", ""), low=Decimal(-90), high=Decimal(90), places=6
    )
    values["longitude"] = _decimal(
        check, "longitude", raw.get("longitude", ""), low=Decimal(-180), high=Decimal(180), places=6
    )
    if (values["latitude"] is None) != (values["longitude"] is None):
        check.refuse("latitude", "latitude and longitude go together: give both or neither.")
    values["estimated_amount"] = _decimal(
        check, "estimated_amount", raw.get("estimated_amount", ""), low=Decimal(0), high=Decimal("1e12"), places=2
    )
    values["injury"] = _flag(check, "injury", raw.get("injury", ""))
    values["third_party_involved"] = _flag(check, "third_party_involved", raw.get("third_party_involved", ""))
    values["police_report_number"] = raw.get("police_report_number", "").strip()[:64]
    reference = raw.get("external_reference", "").strip()
    if len(reference) > 64:
        check.refuse("external_reference", "external_reference is longer than 64 characters.")
        reference = reference[:64]
    values["external_reference"] = reference
    check.values = values
    return check


def row_key(values: dict) -> str:
    """The incident's identity within a scope: its external reference when the sender gives one,
    else the SHA-256 of its normalised values (so re-saving the file in another format or with
    other spacing still names the same incident)."""
    if values.get("external_reference"):
        source = "ref:" + values["external_reference"]
    else:
        material = {k: v for k, v in sorted(values.items()) if k != "external_reference"}
        source = "row:" + json.dumps(material, sort_keys=True, default=str)
    return hashlib.sha256(source.encode()).hexdigest()


def incident_at(values: dict) -> datetime:
    return datetime.fromisoformat(values["incident_date"])
