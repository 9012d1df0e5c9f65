"""Documents: uploaded files, their virus scan, processing (text, fields) and validation."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models

from insurehub.core.fields import EncryptedJSONField, EncryptedTextField
from insurehub.core.models import BaseModel
from insurehub.documents import media


class DocumentKind(models.TextChoices):
    POLICY_DOCUMENT = "policy_document", "Policy document"
    ID = "id", "Identity document"
    DRIVING_LICENCE = "driving_licence", "Driving licence"
    VEHICLE_REGISTRATION = "vehicle_registration", "Vehicle registration certificate (V5C / logbook)"
    POLICE_REPORT = "police_report", "Police report"
    REPAIR_INVOICE = "repair_invoice", "Repair invoice"
    ESTIMATE = "estimate", "Estimate"
    MEDICAL_REPORT = "medical_report", "Medical report"
    PHOTO = "photo", "Photo"
    OTHER = "other", "Other"


class FileType(models.TextChoices):
    """Decided from the content (magic bytes), never from the name."""

    PDF = "application/pdf", "PDF"
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"
    WEBP = "image/webp", "WebP"
    HEIC = "image/heic", "HEIC"
    TIFF = "image/tiff", "TIFF"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"
    UNKNOWN = "application/octet-stream", "Unknown (only for quarantined files)"


IMAGE_TYPES = frozenset({FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.HEIC, FileType.TIFF})


class ScanStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CLEAN = "clean", "Clean"
    INFECTED = "infected", "Infected (quarantined)"
    UNSCANNED = "unscanned", "Unscanned (no scanner available)"
    ERROR = "error", "Scan failed"


class ProcessingStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ValidationStatus(models.TextChoices):
    NOT_VALIDATED = "not_validated", "Not validated"
    VALID = "valid", "Valid"
    NEEDS_REVIEW = "needs_review", "Needs review"
    INVALID = "invalid", "Invalid"


class Document(BaseModel):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="documents")
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    kind = models.CharField(max_length=32, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    kind_guessed = models.BooleanField(default=False)  # kind was not given: processing guesses it
    filename = models.CharField(max_length=255)  # the uploader's name, cleaned; display only
    file_type = models.CharField(max_length=80, choices=FileType.choices)
    file_size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    storage_key = models.CharField(max_length=255, unique=True)  # random; under quarantine/ once infected
    # Images (media.py): the served copy (JPEG, orientation applied, no metadata) and a WebP
    # thumbnail, made once per image whoever consumes it (claim documents, assessment photos).
    served_key = models.CharField(max_length=255, blank=True)
    served_size = models.PositiveBigIntegerField(null=True, blank=True)
    served_width = models.PositiveIntegerField(null=True, blank=True)
    served_height = models.PositiveIntegerField(null=True, blank=True)
    thumbnail_key = models.CharField(max_length=255, blank=True)
    upload_date = models.DateTimeField(auto_now_add=True)

    scan_status = models.CharField(max_length=16, choices=ScanStatus.choices, default=ScanStatus.PENDING)
    scan_engine = models.CharField(max_length=32, blank=True)
    scan_signature = models.CharField(max_length=255, blank=True)
    scanned_at = models.DateTimeField(null=True, blank=True)
    quarantined_at = models.DateTimeField(null=True, blank=True)

    processing_status = models.CharField(
        max_length=16, choices=ProcessingStatus.choices, default=ProcessingStatus.PENDING
    )
    processing_progress = models.PositiveSmallIntegerField(default=0)  # percent
    processing_started_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    processing_error = models.CharField(max_length=255, blank=True)
    processing_attempts = models.PositiveSmallIntegerField(default=0)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    # What OCR read off the document (names, numbers, addresses): sealed at rest, like the findings
    # that repeat the values found.
    extracted_text = EncryptedTextField(blank=True, default="")
    processed_data = EncryptedJSONField(default=dict, blank=True)

    validation_status = models.CharField(
        max_length=16, choices=ValidationStatus.choices, default=ValidationStatus.NOT_VALIDATED
    )
    validation_findings = EncryptedJSONField(default=list, blank=True)
    validated_at = models.DateTimeField(null=True, blank=True)

    image_width = models.PositiveIntegerField(null=True, blank=True)  # of the original, orientation applied
    image_height = models.PositiveIntegerField(null=True, blank=True)
    perceptual_hash = models.CharField(max_length=32, blank=True, db_index=True)  # 64-bit pHash, 16 hex digits
    # EXIF (GPS, camera, times) removed from the served copy, kept encrypted for fraud checks.
    private_metadata = EncryptedJSONField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "sha256"]),
            models.Index(fields=["scan_status", "processing_status"]),
            models.Index(fields=["claim", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(processing_progress__lte=100), name="documents_progress_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_kind_display()})"

    @property
    def is_image(self) -> bool:
        return self.file_type in IMAGE_TYPES

    @property
    def is_servable(self) -> bool:
        return self.scan_status == ScanStatus.CLEAN

    @property
    def image_taken_at(self):
        """When the camera says the picture was taken (the sealed EXIF), or None."""
        return media.taken_at(self.private_metadata) if self.private_metadata else None


class ImageHashBand(models.Model):
    """The reuse index: one byte of a processed image's 64-bit perceptual hash, with the claim the
    image is evidence for (the document's own claim, or the claim of the assessment that shows it
    as a photo). Two hashes within 7 bits of each other share at least one of their 8 bytes
    (pigeonhole), so near-duplicates on other claims are found by an indexed lookup on
    (band, value), then measured by Hamming distance (selectors.image_matches)."""

    id = models.BigAutoField(primary_key=True)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="hash_bands")
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    band = models.PositiveSmallIntegerField(validators=[MaxValueValidator(7)])
    value = models.PositiveSmallIntegerField(validators=[MaxValueValidator(255)])

    class Meta:
        indexes = [models.Index(fields=["band", "value"], name="documents_hash_band")]
        constraints = [models.UniqueConstraint(fields=["document", "band"], name="documents_hash_band_once")]

    def __str__(self) -> str:
        return f"{self.document_id}[{self.band}]={self.value}"


class UploadStatus(models.TextChoices):
    OPEN = "open", "Open (receiving chunks)"
    COMPLETE = "complete", "Complete (handed to the intake: see its document)"
    REFUSED = "refused", "Refused by the intake (see error)"
    CANCELLED = "cancelled", "Cancelled"
    EXPIRED = "expired", "Expired"


class ResumableUpload(BaseModel):
    """A file arriving in chunks (tus style, resumable.py). The bytes received so far live outside
    the documents storage (partial_files.py) and are never served; once `offset` reaches `size`
    and the whole file's SHA-256 matches, the file goes through the same intake as a single upload
    and `document` names the result. Only its uploader ever sees it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resumable_uploads")
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="resumable_uploads")
    kind = models.CharField(max_length=32, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    filename = models.CharField(max_length=255)  # cleaned; display only
    content_type = models.CharField(max_length=100, blank=True)  # as declared; the intake judges the content
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)  # lower-case hex of the whole file, as declared
    offset = models.PositiveBigIntegerField(default=0)  # bytes received and kept
    allow_duplicate = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=UploadStatus.choices, default=UploadStatus.OPEN)
    error = models.CharField(max_length=64, blank=True)  # the intake's code when refused
    expires_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "expires_at"], name="documents_upload_expiry")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offset__lte=models.F("size")), name="documents_upload_offset_le_size"
            ),
            models.UniqueConstraint(
                fields=["owner", "claim", "sha256", "size"],
                condition=models.Q(status="open"),
                name="documents_upload_one_open_per_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.offset}/{self.size}, {self.status})"
