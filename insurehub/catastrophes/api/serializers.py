from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from insurehub.catastrophes.geometry import MAX_POLYGON_POINTS, MAX_RADIUS_KM
from insurehub.catastrophes.models import MAX_SLA_HOURS, CatastropheEvent, Peril
from insurehub.core.roles import Department, Role
from insurehub.core.serializers import MoneyField, StrictSerializer
from insurehub.policies.models import CURRENCIES


class DeskMemberSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField(help_text="The person's name, else their e-mail.")
    role = serializers.ChoiceField(choices=[Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR])


class PersonSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField(help_text="The person's name, else their e-mail.")


def _person(user) -> dict | None:
    return None if user is None else {"id": user.pk, "name": user.name or user.email}


class CatastropheEventSerializer(serializers.ModelSerializer):
    """An event: its area is a circle (`centre_latitude`, `centre_longitude`, `radius_km`) or a
    `polygon` (a closed ring of [longitude, latitude] points, GeoJSON's order), the other form null;
    `bbox` is the area's bounding box as [min_lon, min_lat, max_lon, max_lat]."""

    area_type = serializers.SerializerMethodField()
    bbox = serializers.SerializerMethodField()
    polygon = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2),
        allow_null=True,
        read_only=True,
    )
    fast_track_limit = MoneyField(allow_null=True, read_only=True)
    declared_by = serializers.SerializerMethodField()
    declared_at = serializers.DateTimeField(source="created_at", read_only=True)
    closed_by = serializers.SerializerMethodField()
    desk = serializers.SerializerMethodField()

    class Meta:
        model = CatastropheEvent
        fields = [
            "id",
            "code",
            "name",
            "peril",
            "department",
            "description",
            "status",
            "area_type",
            "centre_latitude",
            "centre_longitude",
            "radius_km",
            "polygon",
            "bbox",
            "starts_at",
            "ends_at",
            "sla_hours",
            "fast_track_limit",
            "currency",
            "desk",
            "declared_by",
            "declared_at",
            "closed_by",
            "closed_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_area_type(self, obj) -> str:
        return "polygon" if obj.polygon is not None else "circle"

    @extend_schema_field(serializers.ListField(child=serializers.FloatField(), min_length=4, max_length=4))
    def get_bbox(self, obj) -> list[float]:
        return [float(obj.min_longitude), float(obj.min_latitude), float(obj.max_longitude), float(obj.max_latitude)]

    @extend_schema_field(PersonSerializer)
    def get_declared_by(self, obj) -> dict | None:
        return _person(obj.declared_by)

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_closed_by(self, obj) -> dict | None:
        return _person(obj.closed_by)

    @extend_schema_field(DeskMemberSerializer(many=True))
    def get_desk(self, obj) -> list[dict]:
        return [{"id": user.pk, "name": user.name or user.email, "role": user.role} for user in obj.desk.all()]


_POLYGON = serializers.ListField(
    child=serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2),
    allow_null=True,
    required=False,
    max_length=MAX_POLYGON_POINTS,
    help_text="A closed ring of [longitude, latitude] points (GeoJSON's order): at least 4 points, the last "
    "repeating the first, not crossing itself nor the antimeridian.",
)


class CatastropheWriteSerializer(StrictSerializer):
    name = serializers.CharField(max_length=200)
    peril = serializers.ChoiceField(choices=Peril.choices)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    centre_latitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("-90"),
        max_value=Decimal("90"),
        required=False,
        allow_null=True,
    )
    centre_longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("-180"),
        max_value=Decimal("180"),
        required=False,
        allow_null=True,
    )
    radius_km = serializers.DecimalField(
        max_digits=6, decimal_places=2, min_value=Decimal("0"), max_value=Decimal(str(MAX_RADIUS_KM)),
        required=False, allow_null=True,
        help_text=f"More than 0, at most {MAX_RADIUS_KM:g} km.",
    )  # fmt: skip
    polygon = _POLYGON
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(required=False, allow_null=True, help_text="Null: still going on.")
    sla_hours = serializers.IntegerField(
        min_value=1, max_value=MAX_SLA_HOURS, required=False, allow_null=True,
        help_text="The SLA of the event's claims, in hours from filing (null: the priority's usual SLA).",
    )  # fmt: skip
    fast_track_limit = MoneyField(
        min_value=Decimal("0"), required=False, allow_null=True,
        help_text="Claims estimated below this go straight to a desk assessor (null: no fast track).",
    )  # fmt: skip
    currency = serializers.ChoiceField(choices=CURRENCIES, required=False)
    desk = serializers.ListField(
        child=serializers.UUIDField(), required=False, max_length=100,
        help_text="The staff who take the event's claims: agents, assessors and supervisors of its department.",
    )  # fmt: skip

    def validate(self, attrs):
        attrs = super().validate(attrs)
        partial = self.partial
        circle = [attrs.get(name) for name in ("centre_latitude", "centre_longitude", "radius_km")]
        has_circle = any(value is not None for value in circle)
        has_polygon = attrs.get("polygon") is not None
        if has_circle and has_polygon:
            raise serializers.ValidationError(
                {"polygon": "Give the area as a centre and radius, or as a polygon, not both."}, code="invalid"
            )
        if not partial and not (has_circle or has_polygon):
            raise serializers.ValidationError(
                {"polygon": "Give the area as a centre and radius, or as a polygon."}, code="required"
            )
        if not partial and has_circle and any(value is None for value in circle):
            raise serializers.ValidationError(
                {"radius_km": "A circle needs its centre's latitude and longitude and a radius."}, code="required"
            )
        if attrs.get("radius_km") is not None and attrs["radius_km"] <= 0:
            raise serializers.ValidationError({"radius_km": "The radius must be more than 0."}, code="invalid")
        starts, ends = attrs.get("starts_at"), attrs.get("ends_at")
        if starts is not None and ends is not None and ends <= starts:
            raise serializers.ValidationError({"ends_at": "The event must end after it starts."}, code="invalid")
        return attrs


class CatastropheDeclareSerializer(CatastropheWriteSerializer):
    department = serializers.ChoiceField(
        choices=Department.choices, required=False, help_text="Defaults to the supervisor's own department."
    )


class CatastropheCloseSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True)
