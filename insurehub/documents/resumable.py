"""Resumable uploads in the style of tus: every write on a ResumableUpload.

A phone on a weak connection sends a large file in chunks and, after a lost connection, asks how
much arrived (GET: `offset`) and carries on from there; nothing is a document until every byte
arrived and the whole file's SHA-256 matches the one declared at the start.

    upload_create   POST   {claim, document_type, filename, size, sha256}: open (or the open one for
                           the same owner, claim, sha256 and size: a reloaded page resumes it)
    upload_append   PATCH  a chunk at `Upload-Offset`; the last one hands the file to the intake
    upload_cancel   DELETE the upload and its bytes
    uploads_expire  periodic: uploads idle for DOCUMENTS_UPLOAD_TTL_SECONDS, and stray bytes

Decisions where the issue was silent:
- Expiry slides: each accepted chunk moves `expires_at` to now + TTL (24 h), so a slow but
  living upload never expires; one left alone for a day does.
- The last chunk runs the intake in the request (the single upload's `services.document_upload`:
  header limits, virus scan, type by content, duplicate, store, audit, events, processing queued).
  A refused file marks the upload `refused` with the intake's code in `error` and answers that
  code; its bytes are removed. An infected file is quarantined and reported as the single
  upload does (a quarantined document row, never served, with an alert for staff), answered 422
  `infected` naming it; the upload's `document` stays null: only a complete upload has one.
- A `photo` must be an image: 415 `not_an_image` (the single upload does not ask this).
- A whole-file checksum mismatch resets the upload to offset 0 (its bytes removed) and answers
  422 `checksum_mismatch`: the client sends the file again under the same upload.
- A complete upload answers a repeated last chunk (its answer was lost) with itself.
"""

import base64
import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.documents import partial_files, services
from insurehub.documents.intake import clean_filename
from insurehub.documents.models import DocumentKind, ResumableUpload, ScanStatus, UploadStatus

logger = logging.getLogger(__name__)

CHECKSUM_ALGORITHM = "sha256"


def _ttl() -> timedelta:
    return timedelta(seconds=settings.DOCUMENTS_UPLOAD_TTL_SECONDS)


def _not_open(upload: ResumableUpload) -> ApplicationError:
    if upload.status == UploadStatus.EXPIRED:
        return ApplicationError(
            "upload_expired", "This upload expired; start it again.", status=410, extra={"upload_status": upload.status}
        )
    return ApplicationError(
        "upload_not_open",
        f"This upload is {upload.status}; it takes no more bytes.",
        status=409,
        extra={"upload_status": upload.status, "error": upload.error or None},
    )


def parse_checksum(header: str) -> bytes | None:
    """`Upload-Checksum: sha256 <base64 digest>` -> the digest; None when the header is absent."""
    if not header:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm.lower() != CHECKSUM_ALGORITHM:
        raise ApplicationError(
            "unsupported_checksum_algorithm", "Upload-Checksum must be `sha256 <base64 of the chunk's digest>`."
        )
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except ValueError as exc:
        raise ApplicationError("invalid_checksum", "Upload-Checksum's digest is not base64.") from exc
    if len(digest) != hashlib.sha256().digest_size:
        raise ApplicationError("invalid_checksum", "Upload-Checksum's digest is not 32 bytes long.")
    return digest


def upload_create(
    *,
    owner,
    claim,
    kind: str,
    filename: str,
    size: int,
    sha256: str,
    content_type: str = "",
    allow_duplicate: bool = False,
) -> tuple[ResumableUpload, bool]:
    """Open an upload of `size` bytes for `claim` (one `owner` may attach documents to: the caller
    checked). Returns (upload, created): an open, unexpired upload of the same file (owner, claim,
    sha256, size) is answered instead of a new one."""
    limit = settings.DOCUMENTS_MAX_UPLOAD_BYTES
    if size > limit:
        raise ApplicationError(
            "file_too_large",
            f"The file is larger than {limit} bytes.",
            status=413,
            errors=[{"field": "size", "code": "file_too_large", "message": "Too large."}],
        )
    if size <= 0:
        raise ApplicationError(
            "empty_file", "The file is empty.", errors=[{"field": "size", "code": "empty_file", "message": "Empty."}]
        )
    sha256 = sha256.lower()
    now = timezone.now()
    try:
        with transaction.atomic():
            existing = (
                ResumableUpload.objects.select_for_update()
                .filter(owner=owner, claim=claim, sha256=sha256, size=size, status=UploadStatus.OPEN)
                .first()
            )
            if existing is not None:
                if existing.expires_at > now:
                    return existing, False
                _expire(existing)
            upload = ResumableUpload(
                owner=owner,
                claim=claim,
                kind=kind or DocumentKind.OTHER,
                filename=clean_filename(filename),
                content_type=(content_type or "")[:100],
                size=size,
                sha256=sha256,
                allow_duplicate=allow_duplicate,
                expires_at=now + _ttl(),
            )
            # The one-open-per-file constraint is the database's to judge (IntegrityError below): validated
            # here, a twin committed since the lookup above would be a 400 instead of the open upload.
            upload.full_clean(validate_constraints=False)
            upload.save()
            audit_record(
                actor=owner,
                action="document_upload.started",
                target=upload,
                changes={"claim": str(claim.pk), "kind": upload.kind, "size": size, "sha256": sha256},
            )
            return upload, True
    except IntegrityError:
        # The same file opened at the same moment by another request (the one-open-per-file constraint).
        return ResumableUpload.objects.get(owner=owner, claim=claim, sha256=sha256, size=size, status="open"), False


def upload_append(
    *, upload: ResumableUpload, offset: int, data: bytes, checksum: bytes | None, actor
) -> ResumableUpload:
    """Keep `data` at `offset` and move the offset on; when it reaches `size`, finish (the intake).

    Errors: 409 `offset_mismatch` (the problem's `offset` is where to go on from), 413
    `chunk_past_end`, 422 `chunk_checksum_mismatch` (nothing kept), 409 `upload_not_open`, 410
    `upload_expired`; at the end 422 `checksum_mismatch` (reset to 0) or the intake's refusal."""
    expired = False
    with transaction.atomic():
        locked = ResumableUpload.objects.select_for_update().get(pk=upload.pk)
        if locked.status == UploadStatus.COMPLETE and offset == locked.size and not data:
            return locked  # the last chunk again: its answer was lost
        if locked.status == UploadStatus.OPEN and locked.expires_at <= timezone.now():
            _expire(locked)
            expired = True
        elif locked.status != UploadStatus.OPEN:
            raise _not_open(locked)
        else:
            if partial_files.length(locked.pk) < locked.offset:
                # The bytes are gone (another replica's disk, a wiped directory): start again.
                logger.warning("partial upload lost its bytes", extra={"upload": str(locked.pk)})
                locked.offset = 0
                locked.save(update_fields=["offset", "updated_at"])
            if offset != locked.offset:
                raise ApplicationError(
                    "offset_mismatch",
                    f"The server has {locked.offset} bytes of this file; send from there.",
                    status=409,
                    extra={"offset": locked.offset},
                )
            if offset + len(data) > locked.size:
                raise ApplicationError(
                    "chunk_past_end",
                    f"The chunk goes past the file's declared size ({locked.size} bytes).",
                    status=413,
                    extra={"offset": locked.offset},
                )
            if checksum is not None and hashlib.sha256(data).digest() != checksum:
                raise ApplicationError(
                    "chunk_checksum_mismatch",
                    "The chunk arrived damaged (its SHA-256 differs from Upload-Checksum); it was not kept. "
                    "Send it again.",
                    status=422,
                    extra={"offset": locked.offset},
                )
            if data:
                partial_files.write_at(locked.pk, offset, data)
                locked.offset = offset + len(data)
                locked.expires_at = timezone.now() + _ttl()
                locked.save(update_fields=["offset", "expires_at", "updated_at"])
    if expired:
        raise _not_open(locked)
    if locked.offset == locked.size:
        return _finish(upload_id=locked.pk, actor=actor)
    return locked


def _finish(*, upload_id, actor) -> ResumableUpload:
    """Check the whole file's SHA-256, then hand it to the intake, under the upload's row lock (two
    last chunks at once make one document)."""
    refusal: ApplicationError | None = None
    with transaction.atomic():
        locked = ResumableUpload.objects.select_for_update().select_related("claim").get(pk=upload_id)
        if locked.status != UploadStatus.OPEN or locked.offset != locked.size:
            return locked
        if partial_files.sha256_of(locked.pk) != locked.sha256:
            locked.offset = 0
            locked.save(update_fields=["offset", "updated_at"])
            audit_record(actor=actor, action="document_upload.checksum_failed", target=locked)
            transaction.on_commit(lambda: partial_files.remove(upload_id))
            refusal = ApplicationError(
                "checksum_mismatch",
                "The file that arrived differs from the one announced (SHA-256); the upload was reset to "
                "the start. Send the file again.",
                status=422,
                extra={"offset": 0},
            )
        else:
            refusal = _hand_to_intake(locked, actor=actor)
            transaction.on_commit(lambda: partial_files.remove(upload_id))
    if refusal is not None:
        raise refusal
    return locked


def _hand_to_intake(locked: ResumableUpload, *, actor) -> ApplicationError | None:
    try:
        with transaction.atomic(), partial_files.open_for_read(locked.pk) as handle:
            document = services.document_upload(
                owner=locked.owner,
                file=handle,
                filename=locked.filename,
                size=locked.size,
                sha256=locked.sha256,
                kind=locked.kind,
                claim=locked.claim,
                allow_duplicate=locked.allow_duplicate,
                images_only=locked.kind == DocumentKind.PHOTO,
            )
    except ApplicationError as exc:
        _refuse(locked, code=exc.code, actor=actor)
        return exc
    if document.scan_status == ScanStatus.INFECTED:
        _refuse(locked, code="infected", actor=actor)
        return ApplicationError(
            "infected",
            "The file contains a virus; it has been quarantined and will never be served.",
            status=422,
            extra={"document": str(document.pk), "scan_status": document.scan_status},
        )
    locked.status = UploadStatus.COMPLETE
    locked.document = document
    locked.completed_at = timezone.now()
    locked.save(update_fields=["status", "document", "completed_at", "updated_at"])
    audit_record(actor=actor, action="document_upload.completed", target=locked, changes={"document": str(document.pk)})
    return None


def _refuse(locked: ResumableUpload, *, code: str, actor) -> None:
    locked.status = UploadStatus.REFUSED
    locked.error = code[:64]
    locked.save(update_fields=["status", "error", "updated_at"])
    audit_record(actor=actor, action="document_upload.refused", target=locked, changes={"error": code})


def upload_cancel(*, upload: ResumableUpload, actor) -> None:
    """Cancel an open upload and remove its bytes; nothing to do for one that ended without a
    document. Errors: 409 `upload_complete` (delete its document instead)."""
    with transaction.atomic():
        locked = ResumableUpload.objects.select_for_update().get(pk=upload.pk)
        if locked.status == UploadStatus.COMPLETE:
            raise ApplicationError(
                "upload_complete", "This upload is complete; delete its document instead.", status=409
            )
        if locked.status != UploadStatus.OPEN:
            return
        locked.status = UploadStatus.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, action="document_upload.cancelled", target=locked, changes={"offset": locked.offset})
        transaction.on_commit(lambda: partial_files.remove(locked.pk))


def _expire(locked: ResumableUpload) -> None:
    """Inside the caller's transaction, with the row locked."""
    locked.status = UploadStatus.EXPIRED
    locked.save(update_fields=["status", "updated_at"])
    audit_record(actor=None, action="document_upload.expired", target=locked, changes={"offset": locked.offset})
    upload_id = locked.pk
    transaction.on_commit(lambda: partial_files.remove(upload_id))


def uploads_expire(*, batch: int = 500) -> int:
    """Periodic: expire open uploads past `expires_at` (their bytes removed), and remove bytes on
    disk that belong to no open upload (left by a crash between commit and removal). Idempotent."""
    count = 0
    due = ResumableUpload.objects.filter(status=UploadStatus.OPEN, expires_at__lte=timezone.now())
    for upload_id in list(due.values_list("pk", flat=True)[:batch]):
        with transaction.atomic():
            locked = ResumableUpload.objects.select_for_update().filter(pk=upload_id).first()
            if locked is None or locked.status != UploadStatus.OPEN or locked.expires_at > timezone.now():
                continue
            _expire(locked)
            count += 1
    # Bytes untouched for an hour whose upload is not open (or gone) are strays.
    stale = list(partial_files.stored_ids(older_than_seconds=3600))
    open_ids = set(ResumableUpload.objects.filter(pk__in=stale, status=UploadStatus.OPEN).values_list("pk", flat=True))
    for upload_id in stale:
        if upload_id not in open_ids:
            partial_files.remove(upload_id)
    return count
