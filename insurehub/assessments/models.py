"""Assessments: the assessor's inspection of a claimed vehicle, its sections, damage photos,
cost estimates and the total-loss recommendation."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from insurehub.core.models import BaseModel
from insurehub.policies.models import CURRENCIES

SEVERITY_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class AssessmentStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


EDITABLE_STATUSES = frozenset({AssessmentStatus.SCHEDULED, AssessmentStatus.IN_PROGRESS})


class Assessment(BaseModel):
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="assessments")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.SCHEDULED)
    # The claim's department, copied when the assessment is saved first (a claim's department never changes):
    # the dashboard counts a department's assessments on its own index instead of joining every claim.
    department = models.CharField(max_length=32, blank=True, editable=False)
    scheduled_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    completion_percentage = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    overall_severity = models.PositiveSmallIntegerField(null=True, blank=True, validators=SEVERITY_VALIDATORS)
    # Internal notes (staff only) and the summary the customer may read.
    notes = models.TextField(max_length=10000, blank=True)
    summary = models.TextField(max_length=5000, blank=True)
    # Total loss: the system's recommendation from the accepted estimate and the vehicle's value,
    # and the assessor's override (with its reason) when they decide otherwise.
    total_loss_recommendation = models.BooleanField(null=True, blank=True)
    total_loss_reasoning = models.TextField(max_length=2000, blank=True)
    vehicle_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    total_loss_override = models.BooleanField(null=True, blank=True)
    total_loss_override_reason = models.CharField(max_length=1000, blank=True)
    total_loss_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancel_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["assessor", "status"], name="assessments_assessor_status"),
            models.Index(fields=["claim", "status"], name="assessments_claim_status"),
            models.Index(fields=["-created_at", "-id"], name="assessments_recent"),
            # Covering (PostgreSQL): a department's in-progress completion, overdue scheduled ones and
            # assessor load are read from the index alone, never from the table's rows.
            models.Index(
                fields=["department", "status"],
                include=["completion_percentage", "scheduled_at", "assessor"],
                name="assessments_department_cover",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=~models.Q(status="cancelled"),
                name="assessments_one_active_per_claim",
            ),
            models.CheckConstraint(
                condition=models.Q(completion_percentage__lte=100), name="assessments_completion_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment of {self.claim_id} ({self.status})"

    def save(self, *args, **kwargs) -> None:
        if not self.department and self.claim_id:
            self.department = self.claim.department
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "department"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.total_loss_override is not None and not self.total_loss_override_reason.strip():
            raise ValidationError({"total_loss_override_reason": "Say why the recommendation is overridden."})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def total_loss(self) -> bool | None:
        """The decision that counts: the assessor's override, else the recommendation."""
        return self.total_loss_override if self.total_loss_override is not None else self.total_loss_recommendation


class AssessmentStatusHistory(models.Model):
    """Each move of an assessment (scheduled -> in_progress -> completed, or cancelled): who, when,
    why. Written by the assessments state machine (assessments/workflow.py) in the move's transaction."""

    id = models.BigAutoField(primary_key=True)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="status_history")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["assessment", "at"], name="assessments_history_at")]
        verbose_name_plural = "assessment status history"

    def __str__(self) -> str:
        return f"{self.assessment_id}: {self.from_status or '-'} -> {self.to_status}"


class SectionKind(models.TextChoices):
    EXTERIOR = "exterior", "Exterior"
    INTERIOR = "interior", "Interior"
    MECHANICAL = "mechanical", "Mechanical"
    ELECTRICAL = "electrical", "Electrical"
    STRUCTURAL = "structural", "Structural"
    GLASS = "glass", "Glass"
    TYRES_AND_WHEELS = "tyres_and_wheels", "Tyres and wheels"
    SAFETY_SYSTEMS = "safety_systems", "Safety systems"


class AssessmentSection(BaseModel):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20, choices=SectionKind.choices)
    position = models.PositiveSmallIntegerField()
    findings = models.JSONField(default=dict, blank=True)  # validated against sections.SCHEMAS[kind]
    severity = models.PositiveSmallIntegerField(null=True, blank=True, validators=SEVERITY_VALIDATORS)
    notes = models.TextField(max_length=5000, blank=True)
    completed = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assessment", "position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kind"], name="assessments_section_once"),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} {self.kind}"

    def clean(self) -> None:
        super().clean()
        from insurehub.assessments.sections import findings_errors

        errors = findings_errors(self.kind, self.findings)
        if errors:
            raise ValidationError({"findings": errors})
        if self.completed and self.severity is None:
            raise ValidationError({"severity": "Give the section's severity (1-5) before completing it."})


class PhotoStatus(models.TextChoices):
    AWAITING_SCAN = "awaiting_scan", "Awaiting virus scan"
    READY = "ready", "Ready"


class Photo(BaseModel):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="photos")
    # Denormalised from the assessment: duplicate detection compares photos across claims.
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="assessment_photos")
    section = models.ForeignKey(
        AssessmentSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="photos"
    )
    # The image, through the documents app's one pipeline: the original as uploaded (scanned, never
    # served here), the served copy, the thumbnail, the size, the perceptual hash in the reuse
    # index, and the original's metadata (sealed; only staff read it).
    document = models.OneToOneField("documents.Document", on_delete=models.PROTECT, related_name="assessment_photo")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=PhotoStatus.choices, default=PhotoStatus.AWAITING_SCAN)
    caption = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    taken_at = models.DateTimeField(null=True, blank=True)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    original_size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["assessment", "position", "created_at"]
        indexes = [models.Index(fields=["assessment", "position"], name="assessments_photo_order")]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "sha256"], name="assessments_photo_once"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.assessment_id})"


class EstimateSource(models.TextChoices):
    ASSESSOR = "assessor", "Assessor"
    GARAGE_QUOTE = "garage_quote", "Garage quote"
    INSURER = "insurer", "Insurer"
    THIRD_PARTY = "third_party", "Third party"


class EstimateStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Estimate(BaseModel):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="estimates")
    source = models.CharField(max_length=16, choices=EstimateSource.choices)
    supplier = models.CharField(max_length=200, blank=True)  # the garage or company that quoted
    reference = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=EstimateStatus.choices, default=EstimateStatus.DRAFT)
    currency = models.CharField(max_length=3, choices=CURRENCIES)
    # Computed by the service from the lines (Decimal, two places, half up per line).
    subtotal = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    tax_total = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    total = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    notes = models.TextField(max_length=5000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["assessment", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment"], condition=models.Q(status="accepted"), name="assessments_one_accepted_estimate"
            ),
            models.CheckConstraint(condition=models.Q(total__gte=0), name="assessments_estimate_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.total} {self.currency}"


class LineKind(models.TextChoices):
    PART = "part", "Part"
    LABOUR = "labour", "Labour"
    PAINT = "paint", "Paint"
    OTHER = "other", "Other"


NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class EstimateLine(models.Model):
    id = models.BigAutoField(primary_key=True)
    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=LineKind.choices)
    description = models.CharField(max_length=300)
    part_number = models.CharField(max_length=64, blank=True)
    quantity = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("1"), validators=NON_NEGATIVE)
    unit_price = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"), validators=NON_NEGATIVE)
    hours = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE)
    rate = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE)
    tax_rate = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    net = models.DecimalField(max_digits=14, decimal_places=2)
    tax = models.DecimalField(max_digits=14, decimal_places=2)
    total = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["estimate", "position"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=0), name="assessments_line_quantity_not_negative"),
            models.CheckConstraint(condition=models.Q(unit_price__gte=0), name="assessments_line_price_not_negative"),
            models.CheckConstraint(
                condition=models.Q(tax_rate__gte=0) & models.Q(tax_rate__lte=100), name="assessments_line_tax_rate"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.description} {self.total}"
