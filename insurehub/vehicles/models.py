import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from insurehub.core.encryption import blind_index
from insurehub.core.fields import EncryptedTextField
from insurehub.core.models import BaseModel
from insurehub.vehicles import vin as vin_rules


def normalise_registration(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


def registration_index(value: str) -> str:
    """The blind index of a registration, normalised first (upper case, no spaces or dashes), so
    "kda 123-a" finds KDA123A. Only a whole registration matches: a part of one finds nothing."""
    return blind_index(normalise_registration(value), purpose="registration")


class Vehicle(BaseModel):
    """A customer's vehicle. Registration and VIN are unique per owner, not across owners: a car
    changes hands (the seller's record is not ours to remove), and refusing a VIN another customer
    holds would tell anyone that the car is insured with us. A VIN or registration held by
    more than one customer is flagged to staff instead (services.vehicle_identity_shared)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="vehicles")
    # Sealed at rest (it names the car, and so its owner); equality lookups, the per-owner
    # uniqueness and the search go through the blind index registration_hash.
    registration = EncryptedTextField(max_length=16)
    registration_hash = models.CharField(max_length=64, db_index=True, editable=False, default="")
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
        ordering = ["created_at"]  # a sealed registration cannot order rows
        indexes = [models.Index(fields=["owner", "registration_hash"], name="vehicles_owner_reg_hash")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "registration_hash"], name="vehicles_owner_registration_hash_unique"
            ),
            models.UniqueConstraint(fields=["owner", "vin"], name="vehicles_owner_vin_unique"),
        ]

    BLIND_INDEXES = {"registration": ("registration_hash", "registration", normalise_registration)}

    def __str__(self) -> str:
        return f"{self.registration} {self.make} {self.model}"

    def save(self, *args, **kwargs):
        self.registration_hash = registration_index(self.registration)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "registration" in update_fields:
            kwargs["update_fields"] = {*update_fields, "registration_hash"}
        super().save(*args, **kwargs)

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
