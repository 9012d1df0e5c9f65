"""Writes of the integrations app: vehicle checks and claim enrichment.

A check or an enrichment is created `pending` in the caller's transaction and run by a
Celery task after commit, so a slow or failing provider never fails the user's request.
The task is idempotent (a final answer is never fetched twice) and retried with backoff
while the provider is failing, rate limited or behind an open breaker.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core.tasks import enqueue_on_commit
from insurehub.integrations.clients.dvla import DvlaClient
from insurehub.integrations.clients.vehicle_history import VehicleHistoryClient
from insurehub.integrations.models import FINAL_STATUSES, CheckStatus, VehicleCheck
from insurehub.integrations.results import ProviderResult, ResultStatus
from insurehub.integrations.vin_decoding import InvalidVinError, decode_vin


# --- vehicle checks ---------------------------------------------------------------------------
@transaction.atomic
def vehicle_check_request(*, vehicle, kind: str, actor) -> VehicleCheck:
    """Record a pending check of `vehicle` and run it after commit."""
    from insurehub.integrations import tasks

    check = VehicleCheck(vehicle=vehicle, kind=kind, requested_by=actor, provider=_PROVIDERS[kind])
    check.full_clean()
    check.save()
    audit_record(actor=actor, action="vehicle.check_requested", target=check, changes={"kind": kind})
    enqueue_on_commit(tasks.run_vehicle_check, str(check.pk))
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
        check = VehicleCheck.objects.select_for_update().select_related("vehicle").get(pk=check_id)
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
    from insurehub.integrations import tasks

    since = timezone.now() - RETRY_WINDOW
    check_ids = list(
        VehicleCheck.objects.exclude(status__in=FINAL_STATUSES)
        .filter(created_at__gte=since, attempts__lt=MAX_ATTEMPTS)
        .values_list("pk", flat=True)[:500]
    )
    for check_id in check_ids:
        tasks.run_vehicle_check.delay(str(check_id))
    return len(check_ids)


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
