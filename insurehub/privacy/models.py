"""GDPR: export and erasure requests, and consent records."""

from django.conf import settings
from django.db import models

from insurehub.core.models import BaseModel


class PrivacyRequest(BaseModel):
    class Kind(models.TextChoices):
        EXPORT = "export", "Export of personal data"
        ERASURE = "erasure", "Erasure"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested (awaiting approval)"
        HELD = "held", "Held (cannot proceed yet)"
        PROCESSING = "processing", "Processing"
        COMPLETED = "completed", "Completed"
        REJECTED = "rejected", "Rejected"
        FAILED = "failed", "Failed"

    subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="privacy_requests")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    hold_reasons = models.JSONField(default=list, blank=True)
    # Export: where the archive is (storage key) and until when it may be downloaded.
    archive_key = models.CharField(max_length=200, blank=True)
    archive_sha256 = models.CharField(max_length=64, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Erasure: what each app did.
    result = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=500, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["subject", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.subject_id} ({self.status})"


class ConsentPurpose(models.TextChoices):
    MARKETING = "marketing", "Offers and news"
    PARTNER_SHARING = "partner_sharing", "Sharing with partner garages and brokers"
    ANALYTICS = "analytics", "Product analytics"
    TELEMATICS = "telematics", "Driving data for pricing"


class ConsentRecord(BaseModel):
    """Append-only history: the newest record per purpose is the user's current choice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=32, choices=ConsentPurpose.choices)
    granted = models.BooleanField()
    source = models.CharField(max_length=32, default="api")
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "purpose", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose}={'yes' if self.granted else 'no'}"
