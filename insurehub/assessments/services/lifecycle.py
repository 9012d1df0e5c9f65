"""Every write on assessments: scheduling, sections, photos, estimates, the total-loss
recommendation and completion. Each is one transaction that checks who may act, validates,
records an audit entry and publishes `assessment.updated` to the claim's audience."""

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import BinaryIO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from insurehub.alerts.services import alert_raise
from insurehub.assessments import sections, workflow
from insurehub.assessments.completion import completion_blockers
from insurehub.assessments.estimating import cents, line_amounts, totals
from insurehub.assessments.models import (
    EDITABLE_STATUSES,
    Assessment,
    AssessmentSection,
    AssessmentStatus,
    Estimate,
    EstimateLine,
    EstimateStatus,
    Photo,
    PhotoStatus,
)
from insurehub.assessments.permissions import (
    ensure_can_edit,
    ensure_can_manage,
    ensure_can_schedule,
)
from insurehub.audit.services import audit_record
from insurehub.claims.models import Claim, ClaimStatus
from insurehub.claims.services import claim_record_assessment_completed, claim_update
from insurehub.core import web_links
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.core.services import model_update
from insurehub.core.state_machine import Transition
from insurehub.documents.intake import detect_type, sha256_of
from insurehub.documents.models import DocumentKind, ScanStatus
from insurehub.documents.services import (
    document_delete,
    document_image_index,
    document_prepare_image,
    document_upload,
)
from insurehub.realtime.events import Notice

logger = logging.getLogger(__name__)

SCHEDULABLE_CLAIM_STATUSES = frozenset({ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW, ClaimStatus.ASSESSMENT})
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/tiff"})


# --- helpers -----------------------------------------------------------------------------


# Events and status moves: assessments/workflow.py (the state machine writes history, audit, event).
_event = workflow.event


def _lock(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update(of=("self",)).select_related("claim").get(pk=assessment.pk)


def _ensure_editable(assessment: Assessment) -> None:
    if assessment.status not in EDITABLE_STATUSES:
        raise ApplicationError(
            "assessment_closed",
            f"The assessment is {assessment.status}; it can no longer be changed.",
            status=409,
            extra={"status": assessment.status},
        )


def _locked_for_edit(assessment: Assessment, actor) -> Assessment:
    locked = _lock(assessment)
    ensure_can_edit(actor, locked)
    _ensure_editable(locked)
    return locked


def _mark_started(assessment: Assessment, actor) -> None:
    """The first change by its assessor (or a supervisor) starts a scheduled assessment (a move:
    history, audit entry and its own `started` event, before the change's own)."""
    if assessment.status != AssessmentStatus.SCHEDULED:
        return

    def prepare(move: Transition) -> None:
        assessment.started_at = move.at
        if assessment.assessor_id is None and actor.role == Role.ASSESSOR:
            assessment.assessor = actor

    workflow.MACHINE.move(
        assessment, AssessmentStatus.IN_PROGRESS, by=actor, prepare=prepare, action="assessment.started"
    )


def _error(field: str, code: str, message: str) -> dict:
    return {"field": field, "code": code, "message": message}


# --- assessments -------------------------------------------------------------------------


@transaction.atomic
def assessment_create(
    *, claim: Claim, created_by, assessor=None, scheduled_at: datetime | None = None, notes: str = ""
) -> Assessment:
    """Schedule the claim's assessment with the standard sections. One active assessment per
    claim: the claim row lock makes two concurrent requests queue, the second is refused."""
    ensure_can_schedule(created_by, claim)
    claim = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
    if claim.status not in SCHEDULABLE_CLAIM_STATUSES:
        raise ApplicationError(
            "claim_not_assessable", f"A claim that is {claim.status} cannot be assessed.", status=409
        )
    if Assessment.objects.filter(claim=claim).exclude(status=AssessmentStatus.CANCELLED).exists():
        raise ApplicationError("assessment_exists", "The claim already has an active assessment.", status=409)
    assessor = assessor or claim.assigned_assessor
    if assessor is not None and assessor.role != Role.ASSESSOR:
        raise ApplicationError(
            "invalid_assessor", "The assessor must have the assessor role.",
            errors=[_error("assessor", "invalid", "Not an assessor.")],
        )  # fmt: skip
    assessment = Assessment(
        claim=claim,
        assessor=assessor,
        scheduled_at=scheduled_at or timezone.now(),
        notes=notes,
    )
    assessment.full_clean()
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError as exc:  # the partial unique index, should a racing insert slip through
        raise ApplicationError("assessment_exists", "The claim already has an active assessment.", status=409) from exc
    AssessmentSection.objects.bulk_create(
        [AssessmentSection(assessment=assessment, kind=kind, position=i) for i, kind in enumerate(sections.TEMPLATE)]
    )
    audit_record(
        actor=created_by,
        action="assessment.created",
        target=assessment,
        changes={"claim": str(claim.pk), "assessor": str(assessor.pk) if assessor else None},
    )
    told = []
    if assessor is not None and assessor != created_by:
        told.append(
            Notice(
                recipient=assessor,
                topic="assignments",
                kind="assessment.scheduled",
                title=f"You have been given the assessment of claim {claim.claim_number}.",
                body=(
                    f"It is scheduled for {date_format(assessment.scheduled_at, 'j F Y, H:i')} UTC."
                    if assessment.scheduled_at
                    else "It is not scheduled yet: agree a time with the customer."
                ),
                link=web_links.assessment_page(assessment.pk),
            )
        )
    _event(assessment, "created", notices=told)
    return assessment


@transaction.atomic
def assessment_update(*, assessment: Assessment, data: dict, updated_by) -> Assessment:
    locked = _locked_for_edit(assessment, updated_by)
    fields = ["scheduled_at", "overall_severity", "notes", "summary"]
    if "assessor" in data:
        ensure_can_manage(updated_by)
        if data["assessor"] is not None and data["assessor"].role != Role.ASSESSOR:
            raise ApplicationError(
                "invalid_assessor", "The assessor must have the assessor role.",
                errors=[_error("assessor", "invalid", "Not an assessor.")],
            )  # fmt: skip
        fields.append("assessor")
    changes = model_update(instance=locked, fields=fields, data=data)
    if changes:
        _mark_started(locked, updated_by)
        audit_record(actor=updated_by, action="assessment.updated", target=locked, changes=changes)
        _event(locked, "updated", changed=sorted(changes))
    return locked


@transaction.atomic
def assessment_cancel(*, assessment: Assessment, reason: str, cancelled_by) -> Assessment:
    ensure_can_manage(cancelled_by)
    locked = _lock(assessment)
    _ensure_editable(locked)
    if not reason.strip():
        raise ApplicationError(
            "reason_required", "Say why the assessment is cancelled.",
            errors=[_error("reason", "required", "Required.")],
        )  # fmt: skip

    def prepare(move: Transition) -> None:
        locked.cancelled_at = move.at
        locked.cancel_reason = move.reason

    workflow.MACHINE.move(
        locked,
        AssessmentStatus.CANCELLED,
        by=cancelled_by,
        reason=reason.strip()[:500],
        prepare=prepare,
        action="assessment.cancelled",
    )
    return locked


def _refresh_completion(assessment: Assessment) -> None:
    counts = AssessmentSection.objects.filter(assessment=assessment).values_list("completed", flat=True)
    done = [bool(c) for c in counts]
    assessment.completion_percentage = sections.completion_percentage(sum(done), len(done))
    assessment.save(update_fields=["completion_percentage", "updated_at"])


@transaction.atomic
def section_update(*, section: AssessmentSection, data: dict, updated_by) -> AssessmentSection:
    """Findings (validated against the section's schema), severity, notes, completed."""
    assessment = _locked_for_edit(section.assessment, updated_by)
    section = AssessmentSection.objects.select_for_update().get(pk=section.pk)
    if "findings" in data:
        errors = sections.findings_errors(section.kind, data["findings"])
        if errors:
            raise ApplicationError(
                "invalid_findings",
                f"The findings do not match the {section.kind} section's schema.",
                errors=[_error("findings", "schema", message) for message in errors],
            )
    if "completed" in data:
        data = {**data, "completed_at": timezone.now() if data["completed"] else None}
    changes = model_update(
        instance=section, fields=["findings", "severity", "notes", "completed", "completed_at"], data=data
    )
    if changes:
        _mark_started(assessment, updated_by)
        _refresh_completion(assessment)
        changes.pop("findings", None)
        changes.pop("completed_at", None)
        audit_record(
            actor=updated_by,
            action="assessment.section_updated",
            target=assessment,
            changes={"section": section.kind, **changes, **({"findings": "updated"} if "findings" in data else {})},
        )
        _event(assessment, "section", section=section.kind)
    return section


@transaction.atomic
def assessment_complete(*, assessment: Assessment, completed_by) -> Assessment:
    """All sections completed and an accepted estimate: the assessment is completed, the claim
    gets the accepted estimate as its estimated cost and may now be decided (approved)."""
    locked = _locked_for_edit(assessment, completed_by)
    accepted = list(Estimate.objects.filter(assessment=locked, status=EstimateStatus.ACCEPTED))
    blockers = completion_blockers(
        status=locked.status,
        sections=AssessmentSection.objects.filter(assessment=locked).only("kind", "position", "completed"),
        accepted_estimates=accepted,
    )
    if blockers:
        first = blockers[0]
        extra = {"open_sections": first.sections} if first.code == "sections_open" else {}
        raise ApplicationError(first.code, first.message, status=409, extra=extra)
    estimate = accepted[0]
    if locked.overall_severity is None:
        locked.overall_severity = (
            AssessmentSection.objects.filter(assessment=locked).aggregate(m=Max("severity"))["m"] or 1
        )

    def prepare(move: Transition) -> None:
        locked.completed_at = move.at
        locked.started_at = locked.started_at or move.at
        locked.completion_percentage = 100
        if locked.assessor_id is None and completed_by.role == Role.ASSESSOR:
            locked.assessor = completed_by
        locked.full_clean()
        claim_update(claim=locked.claim, data={"estimated_cost": estimate.total}, updated_by=completed_by)
        claim = claim_record_assessment_completed(claim=locked.claim, actor=completed_by, completed_at=move.at)
        move.notices += _completed_notices(claim)

    workflow.MACHINE.move(
        locked,
        AssessmentStatus.COMPLETED,
        by=completed_by,
        prepare=prepare,
        action="assessment.completed",
        changes={"estimate": str(estimate.pk), "total": estimate.total, "total_loss": locked.total_loss},
        total=estimate.total,
        currency=estimate.currency,
        total_loss=locked.total_loss,
    )
    return locked


def _completed_notices(claim: Claim) -> list[Notice]:
    told = []
    if claim.assigned_agent_id:
        told.append(
            Notice(
                recipient=claim.assigned_agent,
                topic="assessment_updates",
                kind="assessment.completed",
                title=f"The assessment of claim {claim.claim_number} is complete.",
                body="The claim is ready for a decision.",
                link=web_links.claim_page(claim.pk),
            )
        )
    told.append(
        Notice(
            recipient=claim.customer,
            topic="assessment_updates",
            kind="assessment.completed",
            title=f"The assessment of your claim {claim.claim_number} is complete.",
            body="We will let you know our decision.",
            link=web_links.claim_page(claim.pk),
        )
    )
    return told


# --- total loss --------------------------------------------------------------------------


def _vehicle_of(claim: Claim):
    if claim.vehicle_id:
        return claim.vehicle
    return getattr(claim.policy, "vehicle", None)


def _evaluate_total_loss(assessment: Assessment, estimate: Estimate | None) -> None:
    """Set the recommendation from the accepted estimate and the vehicle's value."""
    share = Decimal(settings.ASSESSMENTS_TOTAL_LOSS_SHARE)
    vehicle = _vehicle_of(assessment.claim)
    value = vehicle.estimated_value if vehicle is not None else None
    assessment.vehicle_value = value
    if estimate is None:
        assessment.total_loss_recommendation = None
        assessment.total_loss_reasoning = ""
    elif value is None or value <= 0:
        assessment.total_loss_recommendation = None
        assessment.total_loss_reasoning = "No vehicle value is known: no total-loss recommendation."
    elif vehicle.currency != estimate.currency:
        assessment.total_loss_recommendation = None
        assessment.total_loss_reasoning = (
            f"The vehicle is valued in {vehicle.currency} and the estimate is in {estimate.currency}: "
            "compare them by hand."
        )
    else:
        threshold = cents(value * share)
        ratio = cents(estimate.total * 100 / value)
        recommended = estimate.total >= threshold
        assessment.total_loss_recommendation = recommended
        assessment.total_loss_reasoning = (
            f"The accepted estimate ({estimate.total} {estimate.currency}) is {ratio}% of the vehicle's value "
            f"({value} {vehicle.currency}); the total-loss threshold is {cents(share * 100)}% ({threshold}). "
            + ("Repair is uneconomic: total loss recommended." if recommended else "Repair is recommended.")
        )
    assessment.save(update_fields=["vehicle_value", "total_loss_recommendation", "total_loss_reasoning", "updated_at"])


@transaction.atomic
def total_loss_override(*, assessment: Assessment, total_loss: bool | None, reason: str, overridden_by) -> Assessment:
    """The assessor's decision against (or confirming) the recommendation; None withdraws it."""
    locked = _locked_for_edit(assessment, overridden_by)
    reason = reason.strip()
    if total_loss is not None and not reason:
        raise ApplicationError(
            "reason_required", "Say why the recommendation is overridden.",
            errors=[_error("reason", "required", "Required.")],
        )  # fmt: skip
    previous = locked.total_loss_override
    locked.total_loss_override = total_loss
    locked.total_loss_override_reason = reason[:1000] if total_loss is not None else ""
    locked.total_loss_overridden_by = overridden_by if total_loss is not None else None
    locked.full_clean()
    locked.save(
        update_fields=["total_loss_override", "total_loss_override_reason", "total_loss_overridden_by", "updated_at"]
    )
    _mark_started(locked, overridden_by)
    audit_record(
        actor=overridden_by,
        action="assessment.total_loss_overridden",
        target=locked,
        changes={
            "total_loss_override": [previous, total_loss],
            "recommendation": locked.total_loss_recommendation,
            "reason": locked.total_loss_override_reason,
        },
    )
    _event(locked, "total_loss", total_loss=locked.total_loss)
    return locked


# --- estimates ---------------------------------------------------------------------------


def _lines(estimate: Estimate, lines: list[dict]) -> list[EstimateLine]:
    built = []
    for position, line in enumerate(lines):
        kind = line["kind"]
        quantity = Decimal(line.get("quantity") if line.get("quantity") is not None else "1")
        unit_price = Decimal(line.get("unit_price") if line.get("unit_price") is not None else "0")
        hours, rate = line.get("hours"), line.get("rate")
        if kind == "labour" and (hours is None or rate is None):
            raise ApplicationError(
                "invalid_line",
                "A labour line needs hours and a rate.",
                errors=[_error(f"lines.{position}.hours", "required", "Labour needs hours and rate.")],
            )
        amounts = line_amounts(
            kind=kind,
            quantity=quantity,
            unit_price=unit_price,
            hours=hours,
            rate=rate,
            tax_rate=line.get("tax_rate") or Decimal("0"),
        )
        item = EstimateLine(
            estimate=estimate,
            position=position,
            kind=kind,
            description=line["description"].strip(),
            part_number=(line.get("part_number") or "").strip(),
            quantity=quantity,
            unit_price=unit_price,
            hours=hours,
            rate=rate,
            tax_rate=line.get("tax_rate") or Decimal("0"),
            net=amounts.net,
            tax=amounts.tax,
            total=amounts.total,
        )
        item.full_clean(exclude=["estimate"])
        built.append(item)
    return built


def _store_lines(estimate: Estimate, lines: list[dict]) -> None:
    built = _lines(estimate, lines)
    EstimateLine.objects.filter(estimate=estimate).delete()
    EstimateLine.objects.bulk_create(built)
    estimate.subtotal, estimate.tax_total, estimate.total = totals(built)
    estimate.full_clean()
    estimate.save()


def _check_currency(assessment: Assessment, currency: str | None) -> str:
    claim_currency = assessment.claim.currency
    if currency and currency != claim_currency:
        raise ApplicationError(
            "currency_mismatch",
            f"Estimates on this claim are in {claim_currency}.",
            errors=[_error("currency", "currency_mismatch", f"Use {claim_currency}.")],
        )
    return claim_currency


@transaction.atomic
def estimate_create(
    *,
    assessment: Assessment,
    source: str,
    lines: list[dict],
    created_by,
    supplier: str = "",
    reference: str = "",
    notes: str = "",
    currency: str | None = None,
) -> Estimate:
    locked = _locked_for_edit(assessment, created_by)
    estimate = Estimate(
        assessment=locked,
        source=source,
        supplier=supplier,
        reference=reference,
        notes=notes,
        currency=_check_currency(locked, currency),
        created_by=created_by,
    )
    estimate.full_clean()
    estimate.save()
    _store_lines(estimate, lines)
    _mark_started(locked, created_by)
    audit_record(
        actor=created_by,
        action="assessment.estimate_created",
        target=estimate,
        changes={"assessment": str(locked.pk), "source": source, "total": estimate.total, "lines": len(lines)},
    )
    _event(locked, "estimate", estimate=str(estimate.pk))
    return estimate


def _locked_estimate(estimate: Estimate, actor) -> tuple[Assessment, Estimate]:
    assessment = _locked_for_edit(estimate.assessment, actor)
    return assessment, Estimate.objects.select_for_update().get(pk=estimate.pk)


@transaction.atomic
def estimate_update(*, estimate: Estimate, data: dict, updated_by) -> Estimate:
    assessment, locked = _locked_estimate(estimate, updated_by)
    if locked.status == EstimateStatus.ACCEPTED:
        raise ApplicationError(
            "estimate_accepted", "An accepted estimate cannot be changed; accept another one instead.", status=409
        )
    if "currency" in data:
        _check_currency(assessment, data["currency"])
    changes = model_update(instance=locked, fields=["source", "supplier", "reference", "notes"], data=data)
    if "lines" in data:
        before = locked.total
        _store_lines(locked, data["lines"])
        changes["total"] = [before, locked.total]
    if changes:
        _mark_started(assessment, updated_by)
        audit_record(actor=updated_by, action="assessment.estimate_updated", target=locked, changes=changes)
        _event(assessment, "estimate", estimate=str(locked.pk))
    return locked


@transaction.atomic
def estimate_delete(*, estimate: Estimate, deleted_by) -> None:
    assessment, locked = _locked_estimate(estimate, deleted_by)
    was_accepted = locked.status == EstimateStatus.ACCEPTED
    audit_record(
        actor=deleted_by,
        action="assessment.estimate_deleted",
        target=locked,
        changes={"source": locked.source, "total": locked.total, "status": locked.status},
    )
    estimate_id = str(locked.pk)
    locked.delete()
    if was_accepted:
        _evaluate_total_loss(assessment, None)
    _event(assessment, "estimate_deleted", estimate=estimate_id)


@transaction.atomic
def estimate_accept(*, estimate: Estimate, accepted_by) -> Estimate:
    """This estimate is the one the claim is settled on; any other accepted one goes back to
    draft. The total-loss recommendation follows."""
    assessment, locked = _locked_estimate(estimate, accepted_by)
    if not locked.lines.exists():
        raise ApplicationError("empty_estimate", "An estimate without lines cannot be accepted.", status=409)
    if locked.status != EstimateStatus.ACCEPTED:
        Estimate.objects.filter(assessment=assessment, status=EstimateStatus.ACCEPTED).update(
            status=EstimateStatus.DRAFT, accepted_at=None, accepted_by=None, updated_at=timezone.now()
        )
        locked.status = EstimateStatus.ACCEPTED
        locked.accepted_at = timezone.now()
        locked.accepted_by = accepted_by
        locked.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
    _evaluate_total_loss(assessment, locked)
    _mark_started(assessment, accepted_by)
    audit_record(
        actor=accepted_by,
        action="assessment.estimate_accepted",
        target=locked,
        changes={
            "total": locked.total,
            "total_loss_recommendation": assessment.total_loss_recommendation,
        },
    )
    _event(assessment, "estimate_accepted", estimate=str(locked.pk), total_loss=assessment.total_loss)
    return locked


# --- photos ------------------------------------------------------------------------------
# A photo is a document of kind "photo" that the assessment shows. The documents app does the
# rest, once: virus scan, the untouched original, the served copy, the thumbnail, the perceptual
# hash and the original's metadata (documents/media.py), and the reuse index that compares it
# with every other image, claim documents included (documents.ImageHashBand).


@dataclass
class PhotoUpload:
    file: BinaryIO
    filename: str
    size: int


def _check_photo_file(upload: PhotoUpload) -> str:
    """Refusals that need no decoding: empty, too large, not an image by its bytes. Returns SHA-256."""
    if upload.size == 0:
        raise ApplicationError(
            "empty_file", f"{upload.filename} is empty.", errors=[_error("files", "empty_file", "Empty.")]
        )
    if upload.size > settings.ASSESSMENTS_PHOTO_MAX_BYTES:
        raise ApplicationError(
            "file_too_large",
            f"{upload.filename} is larger than {settings.ASSESSMENTS_PHOTO_MAX_BYTES} bytes.",
            status=413,
            errors=[_error("files", "file_too_large", "Too large.")],
        )
    if detect_type(upload.file) not in PHOTO_TYPES:
        raise ApplicationError(
            "unsupported_type",
            f"{upload.filename} is not a JPEG, PNG, WebP or TIFF image (judged by its content, not its name).",
            status=415,
            errors=[_error("files", "unsupported_type", "Not a photo.")],
        )
    return sha256_of(upload.file)


def _image_prepared(document, upload: PhotoUpload):
    """The document with its served copy and thumbnail, made now from the upload itself."""
    try:
        return document_prepare_image(document=document, stream=upload.file)
    except ApplicationError as exc:
        raise ApplicationError(
            exc.code, exc.message, status=exc.status, errors=[_error("files", exc.code, exc.message)]
        ) from exc


def photo_upload(
    *,
    assessment: Assessment,
    uploads: list[PhotoUpload],
    uploaded_by,
    caption: str = "",
    section: AssessmentSection | None = None,
    taken_at: datetime | None = None,
) -> list[Photo]:
    """Store several photos at once, all or none.

    Each file is checked by its bytes, then handed to the documents app: virus scan, storage of
    the untouched original and, once clean, its one served copy, WebP thumbnail, perceptual hash
    and the original's metadata (sealed). A file that fails anything removes the whole batch. When
    no scanner could vouch for a file it waits (awaiting_scan) and is never served until a scan
    says clean (tasks.photos_process_scanned).
    """
    assessment = Assessment.objects.select_related("claim").get(pk=assessment.pk)
    ensure_can_edit(uploaded_by, assessment)
    _ensure_editable(assessment)
    if not uploads:
        raise ApplicationError(
            "no_files", "Send at least one photo.", errors=[_error("files", "required", "Required.")]
        )
    if len(uploads) > settings.ASSESSMENTS_PHOTOS_PER_UPLOAD:
        raise ApplicationError(
            "too_many_files",
            f"At most {settings.ASSESSMENTS_PHOTOS_PER_UPLOAD} photos per upload.",
            errors=[_error("files", "too_many", "Too many files.")],
        )
    if section is not None and section.assessment_id != assessment.pk:
        raise ApplicationError("invalid_section", "That section belongs to another assessment.")
    digests = [_check_photo_file(upload) for upload in uploads]
    if len(set(digests)) != len(digests):
        raise ApplicationError("duplicate_photo", "The same file was sent twice.", status=409)
    existing = set(Photo.objects.filter(assessment=assessment, sha256__in=digests).values_list("sha256", flat=True))
    if existing:
        raise ApplicationError("duplicate_photo", "This photo is already in the assessment's gallery.", status=409)

    documents = []
    try:
        for upload, digest in zip(uploads, digests, strict=True):
            document = document_upload(
                owner=uploaded_by,
                file=upload.file,
                filename=upload.filename,
                size=upload.size,
                sha256=digest,
                kind=DocumentKind.PHOTO,
                allow_duplicate=True,
                process=False,  # the image is prepared right here, once, and the rest queued
            )
            if document.scan_status == ScanStatus.INFECTED:
                # The documents app keeps it in quarantine and raised its alert; nothing else is kept.
                raise ApplicationError(
                    "infected_file",
                    f"{upload.filename} is infected ({document.scan_signature}); it was quarantined.",
                    status=422,
                    errors=[_error("files", "infected_file", "Infected.")],
                )
            documents.append(document)
            if document.scan_status == ScanStatus.CLEAN:
                documents[-1] = _image_prepared(document, upload)
        photos = _photos_create(
            assessment=assessment,
            uploads=uploads,
            documents=documents,
            uploaded_by=uploaded_by,
            caption=caption,
            section=section,
            taken_at=taken_at,
        )
    except Exception:
        for document in documents:
            document_delete(document=document, deleted_by=uploaded_by)
        raise
    return photos


@transaction.atomic
def _photos_create(*, assessment, uploads, documents, uploaded_by, caption, section, taken_at) -> list[Photo]:
    locked = _lock(assessment)
    _ensure_editable(locked)
    start = (Photo.objects.filter(assessment=locked).aggregate(m=Max("position"))["m"] or 0) + 1
    photos = []
    for offset, (upload, document) in enumerate(zip(uploads, documents, strict=True)):
        ready = bool(document.served_key)
        photo = Photo(
            assessment=locked,
            claim_id=locked.claim_id,
            section=section,
            document=document,
            uploaded_by=uploaded_by,
            status=PhotoStatus.READY if ready else PhotoStatus.AWAITING_SCAN,
            caption=caption,
            position=start + offset,
            taken_at=taken_at or (document.image_taken_at if ready else None),
            filename=document.filename,
            sha256=document.sha256,
            original_size=upload.size,
        )
        photo.full_clean()
        photo.save()
        photos.append(photo)
    _mark_started(locked, uploaded_by)
    audit_record(
        actor=uploaded_by,
        action="assessment.photos_uploaded",
        target=locked,
        changes={"photos": [str(p.pk) for p in photos], "documents": [str(d.pk) for d in documents]},
    )
    _event(locked, "photos", photos=[str(p.pk) for p in photos])
    for photo in photos:
        if photo.status == PhotoStatus.READY:
            _check_reuse(photo)
    return photos


def _check_reuse(photo: Photo) -> None:
    """Index the photo under its claim in the documents app's one reuse index; the same or a
    near-identical picture on another claim (another assessment's photo or a claim document)
    raises an alert on both claims."""
    matches = document_image_index(document=photo.document, claim=photo.claim)
    if not matches:
        return
    photo_ids = dict(
        Photo.objects.filter(document_id__in=[m.document_id for m in matches]).values_list("document_id", "pk")
    )
    claims = Claim.objects.in_bulk({m.claim_id for m in matches})
    claim = photo.claim

    def shown_as(document_id) -> str | None:
        return str(photo_ids[document_id]) if document_id in photo_ids else None

    alert_raise(
        kind="photo_duplicate",
        severity="high",
        title=f"Damage photo on claim {claim.claim_number} matches another claim's photo",
        message=", ".join(f"{m.claim_number} (distance {m.distance})" for m in matches),
        claim=claim,
        data={
            "photo": str(photo.pk),
            "document": str(photo.document_id),
            "matches": [
                {
                    "photo": shown_as(m.document_id),
                    "document": str(m.document_id),
                    "claim": str(m.claim_id),
                    "claim_number": m.claim_number,
                    "distance": m.distance,
                }
                for m in matches
            ],
        },
    )
    seen = set()
    for match in matches:
        if match.claim_id in seen:
            continue
        seen.add(match.claim_id)
        alert_raise(
            kind="photo_duplicate",
            severity="high",
            title=f"A photo on claim {match.claim_number} was reused on claim {claim.claim_number}",
            message=f"{photo.filename} on {claim.claim_number} matches {match.filename} (distance {match.distance}).",
            claim=claims[match.claim_id],
            data={
                "photo": shown_as(match.document_id),
                "document": str(match.document_id),
                "matches": [
                    {
                        "photo": str(photo.pk),
                        "document": str(photo.document_id),
                        "claim": str(claim.pk),
                        "claim_number": claim.claim_number,
                        "distance": match.distance,
                    }
                ],
            },
        )


def photo_process(*, photo: Photo) -> Photo:
    """A photo that waited for its scan: once the documents app says clean, its image is prepared
    (by the documents' processing job, else here) and the photo becomes ready. Idempotent; an
    image that turns out undecodable is removed (with its original)."""
    photo = Photo.objects.select_related("document", "claim").get(pk=photo.pk)
    document = photo.document
    if photo.status == PhotoStatus.READY or document.scan_status != ScanStatus.CLEAN:
        return photo
    try:
        document = document_prepare_image(document=document)
    except ApplicationError as exc:
        if exc.status not in (415, 422):
            raise
        logger.warning("photo %s removed: %s", photo.pk, exc.message)
        with transaction.atomic():
            audit_record(actor=None, action="assessment.photo_rejected", target=photo, changes={"reason": exc.code})
            photo.delete()
            document_delete(document=document, deleted_by=None)
        return photo
    with transaction.atomic():
        locked = Photo.objects.select_for_update().select_related("claim").get(pk=photo.pk)
        if locked.status == PhotoStatus.READY:
            return locked
        locked.document = document
        locked.status = PhotoStatus.READY
        locked.taken_at = locked.taken_at or document.image_taken_at
        locked.save(update_fields=["status", "taken_at", "updated_at"])
        audit_record(actor=None, action="assessment.photo_processed", target=locked, changes={})
        assessment = Assessment.objects.select_related("claim").get(pk=locked.assessment_id)
        _event(assessment, "photos", photos=[str(locked.pk)])  # the gallery can show it now
        _check_reuse(locked)
    return locked


@transaction.atomic
def photo_update(*, photo: Photo, data: dict, updated_by) -> Photo:
    assessment = _locked_for_edit(photo.assessment, updated_by)
    locked = Photo.objects.select_for_update().get(pk=photo.pk)
    if "section" in data and data["section"] is not None and data["section"].assessment_id != assessment.pk:
        raise ApplicationError("invalid_section", "That section belongs to another assessment.")
    changes = model_update(instance=locked, fields=["caption", "section", "position", "taken_at"], data=data)
    if changes:
        audit_record(actor=updated_by, action="assessment.photo_updated", target=locked, changes=changes)
        _event(assessment, "photos", photos=[str(locked.pk)])
    return locked


@transaction.atomic
def photo_delete(*, photo: Photo, deleted_by) -> None:
    """The photo, its document and the document's files (original, served copy, thumbnail)."""
    assessment = _locked_for_edit(photo.assessment, deleted_by)
    document, photo_id = photo.document, str(photo.pk)
    audit_record(
        actor=deleted_by,
        action="assessment.photo_deleted",
        target=photo,
        changes={"filename": photo.filename, "sha256": photo.sha256},
    )
    photo.delete()
    document_delete(document=document, deleted_by=deleted_by)
    _event(assessment, "photo_deleted", photo=photo_id)
