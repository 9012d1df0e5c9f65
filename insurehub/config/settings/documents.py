"""Documents: storage (local folder or S3), upload limits, images, virus scanning, OCR."""

from pathlib import Path

from .api import SPECTACULAR_SETTINGS
from .base import BASE_DIR
from .reader import env
from .static_files import STATICFILES_BACKEND
from .tasks import CELERY_BEAT_SCHEDULE


def s3_object_parameters(*, sse: bool, kms_key_id: str) -> dict:
    """What every object is put with: SSE-KMS under `kms_key_id` when given, else SSE-S3 (AES256)
    unless turned off."""
    if kms_key_id:
        return {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
    return {"ServerSideEncryption": "AES256"} if sse else {}


# Files go through Django's storage API: a local folder (MEDIA_ROOT) by default, S3 (or any
# S3-compatible service) when DOCUMENTS_S3_BUCKET is set. Keys are random, never the user's name.
# Local files are encrypted (core.encrypted_storage: a data key per file sealed by FIELD_ENCRYPTION_KEYS,
# kept in core.FileKey); the storages sharing MEDIA_ROOT share one key scope. S3 objects are encrypted
# by S3: with the KMS key DOCUMENTS_S3_SSE_KMS_KEY_ID (key id, ARN or alias) when set, else SSE-S3.
DOCUMENTS_S3_BUCKET = env.str("DOCUMENTS_S3_BUCKET", "")
DOCUMENTS_S3_SSE_KMS_KEY_ID = env.str("DOCUMENTS_S3_SSE_KMS_KEY_ID", "")
_ENCRYPTED_MEDIA = {
    "BACKEND": "insurehub.core.encrypted_storage.EncryptedFileSystemStorage",
    "OPTIONS": {"key_scope": "media"},
}
if DOCUMENTS_S3_BUCKET:
    _documents_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": DOCUMENTS_S3_BUCKET,
            "endpoint_url": env.str("DOCUMENTS_S3_ENDPOINT_URL", None),
            "region_name": env.str("DOCUMENTS_S3_REGION", "eu-west-1"),
            "access_key": env.str("DOCUMENTS_S3_ACCESS_KEY_ID", None),
            "secret_key": env.str("DOCUMENTS_S3_SECRET_ACCESS_KEY", None),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": env.int("DOCUMENTS_SIGNED_URL_SECONDS", 300),
            "object_parameters": s3_object_parameters(
                sse=env.bool("DOCUMENTS_S3_SSE", True), kms_key_id=DOCUMENTS_S3_SSE_KMS_KEY_ID
            ),
        },
    }
else:
    _documents_storage = _ENCRYPTED_MEDIA
STORAGES = {
    "default": _ENCRYPTED_MEDIA,
    "staticfiles": {"BACKEND": STATICFILES_BACKEND},
    "documents": _documents_storage,
}
DOCUMENTS_MAX_UPLOAD_BYTES = env.int("DOCUMENTS_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
DOCUMENTS_MAX_IMAGE_PIXELS = env.int("DOCUMENTS_MAX_IMAGE_PIXELS", 40_000_000)
DOCUMENTS_MAX_PDF_PAGES = env.int("DOCUMENTS_MAX_PDF_PAGES", 50)
# Images (claim documents and assessment photos alike, documents/media.py): the served copy
# (JPEG) and its quality, the thumbnail (WebP), and the reuse index: images whose perceptual
# hashes (64-bit pHash) differ in at most this many bits are the same picture (recompressed,
# resized); at most 7, which the 8-band index finds exhaustively.
DOCUMENTS_SERVED_IMAGE_MAX_SIDE = env.int("DOCUMENTS_SERVED_IMAGE_MAX_SIDE", 2048)
DOCUMENTS_SERVED_IMAGE_JPEG_QUALITY = env.int("DOCUMENTS_SERVED_IMAGE_JPEG_QUALITY", 82)
DOCUMENTS_THUMBNAIL_SIDE = env.int("DOCUMENTS_THUMBNAIL_SIDE", 320)
DOCUMENTS_IMAGE_REUSE_DISTANCE = min(env.int("DOCUMENTS_IMAGE_REUSE_DISTANCE", 6), 7)
DOCUMENTS_SIGNED_URL_SECONDS = env.int("DOCUMENTS_SIGNED_URL_SECONDS", 300)
# Cheap limits checked from headers before the virus scan (documents/complexity.py): an image's pixels
# (DOCUMENTS_MAX_IMAGE_PIXELS) and a ZIP container's (DOCX, or any ZIP) declared expanded size, entry count,
# expansion ratio (entries above 1 MiB) and nesting depth (the file itself is depth 1). Over a limit: 422.
DOCUMENTS_ARCHIVE_MAX_UNCOMPRESSED_BYTES = env.int("DOCUMENTS_ARCHIVE_MAX_UNCOMPRESSED_BYTES", 256 * 1024 * 1024)
DOCUMENTS_ARCHIVE_MAX_RATIO = env.int("DOCUMENTS_ARCHIVE_MAX_RATIO", 100)
DOCUMENTS_ARCHIVE_MAX_ENTRIES = env.int("DOCUMENTS_ARCHIVE_MAX_ENTRIES", 2000)
DOCUMENTS_ARCHIVE_MAX_DEPTH = env.int("DOCUMENTS_ARCHIVE_MAX_DEPTH", 2)
# Virus scanning: clamd (INSTREAM over CLAMD_SOCKET or CLAMD_HOST:CLAMD_PORT) when configured,
# else `clamscan` when installed (CLAMAV_DB_DIR: its database directory), else "unscanned".
# Debian's clamav-daemon listens on this socket: used when it exists and neither variable is set.
_DEBIAN_CLAMD_SOCKET = Path("/run/clamav/clamd.ctl")
CLAMD_SOCKET = env.str(
    "CLAMD_SOCKET",
    str(_DEBIAN_CLAMD_SOCKET) if not env.str("CLAMD_HOST", None) and _DEBIAN_CLAMD_SOCKET.is_socket() else "",
)
CLAMD_HOST = env.str("CLAMD_HOST", "")
CLAMD_PORT = env.int("CLAMD_PORT", 3310)
CLAMD_TIMEOUT_SECONDS = env.float("CLAMD_TIMEOUT_SECONDS", 45.0)  # above CLAMAV_MAX_SCAN_TIME_MS
CLAMSCAN_PATH = env.str("CLAMSCAN_PATH", "clamscan")
CLAMSCAN_TIMEOUT_SECONDS = env.float("CLAMSCAN_TIMEOUT_SECONDS", 90.0)  # loading signatures + the scan time limit
# The scanner's own limits: clamscan gets them as flags; clamd reads them from its clamd.conf
# (deploy/clamd-limits.conf holds the same values; scripts/system-deps.sh and docker-compose apply it).
# Both alert on a file over a limit ("Heuristics.Limits.Exceeded.*"): refused, never "clean".
CLAMAV_MAX_FILE_SIZE = env.str("CLAMAV_MAX_FILE_SIZE", "100M")
CLAMAV_MAX_SCAN_SIZE = env.str("CLAMAV_MAX_SCAN_SIZE", "400M")
CLAMAV_MAX_RECURSION = env.int("CLAMAV_MAX_RECURSION", 10)
CLAMAV_MAX_FILES = env.int("CLAMAV_MAX_FILES", 5000)
CLAMAV_MAX_SCAN_TIME_MS = env.int("CLAMAV_MAX_SCAN_TIME_MS", 30_000)
# scripts/system-deps.sh builds var/clamav-db (EICAR only) where freshclam's database is missing.
CLAMAV_DB_DIR = env.str(
    "CLAMAV_DB_DIR", str(BASE_DIR / "var" / "clamav-db") if (BASE_DIR / "var" / "clamav-db").is_dir() else ""
)
# OCR: Tesseract's binary and languages (scanned PDF pages are OCR'd from their images).
TESSERACT_CMD = env.str("TESSERACT_CMD", "tesseract")
TESSERACT_LANG = env.str("TESSERACT_LANG", "eng")
DOCUMENTS_OCR_TIMEOUT_SECONDS = env.int("DOCUMENTS_OCR_TIMEOUT_SECONDS", 120)
# A document left "processing" longer than this (a worker died) may be taken over.
DOCUMENTS_PROCESSING_STALE_SECONDS = env.int("DOCUMENTS_PROCESSING_STALE_SECONDS", 15 * 60)
# Resumable uploads (documents/resumable.py): the bytes received so far live in this directory, outside
# the documents storage and never served (several web replicas must share it: a volume, or sticky routing
# of /api/documents/uploads/). An upload idle longer than the TTL expires and the sweep removes its bytes.
# The chunk size is the server's advice; a chunk may be at most DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES (read
# into memory, so at most DATA_UPLOAD_MAX_MEMORY_SIZE).
DOCUMENTS_UPLOADS_PARTIAL_DIR = Path(
    env.str("DOCUMENTS_UPLOADS_PARTIAL_DIR", str(BASE_DIR / "var" / "partial-uploads"))
)
DOCUMENTS_UPLOAD_TTL_SECONDS = env.int("DOCUMENTS_UPLOAD_TTL_SECONDS", 24 * 3600)
DOCUMENTS_UPLOAD_CHUNK_BYTES = env.int("DOCUMENTS_UPLOAD_CHUNK_BYTES", 1024 * 1024)
DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES = env.int("DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES", 2 * 1024 * 1024)
CELERY_BEAT_SCHEDULE["documents-uploads-expire"] = {
    "task": "insurehub.documents.tasks.document_uploads_expire_task",
    "schedule": 30 * 60.0,
}
CELERY_BEAT_SCHEDULE["documents-rescan-unfinished"] = {
    "task": "insurehub.documents.tasks.documents_rescan_unfinished",
    "schedule": 15 * 60.0,
}
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "DocumentKindEnum": "insurehub.documents.models.DocumentKind.choices",
        "DocumentFileTypeEnum": "insurehub.documents.models.FileType.choices",
        "DocumentScanStatusEnum": "insurehub.documents.models.ScanStatus.choices",
        "DocumentProcessingStatusEnum": "insurehub.documents.models.ProcessingStatus.choices",
        "DocumentValidationStatusEnum": "insurehub.documents.models.ValidationStatus.choices",
    }
)
