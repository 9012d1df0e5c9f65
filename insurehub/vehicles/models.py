import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from insurehub.core.models import BaseModel
from insurehub.vehicles import vin as vin_rules


def normalise_registration(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


class Vehicle(BaseModel):
    """A customer's vehicle. Registration and VIN are unique per owner, not across owners: a car
    changes hands (the seller's record is not ours to remove), and refusing a VIN another customer
    holds would tell anyone that the car is insured with us. A VIN or registration held by
    more than one customer is flagged to staff instead (services.vehicle_identity_shared)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="vehicles")
    registration = models.CharField(max_length=16, db_index=True)
    vin = models.CharField(max_length=17, db_index=True)
    make = models.CharField(max_length=64)
    model = models.CharField(max_length=64)
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(1900)])
    colour = models.CharField(max_length=32, blank=True)
    estimated_value = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1e11"))],
    )
    currency = models.CharField(max_length=3, default="KES")

    class Meta:
        ordering = ["registration"]
        indexes = [models.Index(fields=["owner", "registration"])]
        constraints = [
            models.UniqueConstraint(fields=["owner", "registration"], name="vehicles_owner_registration_unique"),
            models.UniqueConstraint(fields=["owner", "vin"], name="vehicles_owner_vin_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.registration} {self.make} {self.model}"

    def clean(self) -> None:
        super().clean()
        self.registration = normalise_registration(self.registration)
        self.vin = vin_rules.normalise(self.vin)
        errors = {}
        if not re.fullmatch(r"[A-Z0-9]{2,16}", self.registration or ""):
            errors["registration"] = "A registration has 2 to 16 letters and digits."
        problem = vin_rules.validation_error(self.vin)
        if problem:
            errors["vin"] = problem
        if self.year and self.year > timezone.now().year + 1:
            errors["year"] = "The model year cannot be in the future."
        if errors:
            raise ValidationError(errors)

    @property
    def age_years(self) -> int:
        return max(0, timezone.now().year - self.year)
