"""Incidents files for tests: `incidents_csv(rows)` writes the layout's CSV; `incident_row(policy)`
is one valid row on a policy (its vehicle, an incident two days ago, Nairobi time)."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from insurehub.intake.files import COLUMNS
from insurehub.intake.models import Partner, PartnerPolicy
from insurehub.intake.services import partner_key_create


def incident_row(policy, **overrides) -> dict:
    at = timezone.now() - timedelta(days=2, minutes=overrides.pop("minutes", 0))
    row = {
        "policy_number": policy.policy_number,
        "registration": policy.vehicle.registration,
        "incident_date": at.isoformat(),
        "description": f"Flooded engine on {policy.policy_number} at the Kisumu underpass.",
        "incident_address": "Oginga Odinga St, Kisumu",
        "latitude": "-0.091702",
        "longitude": "34.767956",
        "estimated_amount": "85000.00",
        "external_reference": "",
    }
    row.update(overrides)
    return row


def incidents_csv(rows: list[dict], *, columns=None, encoding: str = "utf-8") -> bytes:
    columns = columns or [c for c in COLUMNS if any(c in r for r in rows)] or list(COLUMNS[:4])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode(encoding)


def partner_with_key(*, admin, policies=(), name: str = "Lakeside Fleet", kind: str = "fleet_owner"):
    partner = Partner.objects.create(name=name, kind=kind)
    PartnerPolicy.objects.bulk_create([PartnerPolicy(partner=partner, policy=p) for p in policies])
    api_key, key = partner_key_create(partner=partner, created_by=admin, name="fleet system")
    return partner, api_key, key
