"""Every write on documents: upload (type, scan, store), processing, validation, edits, deletion."""

import logging
from datetime import timedelta
from typing import BinaryIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core import metrics
from insurehub.core.errors import ApplicationError
from insurehub.core.services import model_update
from insurehub.core.tasks import enqueue_on_commit
from insurehub.documents import extraction, images, scanning
from insurehub.documents.intake import check_upload, clean_filename, detect_type, sha256_of
from insurehub.documents.models import (
    Document,
    DocumentKind,
    FileType,
    ProcessingStatus,
    ScanStatus,
    ValidationStatus,
)
from insurehub.documents.storage import documents_storage, move, new_key, quarantine_key
from insurehub.documents.text_extraction import ExtractionError, extract_text
from insurehub.documents.validation import ClaimFacts, validate
from insurehub.realtime import groups
from insurehub.realtime.services import publish

logger = logging.getLogger(__name__)


def _audience(document: Document) -> list[str]:
    audience = [groups.user_group(document.owner_id)]
    if document.claim_id:
        claim = document.claim
        audience += [groups.claim_group(claim.pk), groups.department_group(claim.department)]
        audience += [groups.user_group(claim.customer_id)]
    return audience


def _event_data(document: Document) -> dict:
    return {
        "document": str(document.pk),
        "claim": str(document.claim_id) if document.claim_id else None,
        "kind": document.kind,
        "scan_status": document.scan_status,
        "processing_status": document.processing_status,
        "processing_progress": document.processing_progress,
        "validation_status": document.validation_status,
    }


def _raise_alert(*, kind: str, severity: str, title: str, message: str, document: Document, data: dict) -> None:
    from insurehub.dashboard.services import alert_raise

    alert_raise(
        kind=kind,
        severity=severity,
        title=title,
        message=message,
        claim=document.claim,
        data={"document": str(document.pk), **data},
    )


# --- upload and scan ---------------------------------------------------------------------


def document_upload(
    *,
    owner,
    file: BinaryIO,
    filename: str,
    size: int,
    sha256: str = "",
    kind: str = "",
    claim=None,
    allow_duplicate: bool = False,
) -> Document:
    """Scan the file, check it (size, type by content, duplicate), store it under a random key.

    Nothing is stored for a refused file. An infected file (whatever its type) is stored under
    quarantine/, recorded as infected (never served or processed) and reported: the API answers 422.
    """
    if size > settings.DOCUMENTS_MAX_UPLOAD_BYTES:
        raise ApplicationError(
            "file_too_large",
            f"The file is larger than {settings.DOCUMENTS_MAX_UPLOAD_BYTES} bytes.",
            status=413,
            errors=[{"field": "file", "code": "file_too_large", "message": "Too large."}],
        )
    if size == 0:
        raise ApplicationError(
            "empty_file", "The file is empty.", errors=[{"field": "file", "code": "empty_file", "message": "Empty."}]
        )
    # The scan comes first: whatever else the file is, an infected one is quarantined and reported.
    file.seek(0)
    started = timezone.now()
    result = scanning.scanner().scan(file)
    metrics.DOCUMENT_SCANS.labels(result.status).inc()
    sha256 = sha256 or sha256_of(file)
    if result.status == ScanStatus.INFECTED:
        file_type = detect_type(file) or FileType.UNKNOWN
        key = quarantine_key(new_key())
    else:
        file_type = check_upload(file, size=size, max_image_pixels=settings.DOCUMENTS_MAX_IMAGE_PIXELS)
        key = new_key()
        if not allow_duplicate:
            _refuse_duplicate(owner=owner, sha256=sha256)
    storage = documents_storage()
    file.seek(0)
    key = storage.save(key, file)
    try:
        document = _document_create(
            owner=owner,
            key=key,
            filename=clean_filename(filename),
            file_type=file_type,
            size=size,
            sha256=sha256,
            kind=kind,
            claim=claim,
            result=result,
            scanned_at=started,
        )
    except Exception:
        storage.delete(key)  # nothing half-written: no orphan file without its row
        raise
    return document


def _refuse_duplicate(*, owner, sha256: str) -> None:
    existing = (
        Document.objects.filter(owner=owner, sha256=sha256)
        .exclude(scan_status=ScanStatus.INFECTED)
        .values_list("pk", flat=True)
        .first()
    )
    if existing:
        raise ApplicationError(
            "duplicate_document", "You have already uploaded this file.", status=409, extra={"document": str(existing)}
        )


@transaction.atomic
def _document_create(
    *, owner, key, filename, file_type, size, sha256, kind, claim, result: scanning.ScanResult, scanned_at
) -> Document:
    now = timezone.now()
    infected = result.status == ScanStatus.INFECTED
    document = Document(
        owner=owner,
        claim=claim,
        kind=kind or DocumentKind.OTHER,
        kind_guessed=not kind,
        filename=filename,
        file_type=file_type,
        file_size=size,
        sha256=sha256,
        storage_key=key,
        scan_status=result.status,
        scan_engine=result.engine,
        scan_signature=result.signature,
        scanned_at=scanned_at if result.status in (ScanStatus.CLEAN, ScanStatus.INFECTED) else None,
        quarantined_at=now if infected else None,
    )
    document.full_clean()
    document.save()
    audit_record(
        actor=owner,
        action="document.uploaded",
        target=document,
        changes={
            "kind": document.kind,
            "file_type": file_type,
            "size": size,
            "sha256": sha256,
            "claim": str(claim.pk) if claim else None,
        },
    )
    _after_scan(document, result, actor=owner)
    return document


def _after_scan(document: Document, result: scanning.ScanResult, *, actor) -> None:
    publish("document.scanned", _event_data(document), _audience(document))
    if result.status == ScanStatus.INFECTED:
        audit_record(
            actor=actor,
            action="document.quarantined",
            target=document,
            changes={"signature": result.signature, "engine": result.engine, "sha256": document.sha256},
        )
        _raise_alert(
            kind="document_infected",
            severity="high",
            title="Infected file quarantined",
            message=f"{document.filename} ({result.signature}) was quarantined; it is never served.",
            document=document,
            data={"signature": result.signature, "owner": str(document.owner_id)},
        )
    elif result.status == ScanStatus.CLEAN:
        from insurehub.documents.tasks import document_process_task

        enqueue_on_commit(document_process_task, str(document.pk))
    elif result.status == ScanStatus.ERROR:
        logger.warning("virus scan failed: %s", result.detail, extra={"document": str(document.pk)})


def document_rescan(*, document: Document) -> Document:
    """Scan again a document whose scan did not conclude (pending, error, unscanned)."""
    if document.scan_status in (ScanStatus.CLEAN, ScanStatus.INFECTED):
        return document
    storage = documents_storage()
    with storage.open(document.storage_key, "rb") as handle:
        result = scanning.scanner().scan(handle)
    metrics.DOCUMENT_SCANS.labels(result.status).inc()
    if result.status == ScanStatus.INFECTED:
        document.storage_key = move(storage, document.storage_key, quarantine_key(document.storage_key))
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        changes = model_update(
            instance=locked,
            fields=["scan_status", "scan_engine", "scan_signature", "scanned_at", "quarantined_at", "storage_key"],
            data={
                "scan_status": result.status,
                "scan_engine": result.engine,
                "scan_signature": result.signature,
                "scanned_at": timezone.now() if result.status in (ScanStatus.CLEAN, ScanStatus.INFECTED) else None,
                "quarantined_at": timezone.now() if result.status == ScanStatus.INFECTED else None,
                "storage_key": document.storage_key,
            },
        )
        if changes:
            audit_record(actor=None, action="document.rescanned", target=locked, changes=changes)
            _after_scan(locked, result, actor=None)
    return locked


# --- processing --------------------------------------------------------------------------


def document_process_request(*, document: Document, requested_by) -> Document:
    """Queue (re)processing of a clean document. Idempotent while queued; 409 while running."""
    if document.scan_status != ScanStatus.CLEAN:
        raise ApplicationError(
            "not_clean",
            f"The document's scan status is {document.scan_status}; only clean documents are processed.",
            status=409,
        )
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.processing_status == ProcessingStatus.PROCESSING and not _stale(locked):
            raise ApplicationError("already_processing", "The document is being processed now.", status=409)
        if locked.processing_status != ProcessingStatus.PENDING:
            locked.processing_status = ProcessingStatus.PENDING
            locked.processing_progress = 0
            locked.processing_error = ""
            locked.save(update_fields=["processing_status", "processing_progress", "processing_error", "updated_at"])
        audit_record(actor=requested_by, action="document.process_requested", target=locked)
        from insurehub.documents.tasks import document_process_task

        enqueue_on_commit(document_process_task, str(locked.pk))
    locked.refresh_from_db()
    return locked


def _stale(document: Document) -> bool:
    limit = timedelta(seconds=settings.DOCUMENTS_PROCESSING_STALE_SECONDS)
    return bool(document.processing_started_at and timezone.now() - document.processing_started_at > limit)


def _claim_for_processing(document_id) -> bool:
    """Take the document for this run (compare-and-set), so two runs never work at once."""
    stale_before = timezone.now() - timedelta(seconds=settings.DOCUMENTS_PROCESSING_STALE_SECONDS)
    taken = (
        Document.objects.filter(pk=document_id, scan_status=ScanStatus.CLEAN)
        .filter(
            Q(processing_status__in=[ProcessingStatus.PENDING, ProcessingStatus.FAILED])
            | Q(processing_status=ProcessingStatus.PROCESSING, processing_started_at__lt=stale_before)
        )
        .update(
            processing_status=ProcessingStatus.PROCESSING,
            processing_progress=0,
            processing_started_at=timezone.now(),
            processing_error="",
            processing_attempts=F("processing_attempts") + 1,
            updated_at=timezone.now(),
        )
    )
    return taken == 1


def _progress(document: Document, percent: int) -> None:
    percent = max(0, min(100, percent))
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(processing_progress=percent, updated_at=timezone.now())
        document.processing_progress = percent
        publish("document.processed", _event_data(document), _audience(document))


def document_process(*, document_id) -> Document | None:
    """The processing job: text (PDF layer, else OCR), fields, image copies, then validation.
    Returns None when there was nothing to do (already done, running elsewhere, not clean)."""
    if not _claim_for_processing(document_id):
        return None
    document = Document.objects.select_related("owner", "claim").get(pk=document_id)
    document.processing_status = ProcessingStatus.PROCESSING
    storage = documents_storage()
    try:
        with storage.open(document.storage_key, "rb") as handle:
            text = extract_text(
                handle,
                file_type=document.file_type,
                progress=lambda done, total: _progress(document, 10 + int(70 * done / max(total, 1))),
            )
            prepared = None
            if document.is_image:
                handle.seek(0)
                prepared = images.prepare(handle, max_side=settings.DOCUMENTS_SERVED_IMAGE_MAX_SIDE)
    except ExtractionError as exc:
        _process_failed(document, f"{exc.code}: {exc.message}")
        return document
    except Exception as exc:
        _process_failed(document, f"error: {type(exc).__name__}")
        raise  # the task retries what may be passing (storage or OCR hiccups)

    fields = extraction.extract_fields(text.lines)
    kind_guess, kind_confidence = extraction.guess_kind(text.text, is_image=document.is_image)
    served_key = thumbnail_key = ""
    if prepared is not None:
        extension = ".png" if prepared.served_type == "image/png" else ".jpg"
        served_key = storage.save(new_key("served") + extension, ContentFile(prepared.served))
        thumbnail_key = storage.save(new_key("thumbnails") + ".jpg", ContentFile(prepared.thumbnail))
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        old_keys = [k for k in (locked.served_key, locked.thumbnail_key) if k]
        locked.extracted_text = text.text
        locked.page_count = text.pages
        locked.processed_data = {
            "fields": fields,
            "methods": sorted(text.methods),
            "kind_guess": {"value": kind_guess, "confidence": kind_confidence},
        }
        if locked.kind_guessed:
            locked.kind = kind_guess
        if prepared is not None:
            locked.served_key, locked.thumbnail_key = served_key, thumbnail_key
            locked.image_width, locked.image_height = prepared.width, prepared.height
            locked.perceptual_hash = prepared.perceptual_hash
        locked.processing_status = ProcessingStatus.DONE
        locked.processing_progress = 100
        locked.processed_at = timezone.now()
        locked.full_clean()
        if prepared is not None:
            # After full_clean: core.fields.EncryptedJSONField has no to_python, so cleaning
            # would turn the dict into its repr.
            locked.private_metadata = prepared.private_metadata
        locked.save()
        audit_record(
            actor=None,
            action="document.processed",
            target=locked,
            changes={"pages": text.pages, "methods": sorted(text.methods), "kind": locked.kind},
        )
        publish("document.processed", _event_data(locked), _audience(locked))
        transaction.on_commit(lambda: [storage.delete(k) for k in old_keys])
        if locked.claim_id and locked.perceptual_hash:
            _check_photo_reuse(locked)
    if locked.claim_id:
        locked = document_validate(document=locked, actor=None)
    return locked


def _check_photo_reuse(document: Document) -> None:
    """The same photo (equal perceptual hash) already on another claim: a fraud signal."""
    others = list(
        Document.objects.filter(perceptual_hash=document.perceptual_hash, claim__isnull=False)
        .exclude(claim_id=document.claim_id)
        .values_list("pk", "claim_id")[:5]
    )
    if others:
        _raise_alert(
            kind="photo_reused",
            severity="high",
            title="Photo already used on another claim",
            message=f"{document.filename} matches a photo on {len(others)} other claim(s).",
            document=document,
            data={"matches": [{"document": str(d), "claim": str(c)} for d, c in others]},
        )


# --- validation --------------------------------------------------------------------------


def claim_facts(claim) -> ClaimFacts:
    """What the claim says, in the shape the validation compares against."""
    policy = claim.policy
    vehicle = claim.vehicle or (policy.vehicle if policy else None)
    return ClaimFacts(
        claim_number=claim.claim_number,
        vin=vehicle.vin if vehicle else "",
        registration=vehicle.registration if vehicle else "",
        policy_number=policy.policy_number if policy else "",
        policy_start=policy.start_date if policy else None,
        policy_end=policy.end_date if policy else None,
        incident_date=timezone.localdate(claim.incident_date) if claim.incident_date else None,
        policyholder_names=tuple(n for n in (claim.customer.name,) if n),
        estimated_cost=claim.estimated_cost,
        sum_insured=policy.sum_insured if policy else None,
        currency=claim.currency,
    )


def document_validate(*, document: Document, actor) -> Document:
    """Compare the extracted fields with the claim, its vehicle and policy; a mismatch raises
    an alert on the claim."""
    if document.processing_status != ProcessingStatus.DONE:
        raise ApplicationError(
            "not_processed", "The document has not been processed yet; process it first.", status=409
        )
    if not document.claim_id:
        raise ApplicationError("no_claim", "The document is not attached to a claim.", status=409)
    with transaction.atomic():
        locked = (
            Document.objects.select_for_update(of=("self",))
            .select_related("claim__policy__vehicle", "claim__vehicle", "claim__customer")
            .get(pk=document.pk)
        )
        fields = (locked.processed_data or {}).get("fields", {})
        status, findings = validate(fields, claim_facts(locked.claim), kind=locked.kind)
        locked.validation_status = status
        locked.validation_findings = findings
        locked.validated_at = timezone.now()
        locked.save(update_fields=["validation_status", "validation_findings", "validated_at", "updated_at"])
        audit_record(
            actor=actor,
            action="document.validated",
            target=locked,
            changes={"status": status, "findings": [f["code"] for f in findings]},
        )
        publish("document.validated", _event_data(locked), _audience(locked))
        problems = [f for f in findings if f["severity"] == "error"]
        if problems:
            _raise_alert(
                kind="document_mismatch",
                severity="high",
                title=f"Document does not match claim {locked.claim.claim_number}",
                message="; ".join(f["message"] for f in problems),
                document=locked,
                data={"findings": [f["code"] for f in problems]},
            )
    return locked


def _process_failed(document: Document, reason: str) -> None:
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(
            processing_status=ProcessingStatus.FAILED, processing_error=reason[:255], updated_at=timezone.now()
        )
        document.processing_status = ProcessingStatus.FAILED
        document.processing_error = reason[:255]
        audit_record(actor=None, action="document.processing_failed", target=document, changes={"reason": reason})
        publish("document.processed", _event_data(document), _audience(document))


# --- edits and deletion ------------------------------------------------------------------


@transaction.atomic
def document_update(*, document: Document, data: dict, updated_by) -> Document:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if "kind" in data:
        data = {**data, "kind_guessed": False}
    if "filename" in data:
        data = {**data, "filename": clean_filename(data["filename"])}
    if "claim" in data and data["claim"] != locked.claim:
        data = {**data, "validation_status": ValidationStatus.NOT_VALIDATED, "validation_findings": []}
    changes = model_update(
        instance=locked,
        fields=["kind", "kind_guessed", "filename", "claim", "validation_status", "validation_findings"],
        data=data,
    )
    if changes:
        audit_record(actor=updated_by, action="document.updated", target=locked, changes=changes)
    return locked


@transaction.atomic
def document_delete(*, document: Document, deleted_by) -> None:
    keys = [k for k in (document.storage_key, document.served_key, document.thumbnail_key) if k]
    audit_record(
        actor=deleted_by,
        action="document.deleted",
        target=document,
        changes={"filename": document.filename, "sha256": document.sha256},
    )
    document.delete()
    storage = documents_storage()
    transaction.on_commit(lambda: [storage.delete(k) for k in keys])
