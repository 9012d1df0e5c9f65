"""Damage photos: stored and processed through the documents pipeline (one served copy, one
thumbnail, one reuse index across documents and photos), captioned, deleted."""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from insurehub.alerts.services import alert_raise
from insurehub.assessments.models import (
    Assessment,
    AssessmentSection,
    Photo,
    PhotoStatus,
)
from insurehub.assessments.permissions import (
    ensure_can_edit,
)
from insurehub.assessments.services.editing import (
    _ensure_editable,
    _error,
    _event,
    _lock,
    _locked_for_edit,
    _mark_started,
)
from insurehub.audit.services import audit_record
from insurehub.claims.models import Claim
from insurehub.core.errors import ApplicationError
from insurehub.core.services import model_update
from insurehub.documents.intake import detect_type, sha256_of
from insurehub.documents.models import DocumentKind, ScanStatus
from insurehub.documents.services import (
    document_delete,
    document_image_index,
    document_prepare_image,
    document_upload,
)

logger = logging.getLogger(__name__)


PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/tiff"})


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
