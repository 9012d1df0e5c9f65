"""Writes of the integrations app: vehicle checks and claim enrichment.

A check or an enrichment is created `pending` in the caller's transaction and run by a
Celery task after commit, so a slow or failing provider never fails the user's request.
The task is idempotent (a final answer is never fetched twice) and retried with backoff
while the provider is failing, rate limited or behind an open breaker.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from insurehub.alerts.services import alert_raise
from insurehub.audit.services import audit_record
from insurehub.claims.services import staff_audience
from insurehub.core.tasks import enqueue_on_commit, task_by_name
from insurehub.integrations import risk
from insurehub.integrations.clients.dvla import DvlaClient
from insurehub.integrations.clients.nominatim import NominatimClient
from insurehub.integrations.clients.open_meteo import weather_at
from insurehub.integrations.clients.vehicle_history import VehicleHistoryClient
from insurehub.integrations.geo import haversine_km
from insurehub.integrations.models import (
    FINAL_STATUSES,
    CheckStatus,
    ClaimEnrichment,
    EnrichmentStatus,
    VehicleCheck,
)
from insurehub.integrations.results import ProviderResult, ResultStatus
from insurehub.integrations.vin_decoding import InvalidVinError, decode_vin
from insurehub.realtime.events import emit

# The tasks (tasks.py imports this module, so they are named here, not imported).
RUN_VEHICLE_CHECK = "insurehub.integrations.tasks.run_vehicle_check"
ENRICH_CLAIM = "insurehub.integrations.tasks.enrich_claim"


# --- vehicle checks ---------------------------------------------------------------------------
@transaction.atomic
def vehicle_check_request(*, vehicle, kind: str, actor, claim=None, run_later: bool = True) -> VehicleCheck:
    """Record a pending check of `vehicle` and (by default) run it after commit."""
    check = VehicleCheck(vehicle=vehicle, kind=kind, requested_by=actor, provider=_PROVIDERS[kind], claim=claim)
    check.full_clean()
    check.save()
    audit_record(
        actor=actor,
        action="vehicle.check_requested",
        target=check,
        changes={"kind": kind, "claim": str(claim.pk) if claim else None},
    )
    if run_later:
        enqueue_on_commit(task_by_name(RUN_VEHICLE_CHECK), str(check.pk))
    return check


_PROVIDERS = {VehicleCheck.Kind.DVLA: "dvla", VehicleCheck.Kind.HPI: "vehicle_history", VehicleCheck.Kind.VIN: "vin"}


def _run_provider(check: VehicleCheck) -> ProviderResult:
    vehicle = check.vehicle
    if check.kind == VehicleCheck.Kind.DVLA:
        return DvlaClient().vehicle(vehicle.registration)
    if check.kind == VehicleCheck.Kind.HPI:
        return VehicleHistoryClient().report(registration=vehicle.registration, vin=vehicle.vin)
    try:
        decoding = decode_vin(vehicle.vin)
    except InvalidVinError as exc:
        return ProviderResult(provider="vin", status=ResultStatus.INVALID, error_code=exc.code, error=exc.message)
    online = decoding.online
    return ProviderResult(
        provider="vin",
        # The offline decoding is an answer in itself; vPIC only adds detail.
        status=ResultStatus.OK,
        data=decoding.as_dict(),
        raw={"vpic_status": online.get("status"), "vpic": online.get("data")},
        warnings=[] if online.get("status") == ResultStatus.OK else [f"vPIC: {online.get('status')}"],
    )


def vehicle_check_findings(check: VehicleCheck, data: dict) -> list[str]:
    """Where the provider contradicts our record of the vehicle (or flags a risk)."""
    vehicle = check.vehicle
    findings: list[str] = []

    def differs(ours: str, theirs: str) -> bool:
        ours, theirs = (ours or "").strip().lower(), (theirs or "").strip().lower()
        return bool(ours and theirs) and not (ours.startswith(theirs) or theirs.startswith(ours))

    if check.kind == VehicleCheck.Kind.DVLA:
        if differs(vehicle.make, data.get("make", "")):
            findings.append("make_mismatch")
        if differs(vehicle.colour, data.get("colour", "")):
            findings.append("colour_mismatch")
        year = data.get("year_of_manufacture")
        if year and vehicle.year and abs(int(year) - int(vehicle.year)) > 1:
            findings.append("year_mismatch")
        if data.get("marked_for_export"):
            findings.append("marked_for_export")
        if (data.get("tax_status") or "").upper() == "SORN":
            findings.append("sorn")
    elif check.kind == VehicleCheck.Kind.HPI:
        for flag in ("stolen", "written_off", "finance_outstanding", "mileage_anomaly"):
            if data.get(flag):
                findings.append(flag)
        if data.get("plate_changes"):
            findings.append("plate_changed")
        theirs = (data.get("vin") or "").upper()
        if data.get("vin_matches_registration") is False or (theirs and theirs != (vehicle.vin or "").upper()):
            findings.append("vin_mismatch")
    elif check.kind == VehicleCheck.Kind.VIN:
        offline = data.get("offline", {})
        if differs(vehicle.make, offline.get("manufacturer", "")):
            findings.append("vin_make_mismatch")
        # Position 10 is a model year only where the region mandates it (with the check digit).
        years = offline.get("model_years") if offline.get("check_digit_used") else []
        if vehicle.year and years and all(abs(int(vehicle.year) - y) > 1 for y in years):
            findings.append("vin_year_mismatch")
    return findings


def vehicle_check_run(*, check_id) -> VehicleCheck:
    """Run a pending (or retryable) check; a final one is returned untouched. The provider is
    called outside any transaction; the answer is written under a row lock."""
    check = VehicleCheck.objects.select_related("vehicle").get(pk=check_id)
    if check.is_final:
        return check
    result = _run_provider(check)
    with transaction.atomic():
        # The check's row only (of=self): FOR UPDATE over the join also locked the vehicle, and an FNOL
        # inserting a claim for that vehicle then waited at COMMIT on its foreign-key check (issue #14).
        check = VehicleCheck.objects.select_for_update(no_key=True, of=("self",)).select_related("vehicle")
        check = check.get(pk=check_id)
        if check.is_final:  # another worker finished it meanwhile
            return check
        findings = vehicle_check_findings(check, result.data or {}) if result.ok else []
        if check.kind == VehicleCheck.Kind.DVLA and result.status == ResultStatus.NOT_FOUND:
            findings = ["registration_not_found"]
        check.status = CheckStatus(result.status)
        check.provider = result.provider
        check.raw_payload = result.raw if isinstance(result.raw, dict) else {"body": result.raw}
        check.result = result.data or {}
        check.findings = findings
        check.error_code = result.error_code
        check.error = result.error
        check.attempts += max(1, result.attempts)
        check.fetched_at = timezone.now()
        check.full_clean()
        check.save()
        audit_record(
            actor=None,
            action="vehicle.check_completed",
            target=check,
            changes={"status": check.status, "findings": findings},
        )
    return check


# --- retries of what is left unfinished ---------------------------------------------------------
RETRY_WINDOW = timedelta(days=3)
MAX_ATTEMPTS = 30


def unfinished_retry_enqueue() -> int:
    """Enqueue the checks (and enrichments) that have no final answer yet. Returns how many."""
    since = timezone.now() - RETRY_WINDOW
    check_ids = list(
        VehicleCheck.objects.exclude(status__in=FINAL_STATUSES)
        .filter(created_at__gte=since, attempts__lt=MAX_ATTEMPTS)
        .values_list("pk", flat=True)[:500]
    )
    for check_id in check_ids:
        task_by_name(RUN_VEHICLE_CHECK).delay(str(check_id))
    claim_ids = list(
        ClaimEnrichment.objects.exclude(status=EnrichmentStatus.COMPLETE)
        .filter(created_at__gte=since, attempts__lt=MAX_ATTEMPTS)
        .values_list("claim_id", flat=True)[:500]
    )
    for claim_id in claim_ids:
        task_by_name(ENRICH_CLAIM).delay(str(claim_id))
    return len(check_ids) + len(claim_ids)


@transaction.atomic
def vehicle_check_vin_offline(*, vehicle, actor=None) -> VehicleCheck:
    """A VIN check from the offline decoder only (no network): used where a provider call is
    not wanted, e.g. demo data. Raises nothing for a malformed VIN: it is stored as invalid."""
    check = VehicleCheck(vehicle=vehicle, kind=VehicleCheck.Kind.VIN, provider="vin", requested_by=actor)
    try:
        decoding = decode_vin(vehicle.vin, online=False)
    except InvalidVinError as exc:
        check.status, check.error_code, check.error = CheckStatus.INVALID, exc.code, exc.message
    else:
        check.status, check.result = CheckStatus.OK, decoding.as_dict()
        check.findings = vehicle_check_findings(check, check.result)
    check.attempts, check.fetched_at = 1, timezone.now()
    check.full_clean()
    check.save()
    audit_record(actor=actor, action="vehicle.check_completed", target=check, changes={"status": check.status})
    return check


# --- claim enrichment -------------------------------------------------------------------------
NOT_AVAILABLE = "not_available"  # the claim lacks what a part needs (no address, no vehicle)
FINAL_PART_STATUSES = frozenset({*FINAL_STATUSES, NOT_AVAILABLE})
VEHICLE_PARTS = {
    "vehicle_dvla": VehicleCheck.Kind.DVLA,
    "vehicle_hpi": VehicleCheck.Kind.HPI,
    "vehicle_vin": VehicleCheck.Kind.VIN,
}
PARTS = ("incident_location", "home_location", "weather", *VEHICLE_PARTS)


@transaction.atomic
def claim_enrich_later(claim_id, *, refresh: bool = False, actor=None) -> ClaimEnrichment | None:
    """Ask for a claim's enrichment (weather, geocoding, distance from home, vehicle checks).
    The claims app calls this inside its FNOL transaction; the work runs after commit in a
    Celery task, so a failing provider never fails the claim's creation. Calling it again is
    harmless: parts already answered are not fetched again. `refresh=True` (the incident's
    place or time changed) forgets the place, the weather and the flags and fetches them anew."""
    if not settings.INTEGRATIONS_ENRICH_CLAIMS:
        return None
    enrichment, created = ClaimEnrichment.objects.select_for_update(no_key=True).get_or_create(claim_id=claim_id)
    if created:
        audit_record(actor=actor, action="claim.enrichment_requested", target=enrichment)
    elif refresh:
        parts = {
            k: v for k, v in enrichment.parts.items() if k not in ("incident_location", "home_location", "weather")
        }
        cleared = {
            "parts": parts,
            "incident_location": {},
            "home_location": {},
            "weather": {},
            "distance_from_home_km": None,
            "risk_flags": [],
            "status": EnrichmentStatus.PENDING,
        }
        for field, value in cleared.items():
            setattr(enrichment, field, value)
        enrichment.save()
        audit_record(actor=actor, action="claim.enrichment_refreshed", target=enrichment)
    enqueue_on_commit(task_by_name(ENRICH_CLAIM), str(claim_id))
    return enrichment


def _part(result: ProviderResult) -> dict:
    return {
        "status": str(result.status),
        "provider": result.provider,
        "error_code": result.error_code,
        "error": result.error,
        "fetched_at": timezone.now().isoformat(),
    }


def _not_available(reason: str) -> dict:
    return {"status": NOT_AVAILABLE, "provider": "", "error_code": "", "error": reason, "fetched_at": None}


def _fetch_parts(enrichment: ClaimEnrichment) -> tuple[dict, dict, dict]:
    """Call the providers for every part not yet final. Returns (parts, values, raw) with only
    what this run fetched. No transaction is held while the network is used."""
    claim = enrichment.claim
    done = {name for name, part in enrichment.parts.items() if part.get("status") in FINAL_PART_STATUSES}
    parts, values, raw = {}, {}, {}

    location = enrichment.incident_location or None
    if "incident_location" not in done:
        if claim.incident_latitude is not None and claim.incident_longitude is not None:
            location = {
                "latitude": float(claim.incident_latitude),
                "longitude": float(claim.incident_longitude),
                "source": "claim",
            }
            parts["incident_location"] = {**_not_available(""), "status": str(ResultStatus.OK), "provider": "claim"}
        elif (claim.incident_address or "").strip():
            result = NominatimClient().search(claim.incident_address)
            parts["incident_location"], raw["incident_location"] = _part(result), result.raw
            location = {**result.data, "source": "geocoded"} if result.ok else None
        else:
            parts["incident_location"] = _not_available("The claim has no incident address or coordinates.")
        if location:
            values["incident_location"] = location

    home = enrichment.parts.get("home_location", {})
    # The home's coordinates are not stored (personal data): while the distance is still
    # unknown they are looked up again (a cache hit, not a provider call).
    if "home_location" not in done or (enrichment.distance_from_home_km is None and home.get("status") == "ok"):
        address = (getattr(claim.customer, "address", "") or "").strip()
        if address:
            result = NominatimClient().search(address)
            parts["home_location"] = _part(result)
            if result.ok:
                # Personal data: keep the coordinates only as long as the distance needs them
                # (they are not stored); the record keeps the country and the match's precision.
                values["_home_point"] = (result.data["latitude"], result.data["longitude"])
                values["home_location"] = {"country_code": result.data["country_code"], "type": result.data["type"]}
        else:
            parts["home_location"] = _not_available("The policyholder has no address on file.")

    if "weather" not in done:
        if location:
            result = weather_at(latitude=location["latitude"], longitude=location["longitude"], at=claim.incident_date)
            parts["weather"], raw["weather"] = _part(result), {"status": str(result.status)}
            if result.ok:
                values["weather"] = result.data
        else:
            incident = parts.get("incident_location") or enrichment.parts.get("incident_location") or {}
            if incident.get("status") in FINAL_PART_STATUSES:
                parts["weather"] = _not_available("The incident's place is unknown.")

    for name, kind in VEHICLE_PARTS.items():
        if name in done:
            continue
        if claim.vehicle_id is None:
            parts[name] = _not_available("The claim names no vehicle.")
            continue
        with transaction.atomic():  # the enrichment's row lock: two workers never make two checks
            ClaimEnrichment.objects.select_for_update(no_key=True).filter(pk=enrichment.pk).first()
            check = VehicleCheck.objects.filter(claim=claim, kind=kind).order_by("-created_at").first()
            if check is None:
                check = vehicle_check_request(
                    vehicle=claim.vehicle, kind=kind, actor=None, claim=claim, run_later=False
                )
        check = vehicle_check_run(check_id=check.pk)
        parts[name] = {
            "status": str(check.status),
            "provider": check.provider,
            "error_code": check.error_code,
            "error": check.error,
            "fetched_at": check.fetched_at.isoformat() if check.fetched_at else None,
            "check_id": str(check.pk),
        }
    return parts, values, raw


def claim_enrich_run(*, claim_id) -> ClaimEnrichment:
    """Fetch what is missing, then record it under a row lock, work out the risk flags and raise
    alerts for those that contradict the claim. Idempotent."""
    enrichment = ClaimEnrichment.objects.select_related("claim", "claim__customer", "claim__vehicle").get(
        claim_id=claim_id
    )
    if enrichment.status == EnrichmentStatus.COMPLETE:
        return enrichment
    fetched, values, raw = _fetch_parts(enrichment)

    with transaction.atomic():
        # The enrichment's row only: the claim is read, not locked (its own services lock it first).
        enrichment = (
            ClaimEnrichment.objects.select_for_update(no_key=True, of=("self",))
            .select_related("claim")
            .get(pk=enrichment.pk)
        )
        claim = enrichment.claim
        parts = dict(enrichment.parts)
        for name, part in fetched.items():
            if parts.get(name, {}).get("status") not in FINAL_PART_STATUSES:  # never undo another run's answer
                parts[name] = part
        for field in ("incident_location", "home_location", "weather"):
            if field in values and not getattr(enrichment, field):
                setattr(enrichment, field, values[field])
        home_point = values.get("_home_point")
        location = enrichment.incident_location
        if home_point and location and enrichment.distance_from_home_km is None:
            distance = haversine_km(location["latitude"], location["longitude"], *home_point)
            enrichment.distance_from_home_km = Decimal(f"{distance:.1f}")
        enrichment.raw_payloads = {**enrichment.raw_payloads, **raw}

        flags = set(risk.weather_flags(claim.description, enrichment.weather))
        if (
            enrichment.distance_from_home_km is not None
            and float(enrichment.distance_from_home_km) > settings.INTEGRATIONS_FAR_FROM_HOME_KM
        ):
            flags.add("far_from_home")
        for check in VehicleCheck.objects.filter(claim=claim).exclude(findings=[]):
            flags.update(risk.vehicle_flags(check.findings))
        new_flags = sorted(flags - set(enrichment.risk_flags))
        enrichment.risk_flags = sorted(flags | set(enrichment.risk_flags))
        enrichment.parts = parts
        complete = all(parts.get(name, {}).get("status") in FINAL_PART_STATUSES for name in PARTS)
        enrichment.status = EnrichmentStatus.COMPLETE if complete else EnrichmentStatus.PARTIAL
        enrichment.attempts += 1
        enrichment.fetched_at = timezone.now()
        enrichment.full_clean()
        enrichment.save()
        audit_record(
            actor=None,
            action="claim.enriched",
            target=enrichment,
            changes={
                "status": enrichment.status,
                "new_flags": new_flags,
                "parts": {k: v["status"] for k, v in parts.items()},
            },
        )
        for flag in new_flags:
            if flag in risk.ALERTS:
                severity, title = risk.ALERTS[flag]
                alert_raise(
                    kind=f"integrations.{flag}",
                    severity=severity,
                    title=f"{claim.claim_number}: {title}",
                    claim=claim,
                    data={"flag": flag, "enrichment": str(enrichment.pk)},
                )
        if new_flags or complete:
            emit(
                "claim.enriched",
                {"claim_id": str(claim.pk), "status": enrichment.status, "risk_flags": enrichment.risk_flags},
                # Risk flags are staff business (the API never shows them to customers): not the claim's
                # group, which the customer may join.
                staff_audience(claim),
            )
    return enrichment
