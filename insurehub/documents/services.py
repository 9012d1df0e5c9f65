"""Every write on documents: upload (type, scan, store), processing, validation, edits, deletion."""

import logging
from datetime import timedelta
from typing import BinaryIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, ProtectedError, Q
from django.utils import timezone

from insurehub.alerts.services import alert_raise
from insurehub.audit.services import audit_record
from insurehub.claims.services import document_request_fulfil
from insurehub.core import metrics
from insurehub.core.errors import ApplicationError
from insurehub.core.services import model_update
from insurehub.core.tasks import enqueue_on_commit, task_by_name
from insurehub.documents import extraction, media, scanning
from insurehub.documents.complexity import Limits as CostLimits
from insurehub.documents.complexity import check_cost
from insurehub.documents.intake import check_upload, clean_filename, detect_type, sha256_of
from insurehub.documents.models import (
    IMAGE_TYPES,
    Document,
    DocumentKind,
    FileType,
    ImageHashBand,
    ProcessingStatus,
    ScanStatus,
    ValidationStatus,
)
from insurehub.documents.permissions import document_audience
from insurehub.documents.selectors import ImageMatch, image_matches
from insurehub.documents.storage import documents_storage, move, new_key, quarantine_key
from insurehub.documents.text_extraction import ExtractionError, extract_text
from insurehub.documents.validation import ClaimFacts, validate
from insurehub.realtime.events import emit

# documents.tasks imports this module: the task is named, not imported.
PROCESS_TASK = "insurehub.documents.tasks.document_process_task"

logger = logging.getLogger(__name__)


# Who may read the document (permissions.py): staff uploads never reach the claim's customer.
_audience = document_audience


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
    process: bool = True,
    images_only: bool = False,
) -> Document:
    """Scan the file, check it (size, type by content, duplicate), store it under a random key.

    A clean file is queued for processing, unless `process` is false: then the caller makes the
    image's copies now (`document_prepare_image`, which queues the rest), as assessments do.
    `images_only` (a photo): a clean file whose content is not an image is refused, 415 `not_an_image`.

    Nothing is stored for a refused file. An infected file (whatever its type) is stored under
    quarantine/, recorded as infected (never served or processed) and reported: the API answers 422.
    A file whose headers promise more work than the limits allow (an image of too many pixels, a
    ZIP bomb) is refused before the scan; one the scanner gives up on (its own limits) after it.
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
    # Header-only limits first (milliseconds): a decompression bomb never reaches the scanner.
    check_cost(file, size=size, limits=CostLimits.from_settings())
    # Then the scan: whatever else the file is, an infected one is quarantined and reported.
    file.seek(0)
    started = timezone.now()
    result = scanning.scanner().scan(file)
    metrics.DOCUMENT_SCANS.labels(result.status).inc()
    if result.status == scanning.TOO_COMPLEX:
        raise ApplicationError(
            "file_too_complex",
            f"The virus scanner gave up on the file ({result.detail}); it is refused and was not stored.",
            status=422,
            errors=[{"field": "file", "code": "file_too_complex", "message": "Too complex to scan."}],
        )
    sha256 = sha256 or sha256_of(file)
    if result.status == ScanStatus.INFECTED:
        file_type = detect_type(file) or FileType.UNKNOWN
        key = quarantine_key(new_key())
    else:
        file_type = check_upload(file, size=size, max_image_pixels=settings.DOCUMENTS_MAX_IMAGE_PIXELS)
        if images_only and file_type not in IMAGE_TYPES:
            raise ApplicationError(
                "not_an_image",
                "A photo must be an image (JPEG, PNG, WebP, HEIC or TIFF); this file is not one, whatever its name.",
                status=415,
                errors=[{"field": "file", "code": "not_an_image", "message": "Not an image."}],
            )
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
            process=process,
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
    *, owner, key, filename, file_type, size, sha256, kind, claim, result: scanning.ScanResult, scanned_at, process
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
    _after_scan(document, result, actor=owner, process=process)
    if claim is not None and kind and not infected:
        # A document of a kind the customer was asked for fulfils the oldest open request of it.
        document_request_fulfil(claim_id=claim.pk, kind=kind, document_id=document.pk, uploaded_by=owner)
    return document


def _after_scan(document: Document, result: scanning.ScanResult, *, actor, process: bool = True) -> None:
    emit("document.scanned", _event_data(document), _audience(document))
    if result.status == ScanStatus.INFECTED:
        audit_record(
            actor=actor,
            action="document.quarantined",
            target=document,
            changes={"signature": result.signature, "engine": result.engine, "sha256": document.sha256},
        )
        over_limits = result.signature.startswith(scanning.LIMITS_EXCEEDED_PREFIX)
        _raise_alert(
            kind="document_infected",
            severity="high",
            title="File over the scanner's limits quarantined" if over_limits else "Infected file quarantined",
            message=f"{document.filename} ({result.signature}) was quarantined; it is never served.",
            document=document,
            data={"signature": result.signature, "owner": str(document.owner_id)},
        )
    elif result.status == ScanStatus.CLEAN and process:
        enqueue_on_commit(task_by_name(PROCESS_TASK), str(document.pk))
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
    if result.status == scanning.TOO_COMPLEX:
        # Stored already, so not refused: quarantined under the scanner's heuristic name, never served.
        result = scanning.ScanResult(ScanStatus.INFECTED, result.engine, result.signature, result.detail)
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
        enqueue_on_commit(task_by_name(PROCESS_TASK), str(locked.pk))
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
        emit("document.processed", _event_data(document), _audience(document))


def document_process(*, document_id) -> Document | None:
    """The processing job: an image's copies (unless made at upload), text (PDF layer, else OCR),
    fields, then validation. Returns None when there was nothing to do (already done, running
    elsewhere, not clean)."""
    if not _claim_for_processing(document_id):
        return None
    document = Document.objects.select_related("owner", "claim").get(pk=document_id)
    document.processing_status = ProcessingStatus.PROCESSING
    storage = documents_storage()
    try:
        if document.is_image and not document.served_key:
            document = _image_copies_make(document)
            document.processing_status = ProcessingStatus.PROCESSING
        with storage.open(document.storage_key, "rb") as handle:
            text = extract_text(
                handle,
                file_type=document.file_type,
                progress=lambda done, total: _progress(document, 10 + int(70 * done / max(total, 1))),
            )
    except (ExtractionError, media.MediaError) as exc:
        _process_failed(document, f"{exc.code}: {exc.message}")
        return document
    except Exception as exc:
        _process_failed(document, f"error: {type(exc).__name__}")
        raise  # the task retries what may be passing (storage or OCR hiccups)

    fields = extraction.extract_fields(text.lines)
    kind_guess, kind_confidence = extraction.guess_kind(text.text, is_image=document.is_image)
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        locked.extracted_text = text.text
        locked.page_count = text.pages
        locked.processed_data = {
            "fields": fields,
            "methods": sorted(text.methods),
            "kind_guess": {"value": kind_guess, "confidence": kind_confidence},
        }
        if locked.kind_guessed:
            locked.kind = kind_guess
        locked.processing_status = ProcessingStatus.DONE
        locked.processing_progress = 100
        locked.processed_at = timezone.now()
        locked.full_clean(exclude=["private_metadata"])  # EncryptedJSONField has no to_python
        locked.save(
            update_fields=[
                "extracted_text",
                "page_count",
                "processed_data",
                "kind",
                "processing_status",
                "processing_progress",
                "processed_at",
                "updated_at",
            ]
        )
        audit_record(
            actor=None,
            action="document.processed",
            target=locked,
            changes={"pages": text.pages, "methods": sorted(text.methods), "kind": locked.kind},
        )
        emit("document.processed", _event_data(locked), _audience(locked))
    if locked.claim_id:
        locked = document_validate(document=locked, actor=None)
    return locked


# --- images: the one media pipeline -------------------------------------------------------


def document_prepare_image(*, document: Document, stream: BinaryIO | None = None) -> Document:
    """Make a clean image's served copy, thumbnail and perceptual hash now, instead of in the
    processing job, for a caller that must show it at once (assessment photos). `stream` is the
    upload itself when at hand (else the stored original is read). The processing job is queued
    for the rest (text, fields) and leaves the image alone: each image is processed once.

    Idempotent: an image that has its copies is answered as it is. Errors: 415
    `unsupported_type`, 422 `image_too_large`, `corrupt_image` (nothing is stored)."""
    if document.scan_status != ScanStatus.CLEAN or not document.is_image:
        raise ApplicationError("not_clean_image", "Only a clean image gets a served copy and a thumbnail.", status=409)
    if not document.served_key:
        try:
            document = _image_copies_make(document, stream=stream)
        except media.MediaError as exc:
            raise ApplicationError(
                exc.code,
                exc.message,
                status=415 if exc.code == "unsupported_type" else 422,
                errors=[{"field": "file", "code": exc.code, "message": exc.message}],
            ) from exc
    if document.processing_status == ProcessingStatus.PENDING:
        enqueue_on_commit(task_by_name(PROCESS_TASK), str(document.pk))
    return document


def _image_copies_make(document: Document, *, stream: BinaryIO | None = None) -> Document:
    """Decode the image once, store its served copy and thumbnail, record them with the hash and
    the original's metadata, index the hash under the document's claim and look for reuse there.
    Two runs racing on one image keep the first copies and delete the others."""
    storage = documents_storage()
    options = {
        "max_pixels": settings.DOCUMENTS_MAX_IMAGE_PIXELS,
        "served_max_side": settings.DOCUMENTS_SERVED_IMAGE_MAX_SIDE,
        "jpeg_quality": settings.DOCUMENTS_SERVED_IMAGE_JPEG_QUALITY,
        "thumbnail_side": settings.DOCUMENTS_THUMBNAIL_SIDE,
    }
    if stream is None:
        with storage.open(document.storage_key, "rb") as handle:
            prepared = media.prepare(handle, **options)
    else:
        prepared = media.prepare(stream, **options)
    keys = [storage.save(new_key("served") + ".jpg", ContentFile(prepared.served))]
    try:
        keys.append(storage.save(new_key("thumbnails") + ".webp", ContentFile(prepared.thumbnail)))
        with transaction.atomic():
            locked = Document.objects.select_for_update().get(pk=document.pk)
            if locked.served_key:  # another run made them meanwhile: theirs stay, ours go
                transaction.on_commit(lambda: [storage.delete(k) for k in keys])
                return locked
            locked.served_key, locked.thumbnail_key = keys
            locked.served_size = len(prepared.served)
            locked.served_width, locked.served_height = prepared.served_width, prepared.served_height
            locked.image_width, locked.image_height = prepared.width, prepared.height
            locked.perceptual_hash = prepared.perceptual_hash
            locked.private_metadata = prepared.metadata
            locked.save(update_fields=[*IMAGE_FIELDS, "updated_at"])
            audit_record(
                actor=None,
                action="document.image_prepared",
                target=locked,
                changes={
                    "width": prepared.width,
                    "height": prepared.height,
                    "perceptual_hash": prepared.perceptual_hash,
                },
            )
            _image_index(locked, claim_id=locked.claim_id)
            if locked.claim_id:
                _check_photo_reuse(locked)
    except Exception:
        for key in keys:
            storage.delete(key)
        raise
    return locked


IMAGE_FIELDS = [
    "served_key",
    "thumbnail_key",
    "served_size",
    "served_width",
    "served_height",
    "image_width",
    "image_height",
    "perceptual_hash",
    "private_metadata",
]


def _image_index(document: Document, *, claim_id) -> None:
    """The document's hash in the reuse index, as evidence for `claim_id` (none: not yet on a claim)."""
    ImageHashBand.objects.filter(document=document).delete()
    ImageHashBand.objects.bulk_create(
        [
            ImageHashBand(document=document, claim_id=claim_id, band=band, value=value)
            for band, value in enumerate(media.hash_bands(document.perceptual_hash))
        ]
    )


def document_image_index(*, document: Document, claim) -> list[ImageMatch]:
    """The document's image is evidence for `claim` although not attached to it (an assessment
    photo): index it under that claim, and answer the images on other claims that are the same
    picture (Hamming distance at most DOCUMENTS_IMAGE_REUSE_DISTANCE), nearest first. The caller
    raises its own alert on them."""
    if not document.perceptual_hash:
        raise ApplicationError("no_image_hash", "The image has not been prepared yet.", status=409)
    _image_index(document, claim_id=claim.pk)
    return image_matches(document=document, claim_id=claim.pk)


def _check_photo_reuse(document: Document) -> None:
    """The same or a near-identical picture (a claim document or an assessment photo) already on
    another claim: a fraud signal on this claim."""
    matches = image_matches(document=document, claim_id=document.claim_id)
    if matches:
        _raise_alert(
            kind="photo_reused",
            severity="high",
            title="Photo already used on another claim",
            message=f"{document.filename} matches a photo on {len({m.claim_id for m in matches})} other claim(s).",
            document=document,
            data={
                "matches": [
                    {
                        "document": str(m.document_id),
                        "claim": str(m.claim_id),
                        "claim_number": m.claim_number,
                        "distance": m.distance,
                    }
                    for m in matches
                ]
            },
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
        emit("document.validated", _event_data(locked), _audience(locked))
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
        emit("document.processed", _event_data(document), _audience(document))


# --- edits and deletion ------------------------------------------------------------------


@transaction.atomic
def document_update(*, document: Document, data: dict, updated_by) -> Document:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    claim_before = locked.claim_id
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
    if "claim" in changes:
        # The image follows its document to the claim (unless indexed as another claim's photo).
        ImageHashBand.objects.filter(document=locked, claim_id=claim_before).update(claim=locked.claim)
    if ({"kind", "claim"} & set(changes)) and locked.claim_id and locked.scan_status != ScanStatus.INFECTED:
        # Filed under a kind (or moved to a claim) the customer was asked for: as an upload of it.
        document_request_fulfil(
            claim_id=locked.claim_id, kind=locked.kind, document_id=locked.pk, uploaded_by=updated_by
        )
    return locked


@transaction.atomic
def document_delete(*, document: Document, deleted_by) -> None:
    """Remove the document and, after commit, its files. A document another record still shows
    (an assessment photo: delete the photo instead) is refused with 409 `document_in_use`."""
    keys = [k for k in (document.storage_key, document.served_key, document.thumbnail_key) if k]
    audit_record(
        actor=deleted_by,
        action="document.deleted",
        target=document,
        changes={"filename": document.filename, "sha256": document.sha256},
    )
    try:
        with transaction.atomic():
            document.delete()
    except ProtectedError as exc:
        raise ApplicationError(
            "document_in_use", "This file is shown elsewhere (an assessment's photo); remove it there.", status=409
        ) from exc
    storage = documents_storage()
    transaction.on_commit(lambda: [storage.delete(k) for k in keys])
