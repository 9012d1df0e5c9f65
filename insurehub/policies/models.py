"""The catalogue (companies, categories, products), customers' policies, and reviews."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from insurehub.core.models import BaseModel
from insurehub.policies.schemas import COVERAGE_SCHEMA, PRICING_SCHEMA, validate_against

CURRENCIES = [
    ("KES", "Kenyan shilling"),
    ("UGX", "Ugandan shilling"),
    ("TZS", "Tanzanian shilling"),
    ("USD", "US dollar"),
    ("GBP", "Pound sterling"),
    ("EUR", "Euro"),
]


class InsuranceCompany(BaseModel):
    name = models.CharField(max_length=200, unique=True)
    registration_number = models.CharField(max_length=64, unique=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True)
    website = models.URLField(blank=True)
    address = models.CharField(max_length=300, blank=True)
    logo_url = models.URLField(blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "insurance companies"

    def __str__(self) -> str:
        return self.name


class PolicyCategory(models.Model):
    slug = models.SlugField(max_length=32, primary_key=True)
    name = models.CharField(max_length=64)
    icon = models.CharField(max_length=32)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "policy categories"

    def __str__(self) -> str:
        return self.name


class PolicyType(BaseModel):
    company = models.ForeignKey(InsuranceCompany, on_delete=models.PROTECT, related_name="policy_types")
    category = models.ForeignKey(PolicyCategory, on_delete=models.PROTECT, related_name="policy_types")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    coverage_details = models.JSONField()
    base_premium = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    pricing_rules = models.JSONField(default=dict, blank=True)
    term_months = models.PositiveSmallIntegerField(default=12, validators=[MinValueValidator(1), MaxValueValidator(60)])
    currency = models.CharField(max_length=3, choices=CURRENCIES, default="KES")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["company__name", "name"]
        constraints = [models.UniqueConstraint(fields=["company", "name"], name="policies_type_unique_name")]
        indexes = [models.Index(fields=["category", "active"])]

    def __str__(self) -> str:
        return f"{self.company} / {self.name}"

    def clean(self) -> None:
        super().clean()
        validate_against(COVERAGE_SCHEMA, self.coverage_details, field="coverage_details")
        validate_against(PRICING_SCHEMA, self.pricing_rules or {}, field="pricing_rules")


class PolicyStatus(models.TextChoices):
    QUOTE = "quote", "Quote"
    PENDING_PAYMENT = "pending_payment", "Pending payment"
    ACTIVE = "active", "Active"
    LAPSED = "lapsed", "Lapsed"
    CANCELLED = "cancelled", "Cancelled"
    EXPIRED = "expired", "Expired"


class PaymentPlan(models.TextChoices):
    ANNUAL = "annual", "Annual (one payment)"
    QUARTERLY = "quarterly", "Quarterly"
    MONTHLY = "monthly", "Monthly"


class Policy(BaseModel):
    policy_number = models.CharField(max_length=20, unique=True)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="policies")
    policy_type = models.ForeignKey(PolicyType, on_delete=models.PROTECT, related_name="policies")
    vehicle = models.ForeignKey(
        "vehicles.Vehicle", null=True, blank=True, on_delete=models.PROTECT, related_name="policies"
    )
    status = models.CharField(max_length=16, choices=PolicyStatus.choices, default=PolicyStatus.QUOTE, db_index=True)
    start_date = models.DateField()
    end_date = models.DateField()
    premium = models.DecimalField(max_digits=14, decimal_places=2)
    sum_insured = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, choices=CURRENCIES, default="KES")
    payment_plan = models.CharField(max_length=16, choices=PaymentPlan.choices, default=PaymentPlan.ANNUAL)
    quote_details = models.JSONField(default=dict, blank=True)  # inputs and the premium's breakdown
    quote_valid_until = models.DateTimeField(null=True, blank=True)
    addons = models.JSONField(default=list, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The motor certificate of insurance's number, issued when the policy first turns active.
    certificate_number = models.CharField(max_length=24, blank=True, default="")
    renewed_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="renewals")

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "policies"
        indexes = [
            models.Index(fields=["customer", "status"]),
            models.Index(fields=["vehicle", "status"]),
            models.Index(fields=["status", "end_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gt=models.F("start_date")), name="policies_dates_order"
            ),
            models.CheckConstraint(condition=models.Q(premium__gt=0), name="policies_premium_positive"),
            models.UniqueConstraint(
                fields=["certificate_number"],
                condition=~models.Q(certificate_number=""),
                name="policies_certificate_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.policy_number

    def clean(self) -> None:
        super().clean()
        if self.policy_type_id and self.policy_type.category_id == "motor" and not self.vehicle_id:
            raise ValidationError({"vehicle": "A motor policy insures a vehicle."})
        if self.vehicle_id and self.customer_id and self.vehicle.owner_id != self.customer_id:
            raise ValidationError({"vehicle": "The vehicle must belong to the policyholder."})
        if self.policy_type_id and self.currency != self.policy_type.currency:
            raise ValidationError({"currency": "A policy is in its product's currency."})


class PolicyReview(BaseModel):
    policy_type = models.ForeignKey(PolicyType, on_delete=models.CASCADE, related_name="reviews")
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_reviews")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    text = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["policy_type", "customer"], name="policies_one_review_per_type"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="policies_rating_range"),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 for {self.policy_type_id}"
