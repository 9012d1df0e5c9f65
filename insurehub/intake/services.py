"""Every write of bulk intake: partners, their policies and keys; an import started (the file read,
its rows stored), run in batches by the job (tasks.py), resumed; the dry run (which writes nothing).

A row is checked as the FNOL service checks a claim (the policy in the caller's scope and active,
the registration the policy's vehicle's, the incident not in the future and inside the cover), and
against duplicates: another claim on the same vehicle within CLAIM_DUPLICATE_WINDOW_DAYS (as the
claims app's filing flags see them; including rows earlier in the same file), and the same row
(its external reference, else its normalised values) already imported in the caller's scope. The
claim itself is made by `claims.services.claim_create`, so numbering, history, audit, events, the
filing flags and catastrophe tagging are the ones a single FNOL gets."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims.selectors import claims_of_vehicles_near
from insurehub.claims.services import CATEGORY_DEPARTMENT, claim_create, open_events_read_once
from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import require
from insurehub.core.roles import Role
from insurehub.core.tasks import enqueue_on_commit, task_by_name
from insurehub.intake import auth
from insurehub.intake.files import read_incidents_file
from insurehub.intake.models import (
    ImportStatus,
    IntakeImport,
    IntakeRow,
    Partner,
    PartnerApiKey,
    PartnerPolicy,
    RowStatus,
)
from insurehub.intake.permissions import Caller, can_manage_partners
from insurehub.intake.rows import check_row, incident_at, row_key
from insurehub.intake.selectors import policies_in_scope
from insurehub.policies.models import PolicyStatus
from insurehub.realtime.events import emit
from insurehub.realtime.groups import user_group
from insurehub.vehicles.models import normalise_registration

RUN_TASK = "insurehub.intake.tasks.import_run"


# Partners ---------------------------------------------------------------------------------------


@transaction.atomic
def partner_create(*, created_by, name: str, kind: str, department: str) -> Partner:
    require(can_manage_partners(created_by), "Only admins manage partners.")
    partner = Partner(name=name.strip(), kind=kind, department=department)
    partner.full_clean()
    partner.save()
    audit_record(actor=created_by, action="intake.partner_created", target=partner, changes={"name": partner.name})
    return partner


@transaction.atomic
def partner_update(*, partner: Partner, updated_by, data: dict) -> Partner:
    require(can_manage_partners(updated_by), "Only admins manage partners.")
    changes = {}
    for name in ("name", "kind", "department", "active"):
        if name in data and getattr(partner, name) != data[name]:
            changes[name] = [getattr(partner, name), data[name]]
            setattr(partner, name, data[name])
    if changes:
        partner.full_clean()
        partner.save()
        audit_record(actor=updated_by, action="intake.partner_updated", target=partner, changes=changes)
    return partner


@transaction.atomic
def partner_policies_set(*, partner: Partner, changed_by, add=(), remove=()) -> dict:
    """Add policies to a partner's scope and take others out of it."""
    require(can_manage_partners(changed_by), "Only admins manage partners.")
    have = set(PartnerPolicy.objects.filter(partner=partner).values_list("policy_id", flat=True))
    added = [p for p in add if p.pk not in have]
    PartnerPolicy.objects.bulk_create([PartnerPolicy(partner=partner, policy=p, added_by=changed_by) for p in added])
    removed = PartnerPolicy.objects.filter(partner=partner, policy__in=list(remove)).delete()[0]
    audit_record(
        actor=changed_by,
        action="intake.partner_policies_changed",
        target=partner,
        changes={"added": [str(p.pk) for p in added], "removed": [str(p.pk) for p in remove]},
    )
    return {"added": len(added), "removed": removed}


@transaction.atomic
def partner_key_create(*, partner: Partner, created_by, name: str) -> tuple[PartnerApiKey, str]:
    """A new key for the partner: answered once with the key itself (only its hash is kept)."""
    require(can_manage_partners(created_by), "Only admins manage partners.")
    key, prefix = auth.new_key()
    api_key = PartnerApiKey(
        partner=partner, name=name.strip(), prefix=prefix, key_hash=auth.key_hash(key), created_by=created_by
    )
    api_key.full_clean()
    api_key.save()
    audit_record(
        actor=created_by, action="intake.api_key_created", target=api_key, changes={"partner": str(partner.pk)}
    )
    return api_key, key


@transaction.atomic
def partner_key_revoke(*, api_key: PartnerApiKey, revoked_by) -> PartnerApiKey:
    require(can_manage_partners(revoked_by), "Only admins manage partners.")
    api_key = PartnerApiKey.objects.select_for_update().get(pk=api_key.pk)
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at", "updated_at"])
        audit_record(
            actor=revoked_by,
            action="intake.api_key_revoked",
            target=api_key,
            changes={"partner": str(api_key.partner_id)},
        )
    return api_key


# Checking rows ----------------------------------------------------------------------------------


def _error(code: str, message: str, column: str = "") -> dict:
    return {"field": column or None, "message": message, "code": code}


@dataclass
class BatchContext:
    """What a batch of rows is checked against, read in a fixed number of queries."""

    caller: Caller
    policies: dict = field(default_factory=dict)  # policy_number -> Policy
    near: dict = field(default_factory=lambda: defaultdict(list))  # vehicle_id -> [(incident, what)]
    done_keys: dict = field(default_factory=dict)  # row_key -> claim number created earlier
    file_keys: dict = field(default_factory=dict)  # row_key -> line, within this file

    @classmethod
    def load(cls, caller: Caller, values: list[dict]) -> "BatchContext":
        ctx = cls(caller=caller)
        numbers = {v["policy_number"] for v in values}
        # Only what the checks read (the policy's holder files a partner's rows); claim_create reads
        # the policy again, locked, with what it needs.
        related = ("vehicle", "policy_type", "customer") if caller.partner is not None else ("vehicle", "policy_type")
        scoped = (
            policies_in_scope(caller).filter(policy_number__in=numbers).select_related(None).select_related(*related)
        )
        ctx.policies = {p.policy_number: p for p in scoped}
        times = [incident_at(v) for v in values]
        vehicle_ids = {p.vehicle_id for p in ctx.policies.values() if p.vehicle_id}
        if times and vehicle_ids:
            window = timedelta(days=settings.CLAIM_DUPLICATE_WINDOW_DAYS)
            for claim in claims_of_vehicles_near(
                vehicle_ids=vehicle_ids, start=min(times) - window, end=max(times) + window
            ):
                ctx.near[claim.vehicle_id].append((claim.incident_date, f"claim {claim.claim_number}"))
        keys = [row_key(v) for v in values]
        ctx.done_keys = dict(
            IntakeRow.objects.filter(scope=caller.scope, row_key__in=keys, status=RowStatus.CREATED).values_list(
                "row_key", "claim_number"
            )
        )
        return ctx

    def refusal(self, values: dict, *, line: int, key: str) -> list[dict]:
        """Why this row cannot become a claim (empty: it can)."""
        if key in self.file_keys:
            return [_error("duplicate_in_file", f"The same incident as line {self.file_keys[key]} of this file.")]
        policy = self.policies.get(values["policy_number"])
        if policy is None:
            whose = "in your scope" if self.caller.partner is not None else "that you may file claims on"
            return [
                _error(
                    "policy_not_found",
                    f"No policy {values['policy_number']} {whose}.",
                    "policy_number",
                )
            ]
        if policy.status != PolicyStatus.ACTIVE:
            return [_error("policy_not_active", f"Policy {policy.policy_number} is {policy.status}.", "policy_number")]
        department = CATEGORY_DEPARTMENT.get(policy.policy_type.category_id)
        user = self.caller.user
        if user is not None and user.role == Role.SUPERVISOR and department != user.department:
            return [
                _error(
                    "other_department",
                    f"Claims on {policy.policy_number} are handled by the {department} department.",
                    "policy_number",
                )
            ]
        vehicle = policy.vehicle
        if vehicle is None or normalise_registration(vehicle.registration) != values["registration"]:
            return [
                _error(
                    "vehicle_not_on_policy", "The registration is not the vehicle this policy insures.", "registration"
                )
            ]
        at = incident_at(values)
        if at > timezone.now():
            return [_error("incident_in_future", "The incident is in the future.", "incident_date")]
        day = timezone.localdate(at)
        if not (policy.start_date <= day <= policy.end_date):
            return [
                _error(
                    "incident_outside_cover",
                    f"The incident date is outside the policy period ({policy.start_date} to {policy.end_date}).",
                    "incident_date",
                )
            ]
        window = timedelta(days=settings.CLAIM_DUPLICATE_WINDOW_DAYS)
        for other_at, what in self.near.get(vehicle.pk, ()):
            if abs(other_at - at) <= window:
                return [
                    _error(
                        "possible_duplicate",
                        f"The vehicle already has {what} with an incident within "
                        f"{settings.CLAIM_DUPLICATE_WINDOW_DAYS} days; file a separate incident by hand.",
                    )
                ]
        return []

    def accept(self, values: dict, *, line: int, key: str, what: str) -> None:
        """A row that became (or, in a dry run, would become) a claim: later rows are checked against it."""
        self.file_keys[key] = line
        policy = self.policies[values["policy_number"]]
        self.near[policy.vehicle_id].append((incident_at(values), what))


def _claim_kwargs(values: dict) -> dict:
    return {
        "incident_date": incident_at(values),
        "description": values["description"],
        "incident_address": values["incident_address"],
        "incident_latitude": Decimal(values["latitude"]) if values["latitude"] is not None else None,
        "incident_longitude": Decimal(values["longitude"]) if values["longitude"] is not None else None,
        "estimated_cost": Decimal(values["estimated_amount"]) if values["estimated_amount"] is not None else None,
        "injury": values["injury"],
        "third_party_involved": values["third_party_involved"],
        "police_report_number": values["police_report_number"],
    }


# Starting an import -----------------------------------------------------------------------------


@dataclass
class DryRun:
    total: int
    valid: int
    refused: int
    replayed: int
    rows: list[dict]
    file_format: str


@dataclass
class Started:
    intake_import: IntakeImport
    replayed: bool


def _checked_lines(content: bytes):
    """The file read and each line checked on its own; a line repeating an earlier one (the same
    external reference, else the same values) is refused as a duplicate within the file."""
    parsed = read_incidents_file(content)
    checked = []
    seen: dict[str, int] = {}
    for line, raw in parsed.rows:
        check = check_row(raw)
        if not check.errors:
            key = row_key(check.values)
            if key in seen:
                check.refuse("", f"The same incident as line {seen[key]} of this file.", "duplicate_in_file")
            else:
                seen[key] = line
        checked.append((line, check))
    return parsed.file_format, checked


def import_dry_run(*, caller: Caller, content: bytes) -> DryRun:
    """Every row's result as the import would have it now; nothing is written."""
    file_format, checked = _checked_lines(content)
    results: list[dict] = []
    valid = replayed = 0
    batch_size = settings.INTAKE_BATCH_ROWS
    file_keys: dict = {}
    near_extra: dict = defaultdict(list)
    for start in range(0, len(checked), batch_size):
        chunk = checked[start : start + batch_size]
        clean = [c.values for _line, c in chunk if not c.errors]
        ctx = BatchContext.load(caller, clean) if clean else BatchContext(caller=caller)
        ctx.file_keys = file_keys
        for vehicle_id, seen in near_extra.items():
            ctx.near[vehicle_id].extend(seen)
        for line, check in chunk:
            entry = {"number": line, "external_reference": check.values.get("external_reference", "")}
            if check.errors:
                results.append({**entry, "status": RowStatus.REFUSED, "claim_number": "", "errors": check.errors})
                continue
            key = row_key(check.values)
            if key in ctx.done_keys:
                replayed += 1
                results.append(
                    {**entry, "status": RowStatus.REPLAYED, "claim_number": ctx.done_keys[key], "errors": []}
                )
                continue
            errors = ctx.refusal(check.values, line=line, key=key)
            if errors:
                results.append({**entry, "status": RowStatus.REFUSED, "claim_number": "", "errors": errors})
                continue
            valid += 1
            ctx.accept(check.values, line=line, key=key, what=f"line {line} of this file")
            policy = ctx.policies[check.values["policy_number"]]
            near_extra[policy.vehicle_id].append((incident_at(check.values), f"line {line} of this file"))
            results.append({**entry, "status": "valid", "claim_number": "", "errors": []})
    return DryRun(
        total=len(checked),
        valid=valid,
        refused=len(checked) - valid - replayed,
        replayed=replayed,
        rows=results,
        file_format=file_format,
    )


def import_start(*, caller: Caller, content: bytes, filename: str) -> Started:
    """Store the file's rows (those refused on their own already refused) and start the job. The
    same file again in the caller's scope answers the earlier import (`replayed`)."""
    sha256 = hashlib.sha256(content).hexdigest()
    earlier = IntakeImport.objects.filter(scope=caller.scope, sha256=sha256).first()
    if earlier is not None:
        return Started(intake_import=earlier, replayed=True)
    file_format, checked = _checked_lines(content)
    if not checked:
        raise ApplicationError("no_rows", "The file has a header but no incident lines.")
    try:
        with transaction.atomic():
            intake_import = _import_create(
                caller=caller, sha256=sha256, filename=filename, file_format=file_format, checked=checked
            )
    except IntegrityError:  # the same file started at the same moment by another request
        earlier = IntakeImport.objects.filter(scope=caller.scope, sha256=sha256).first()
        if earlier is None:
            raise
        return Started(intake_import=earlier, replayed=True)
    return Started(intake_import=intake_import, replayed=False)


def _import_create(*, caller: Caller, sha256: str, filename: str, file_format: str, checked) -> IntakeImport:
    refused = sum(1 for _line, c in checked if c.errors)
    intake_import = IntakeImport.objects.create(
        scope=caller.scope,
        sha256=sha256,
        filename=filename[:255],
        file_format=file_format,
        uploaded_by=caller.user,
        partner=caller.partner,
        api_key=caller.api_key,
        department=caller.department,
        total_rows=len(checked),
        processed_rows=refused,
        refused_count=refused,
    )
    IntakeRow.objects.bulk_create(
        [
            IntakeRow(
                intake_import=intake_import,
                number=line,
                scope=caller.scope,
                row_key=row_key(check.values) if not check.errors else "",
                external_reference=check.values.get("external_reference", ""),
                values=check.values,
                status=RowStatus.REFUSED if check.errors else RowStatus.PENDING,
                errors=check.errors,
            )
            for line, check in checked
        ],
        batch_size=1000,
    )
    audit_record(
        actor=caller.user,
        action="intake.import_started",
        target=intake_import,
        changes={
            "filename": intake_import.filename,
            "sha256": sha256,
            "rows": len(checked),
            "partner": str(caller.partner.pk) if caller.partner else None,
            "api_key": caller.api_key.prefix if caller.api_key else None,
        },
    )
    enqueue_on_commit(_run_task(), str(intake_import.pk))
    return intake_import


def _run_task():
    return task_by_name(RUN_TASK)


@transaction.atomic
def import_resume(*, intake_import: IntakeImport, caller: Caller) -> IntakeImport:
    """Run the job again over the rows still pending (an interrupted job; the job is idempotent)."""
    intake_import = IntakeImport.objects.select_for_update().get(pk=intake_import.pk)
    if intake_import.status == ImportStatus.FINISHED:
        raise ApplicationError("import_finished", "The import has finished; nothing is left to resume.", status=409)
    audit_record(actor=caller.user, action="intake.import_resumed", target=intake_import)
    enqueue_on_commit(_run_task(), str(intake_import.pk))
    return intake_import


def imports_resume_stalled() -> int:
    """Unfinished imports with no progress for INTAKE_STALLED_MINUTES (their job was lost: a worker
    stopped, a deploy) get their job again; a job still running meanwhile is harmless (each batch
    takes the import's row lock and reads the pending rows under it)."""
    cutoff = timezone.now() - timedelta(minutes=settings.INTAKE_STALLED_MINUTES)
    stalled = list(
        IntakeImport.objects.exclude(status=ImportStatus.FINISHED)
        .filter(updated_at__lt=cutoff)
        .values_list("pk", flat=True)[:100]
    )
    for pk in stalled:
        enqueue_on_commit(_run_task(), str(pk))
    return len(stalled)


# The job ---------------------------------------------------------------------------------------


def _audience(intake_import: IntakeImport) -> list[str]:
    return [user_group(intake_import.uploaded_by_id)] if intake_import.uploaded_by_id else []


def _progress_data(intake_import: IntakeImport) -> dict:
    return {
        "import_id": str(intake_import.pk),
        "status": intake_import.status,
        "total": intake_import.total_rows,
        "processed": intake_import.processed_rows,
        "created": intake_import.created_count,
        "refused": intake_import.refused_count,
        "replayed": intake_import.replayed_count,
    }


def _caller_of(intake_import: IntakeImport) -> Caller:
    return Caller(user=intake_import.uploaded_by, partner=intake_import.partner, api_key=intake_import.api_key)


def import_run(*, import_id) -> IntakeImport | None:
    """The job: the pending rows in batches of INTAKE_BATCH_ROWS, each batch one transaction (its
    claims and its rows' results together), so a job stopped anywhere resumes exactly where the last
    batch committed. Progress goes to the uploader after each batch."""
    intake_import = (
        IntakeImport.objects.filter(pk=import_id).select_related("uploaded_by", "partner", "api_key").first()
    )
    if intake_import is None or intake_import.status == ImportStatus.FINISHED:
        return intake_import
    caller = _caller_of(intake_import)
    while _run_batch(intake_import, caller):
        pass
    return _finish(intake_import)


def _run_batch(intake_import: IntakeImport, caller: Caller) -> bool:
    with transaction.atomic():
        locked = IntakeImport.objects.select_for_update().get(pk=intake_import.pk)
        rows = list(
            IntakeRow.objects.filter(intake_import=locked, status=RowStatus.PENDING).order_by("number")[
                : settings.INTAKE_BATCH_ROWS
            ]
        )
        if not rows:
            return False
        if locked.status == ImportStatus.PENDING:
            locked.status = ImportStatus.RUNNING
            locked.started_at = timezone.now()
        ctx = BatchContext.load(caller, [row.values for row in rows])
        with open_events_read_once():  # the batch's claims tested against the open events read once
            for row in rows:
                _process(ctx, locked, row)
        locked.processed_rows = locked.rows.exclude(status=RowStatus.PENDING).count()
        locked.save()
        for name in ("status", "processed_rows", "created_count", "refused_count", "replayed_count", "started_at"):
            setattr(intake_import, name, getattr(locked, name))
        emit("intake.progress", _progress_data(locked), _audience(locked))
    return True


def _process(ctx: BatchContext, intake_import: IntakeImport, row: IntakeRow) -> None:
    values = row.values
    if row.row_key in ctx.done_keys:
        row.status, row.claim_number = RowStatus.REPLAYED, ctx.done_keys[row.row_key]
        intake_import.replayed_count += 1
        row.save(update_fields=["status", "claim_number"])
        return
    errors = ctx.refusal(values, line=row.number, key=row.row_key)
    if not errors:
        policy = ctx.policies[values["policy_number"]]
        filed_by = ctx.caller.user if ctx.caller.user is not None else policy.customer
        try:
            with transaction.atomic():
                claim = claim_create(policy=policy, filed_by=filed_by, vehicle=policy.vehicle, **_claim_kwargs(values))
                row.status, row.claim, row.claim_number = RowStatus.CREATED, claim, claim.claim_number
                row.save(update_fields=["status", "claim", "claim_number"])
                audit_record(
                    actor=ctx.caller.user,
                    action="intake.row_imported",
                    target=claim,
                    changes={
                        "import": str(intake_import.pk),
                        "line": row.number,
                        "partner": (str(ctx.caller.partner.pk) if ctx.caller.partner else None),
                    },
                )
        except ApplicationError as exc:
            errors = [_error(exc.code, exc.message)]
        except IntegrityError:  # the same row created meanwhile by another import of the scope
            earlier = (
                IntakeRow.objects.filter(scope=row.scope, row_key=row.row_key, status=RowStatus.CREATED)
                .values_list("claim_number", flat=True)
                .first()
            )
            if earlier is None:
                raise
            row.status, row.claim, row.claim_number = RowStatus.REPLAYED, None, earlier
            intake_import.replayed_count += 1
            row.save(update_fields=["status", "claim", "claim_number"])
            return
        else:
            intake_import.created_count += 1
            ctx.accept(values, line=row.number, key=row.row_key, what=f"claim {claim.claim_number}")
            ctx.done_keys[row.row_key] = claim.claim_number
            return
    row.status, row.errors = RowStatus.REFUSED, errors
    intake_import.refused_count += 1
    row.save(update_fields=["status", "errors"])


def _finish(intake_import: IntakeImport) -> IntakeImport:
    with transaction.atomic():
        locked = IntakeImport.objects.select_for_update().get(pk=intake_import.pk)
        if locked.status == ImportStatus.FINISHED or locked.rows.filter(status=RowStatus.PENDING).exists():
            return locked
        locked.status = ImportStatus.FINISHED
        locked.started_at = locked.started_at or timezone.now()
        locked.finished_at = timezone.now()
        locked.processed_rows = locked.total_rows
        locked.save()
        audit_record(
            actor=locked.uploaded_by,
            action="intake.import_finished",
            target=locked,
            changes={
                "created": locked.created_count,
                "refused": locked.refused_count,
                "replayed": locked.replayed_count,
            },
        )
        emit("intake.finished", _progress_data(locked), _audience(locked))
    return locked
