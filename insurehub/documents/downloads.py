"""What a download serves: only clean files (admins may fetch unscanned ones, with a warning),
the re-encoded copy of a photo by default, and a safe name and content type. Every download or
preview of someone else's file (documents, assessment photos) is a read of their personal data
(insurehub.audit.read_audit)."""

from dataclasses import dataclass

from django.conf import settings

from insurehub.audit.read_audit import record_read
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.documents import media
from insurehub.documents.models import Document, ScanStatus
from insurehub.documents.storage import documents_storage, is_s3

VARIANTS = ("default", "original", "served", "thumbnail")


@dataclass(frozen=True)
class DownloadTarget:
    key: str
    filename: str
    content_type: str
    warning: str = ""

    def open(self):
        return documents_storage().open(self.key, "rb")


def _renamed(filename: str, extension: str) -> str:
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return f"{stem}.{extension}"


def _image_target(key: str, filename: str, warning: str) -> DownloadTarget:
    """A served copy or thumbnail: JPEG or WebP (PNG for copies made before media.py), by its key."""
    content_type = media.content_type_of(key)
    extension = {"image/png": "png", "image/webp": "webp"}.get(content_type, "jpg")
    return DownloadTarget(key, _renamed(filename, extension), content_type, warning)


def _subject_id(document: Document, user):
    """Whose personal data the file is: the claim's customer (staff upload to claims too), else its
    owner. A customer sees only their own documents and their own claims', so their read is their
    own (no query)."""
    if user.role == Role.CUSTOMER:
        return user.pk
    if document.claim_id is None:
        return document.owner_id
    return document.claim.customer_id


def download_target(*, document: Document, user, variant: str | None, subject_id=None) -> DownloadTarget:
    """What to serve for `variant` of `document`, the read recorded (read_audit) as one of
    `subject_id`'s data when the caller knows whose it is (an assessment photo: the claim's customer)."""
    target = _download_target(document=document, user=user, variant=variant)
    file = f"{variant or 'default'}:{target.filename}"
    subject = subject_id if subject_id is not None else _subject_id(document, user)
    record_read(user, subject, "documents.document", document.pk, file)
    return target


def _download_target(*, document: Document, user, variant: str | None) -> DownloadTarget:
    variant = variant or "default"
    if variant not in VARIANTS:
        raise ApplicationError(
            "invalid_variant",
            f"variant must be one of {', '.join(VARIANTS)}.",
            errors=[{"field": "variant", "code": "invalid_choice", "message": "Unknown variant."}],
        )
    warning = ""
    if document.scan_status != ScanStatus.CLEAN:
        admin_override = document.scan_status == ScanStatus.UNSCANNED and user.role == Role.ADMIN
        if not admin_override:
            raise ApplicationError(
                "not_clean",
                f"The document's scan status is {document.scan_status}; only clean files are served.",
                status=409,
                extra={"scan_status": document.scan_status},
            )
        warning = "unscanned: this file has not been checked for viruses"
    if variant == "thumbnail":
        if not document.thumbnail_key:
            raise ApplicationError("no_thumbnail", "This document has no thumbnail (yet).", status=404)
        return _image_target(document.thumbnail_key, document.filename, warning)
    if variant in ("default", "served") and document.served_key:
        return _image_target(document.served_key, document.filename, warning)
    if variant == "served":
        raise ApplicationError("no_served_copy", "This document has no re-encoded copy.", status=404)
    return DownloadTarget(document.storage_key, document.filename, document.file_type, warning)


def signed_url(*, document: Document, target: DownloadTarget) -> tuple[str, int]:
    """A short-lived URL straight to the object store (S3 only), with the safe disposition."""
    storage = documents_storage()
    if not is_s3(storage):
        raise ApplicationError(
            "signed_url_unavailable", "Signed URLs are available only when documents are stored on S3.", status=400
        )
    from django.utils.http import content_disposition_header

    expires_in = settings.DOCUMENTS_SIGNED_URL_SECONDS
    url = storage.url(
        target.key,
        parameters={
            "ResponseContentDisposition": content_disposition_header(True, target.filename),
            "ResponseContentType": target.content_type,
        },
        expire=expires_in,
    )
    return url, expires_in
