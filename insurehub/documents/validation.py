"""Checking a document's extracted fields against what we know about its claim.

`validate(fields, facts, kind=...)` is pure: it gets the fields of `processed_data` and the
claim's facts (vehicle, policy, people, money) and answers a status and findings:

    {"code": "vin_mismatch", "severity": "error", "field": "vin",
     "message": "...", "expected": "...", "found": "..."}

error -> invalid, warning -> needs_review, only info -> valid.
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from insurehub.documents.models import DocumentKind, ValidationStatus

LOW_CONFIDENCE = 0.6
AMOUNT_PLAUSIBLE_FACTOR = Decimal("1.5")
NAME_MATCH_RATIO = 0.8


@dataclass(frozen=True)
class ClaimFacts:
    claim_number: str = ""
    vin: str = ""
    registration: str = ""
    policy_number: str = ""
    policy_start: date | None = None
    policy_end: date | None = None
    incident_date: date | None = None
    policyholder_names: tuple[str, ...] = ()
    estimated_cost: Decimal | None = None
    sum_insured: Decimal | None = None
    currency: str = ""
    extra: dict = field(default_factory=dict)


def _finding(code: str, severity: str, message: str, *, field: str = "", expected=None, found=None) -> dict:
    entry = {"code": code, "severity": severity, "message": message, "field": field}
    if expected is not None:
        entry["expected"] = str(expected)
    if found is not None:
        entry["found"] = str(found)
    return entry


def _plain(value: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", (value or "").upper())


def _match_identifier(findings: list, fields: dict, name: str, expected: str, label: str, *, required: bool) -> None:
    candidates = fields.get(name) or []
    expected = _plain(expected)
    if not expected:
        return
    if not candidates:
        if required:
            findings.append(
                _finding(f"{name}_missing", "warning", f"No {label} was found on the document.", field=name)
            )
        return
    matching = [c for c in candidates if _plain(c["value"]) == expected]
    if matching:
        best = matching[0]
        if best["confidence"] < LOW_CONFIDENCE:
            findings.append(
                _finding(
                    f"{name}_low_confidence",
                    "warning",
                    f"The {label} matches, but it was read with low confidence ({best['confidence']:.2f}).",
                    field=name,
                    expected=expected,
                    found=best["value"],
                )
            )
        else:
            findings.append(
                _finding(f"{name}_match", "info", f"The {label} matches the claim.", field=name, found=best["value"])
            )
        return
    best = candidates[0]
    findings.append(
        _finding(
            f"{name}_mismatch",
            "error" if best["confidence"] >= LOW_CONFIDENCE else "warning",
            f"The {label} on the document does not match the claim's.",
            field=name,
            expected=expected,
            found=best["value"],
        )
    )


def _check_dates(findings: list, fields: dict, facts: ClaimFacts) -> None:
    if not (facts.policy_start and facts.policy_end):
        return
    for candidate in fields.get("date") or []:
        if candidate.get("label") != "incident":
            continue
        when = date.fromisoformat(candidate["value"])
        if not facts.policy_start <= when <= facts.policy_end:
            findings.append(
                _finding(
                    "date_outside_policy",
                    "error",
                    "The incident date on the document is outside the policy period.",
                    field="date",
                    expected=f"{facts.policy_start}..{facts.policy_end}",
                    found=when,
                )
            )
        elif facts.incident_date and when != facts.incident_date:
            findings.append(
                _finding(
                    "incident_date_differs",
                    "warning",
                    "The incident date on the document differs from the claim's.",
                    field="date",
                    expected=facts.incident_date,
                    found=when,
                )
            )
        else:
            findings.append(_finding("date_in_policy", "info", "The incident date is inside the policy period."))


def _labelled(amounts: list[dict], label: str) -> Decimal | None:
    for candidate in amounts:
        if candidate.get("label") == label:
            return Decimal(candidate["value"])
    return None


def _check_amounts(findings: list, fields: dict, facts: ClaimFacts, kind: str) -> None:
    amounts = fields.get("amount") or []
    if not amounts:
        if kind in (DocumentKind.REPAIR_INVOICE, DocumentKind.ESTIMATE):
            findings.append(
                _finding("amount_missing", "warning", "No amount was found on the invoice.", field="amount")
            )
        return
    total, subtotal, tax = (_labelled(amounts, label) for label in ("total", "subtotal", "tax"))
    if total is not None and subtotal is not None:
        computed = subtotal + (tax or Decimal("0"))
        if abs(computed - total) > Decimal("0.01"):
            findings.append(
                _finding(
                    "totals_do_not_add_up",
                    "error",
                    "The subtotal and tax do not add up to the total.",
                    field="amount",
                    expected=computed,
                    found=total,
                )
            )
        else:
            findings.append(_finding("totals_add_up", "info", "The invoice totals add up."))
    headline = total if total is not None else max(Decimal(c["value"]) for c in amounts)
    currencies = {c["currency"] for c in amounts}
    if facts.currency and currencies and facts.currency not in currencies:
        findings.append(
            _finding(
                "currency_differs",
                "warning",
                "The document's amounts are in another currency than the claim's.",
                field="amount",
                expected=facts.currency,
                found=",".join(sorted(currencies)),
            )
        )
    if facts.sum_insured is not None and headline > facts.sum_insured:
        findings.append(
            _finding(
                "amount_above_sum_insured",
                "error",
                "The amount is above the policy's sum insured.",
                field="amount",
                expected=facts.sum_insured,
                found=headline,
            )
        )
    elif facts.estimated_cost and headline > facts.estimated_cost * AMOUNT_PLAUSIBLE_FACTOR:
        findings.append(
            _finding(
                "amount_implausible",
                "warning",
                "The amount is well above the claim's estimated cost.",
                field="amount",
                expected=facts.estimated_cost,
                found=headline,
            )
        )


def _normal_name(value: str) -> str:
    return " ".join(sorted(re.sub(r"[^a-z ]", "", value.lower()).split()))


def _check_names(findings: list, fields: dict, facts: ClaimFacts) -> None:
    names = fields.get("name") or []
    expected = [_normal_name(n) for n in facts.policyholder_names if n]
    if not names or not expected:
        return
    for candidate in names:
        found = _normal_name(candidate["value"])
        if any(difflib.SequenceMatcher(None, found, e).ratio() >= NAME_MATCH_RATIO for e in expected):
            findings.append(_finding("name_match", "info", "The name matches the policyholder.", field="name"))
            return
    findings.append(
        _finding(
            "name_mismatch",
            "warning",
            "No name on the document matches the policyholder.",
            field="name",
            expected=facts.policyholder_names[0],
            found=names[0]["value"],
        )
    )


def validate(fields: dict, facts: ClaimFacts, *, kind: str) -> tuple[str, list[dict]]:
    findings: list[dict] = []
    vehicle_document = kind in (DocumentKind.VEHICLE_REGISTRATION, DocumentKind.POLICY_DOCUMENT)
    _match_identifier(findings, fields, "vin", facts.vin, "VIN", required=kind == DocumentKind.VEHICLE_REGISTRATION)
    _match_identifier(findings, fields, "registration", facts.registration, "registration", required=vehicle_document)
    _match_identifier(findings, fields, "policy_number", facts.policy_number, "policy number", required=False)
    _match_identifier(findings, fields, "claim_number", facts.claim_number, "claim number", required=False)
    _check_dates(findings, fields, facts)
    _check_amounts(findings, fields, facts, kind)
    _check_names(findings, fields, facts)
    if not any(fields.get(name) for name in fields):
        findings.append(_finding("nothing_extracted", "warning", "No fields could be read from the document."))
    severities = {f["severity"] for f in findings}
    if "error" in severities:
        status = ValidationStatus.INVALID
    elif "warning" in severities or not findings:
        status = ValidationStatus.NEEDS_REVIEW
    else:
        status = ValidationStatus.VALID
    return status, findings
