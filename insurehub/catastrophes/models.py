"""Catastrophe events: a flood, a hailstorm, a pile-up that brings many claims at once. An event has
an area (a circle or a polygon, see geometry.py), a time window, and its own rules for the claims
tagged with it: an SLA, a fast-track limit and a desk of staff who take them. Claims point at their
event (claims.Claim.catastrophe); this app never reads claims."""

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from insurehub.catastrophes import geometry
from insurehub.core.models import BaseModel
from insurehub.core.roles import Department
from insurehub.policies.models import CURRENCIES


class Peril(models.TextChoices):
    FLOOD = "flood", "Flood"
    STORM = "storm", "Storm"
    HAIL = "hail", "Hail"
    FIRE = "fire", "Fire"
    RIOT = "riot", "Riot"
    PILE_UP = "pile_up", "Pile-up"
    OTHER = "other", "Other"


class EventStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


LATITUDE = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
LONGITUDE = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]
MAX_SLA_HOURS = 24 * 90
AREA_FIELDS = frozenset({"centre_latitude", "centre_longitude", "radius_km", "polygon"})
BBOX_FIELDS = ("min_latitude", "max_latitude", "min_longitude", "max_longitude")


class CatastropheEvent(BaseModel):
    code = models.CharField(max_length=20, unique=True)  # CAT-2026-0001
    name = models.CharField(max_length=200)
    peril = models.CharField(max_length=16, choices=Peril.choices)
    department = models.CharField(max_length=32, choices=Department.choices)
    description = models.TextField(max_length=5000, blank=True)
    status = models.CharField(max_length=8, choices=EventStatus.choices, default=EventStatus.OPEN)
    # The area: a circle (centre and radius) or a polygon ([[lon, lat], ...], closed), never both.
    centre_latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True, validators=LATITUDE)
    centre_longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True, validators=LONGITUDE)
    radius_km = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    polygon = models.JSONField(null=True, blank=True)
    # The area's bounding box, kept by clean(): the database prefilters claims' coordinates by it.
    min_latitude = models.DecimalField(max_digits=9, decimal_places=6, editable=False)
    max_latitude = models.DecimalField(max_digits=9, decimal_places=6, editable=False)
    min_longitude = models.DecimalField(max_digits=9, decimal_places=6, editable=False)
    max_longitude = models.DecimalField(max_digits=9, decimal_places=6, editable=False)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)  # null: still going on
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The event's rules for its claims.
    sla_hours = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_SLA_HOURS)]
    )
    fast_track_limit = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal("0.01"))]
    )
    currency = models.CharField(max_length=3, choices=CURRENCIES, default="KES")
    desk = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="catastrophe_desks")

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="catastrophes_status_start"),
            models.Index(fields=["department", "status"], name="catastrophes_dept_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        polygon__isnull=True,
                        centre_latitude__isnull=False,
                        centre_longitude__isnull=False,
                        radius_km__gt=0,
                    )
                    | models.Q(
                        polygon__isnull=False,
                        centre_latitude__isnull=True,
                        centre_longitude__isnull=True,
                        radius_km__isnull=True,
                    )
                ),
                name="catastrophes_one_area_form",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=models.F("starts_at")),
                name="catastrophes_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_circle(self) -> bool:
        return self.polygon is None

    def save(self, *args, **kwargs) -> None:
        # The bounding box follows the area (clean() computes it): saved with any change of the area.
        fields = kwargs.get("update_fields")
        if fields is not None and AREA_FIELDS & set(fields):
            kwargs["update_fields"] = {*fields, *BBOX_FIELDS}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        circle = [self.centre_latitude, self.centre_longitude, self.radius_km]
        has_circle = any(value is not None for value in circle)
        has_polygon = self.polygon is not None
        if has_circle == has_polygon:
            raise ValidationError({"polygon": "Give the area as a centre and radius, or as a polygon: one of the two."})
        try:
            if has_circle:
                if any(value is None for value in circle):
                    raise ValidationError(
                        {"radius_km": "A circle needs its centre's latitude and longitude and a radius."}
                    )
                geometry.check_circle(
                    centre_lat=float(self.centre_latitude),  # type: ignore[arg-type]
                    centre_lon=float(self.centre_longitude),  # type: ignore[arg-type]
                    radius_km=float(self.radius_km),  # type: ignore[arg-type]
                )
                box = geometry.circle_bbox(
                    centre_lat=float(self.centre_latitude),  # type: ignore[arg-type]
                    centre_lon=float(self.centre_longitude),  # type: ignore[arg-type]
                    radius_km=float(self.radius_km),  # type: ignore[arg-type]
                )
            else:
                points = geometry.check_polygon(self.polygon)
                box = geometry.polygon_bbox(points)
        except geometry.GeometryError as exc:
            raise ValidationError({"polygon" if has_polygon else "radius_km": str(exc)}) from exc
        self.min_latitude = _deg(box.min_lat, ROUND_FLOOR)
        self.max_latitude = _deg(box.max_lat, ROUND_CEILING)
        self.min_longitude = _deg(box.min_lon, ROUND_FLOOR)
        self.max_longitude = _deg(box.max_lon, ROUND_CEILING)
        if self.ends_at is not None and self.starts_at is not None and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The event must end after it starts."})

    def covers(self, lat: float, lon: float) -> bool:
        """Whether the point lies inside the area (exact: after the bounding-box prefilter)."""
        if self.polygon is not None:
            return geometry.in_polygon(lat, lon, self.polygon)
        return geometry.in_circle(
            lat,
            lon,
            centre_lat=float(self.centre_latitude),  # type: ignore[arg-type]
            centre_lon=float(self.centre_longitude),  # type: ignore[arg-type]
            radius_km=float(self.radius_km),  # type: ignore[arg-type]
        )

    def in_window(self, at) -> bool:
        return self.starts_at <= at and (self.ends_at is None or at <= self.ends_at)


def _deg(value: float, rounding: str) -> Decimal:
    """Six places, rounded outward: the box stays generous (never misses a point inside)."""
    return Decimal(repr(value)).quantize(Decimal("0.000001"), rounding=rounding)
