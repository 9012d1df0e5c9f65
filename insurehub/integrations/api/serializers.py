from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from insurehub.core.serializers import StrictSerializer
from insurehub.integrations.models import CheckStatus, ClaimEnrichment, VehicleCheck
from insurehub.integrations.results import ResultStatus


class VehicleCheckInputSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=VehicleCheck.Kind.choices)


class VehicleCheckOutputSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=CheckStatus.choices)

    class Meta:
        model = VehicleCheck
        fields = [
            "id",
            "vehicle",
            "kind",
            "provider",
            "status",
            "result",
            "findings",
            "error_code",
            "error",
            "attempts",
            "fetched_at",
            "requested_by",
            "created_at",
        ]
        read_only_fields = fields


@extend_schema_serializer(
    description="A provider's answer: `status` says whether `data` is there (never a 5xx for a provider failure)."
)
class LookupResultSerializer(serializers.Serializer):
    provider = serializers.CharField()
    status = serializers.ChoiceField(choices=ResultStatus.choices)
    data = serializers.JSONField(allow_null=True)
    error_code = serializers.CharField(allow_blank=True)
    error = serializers.CharField(allow_blank=True)
    from_cache = serializers.BooleanField()
    retry_after = serializers.FloatField(allow_null=True)
    warnings = serializers.ListField(child=serializers.CharField())


class VinDecodingSerializer(serializers.Serializer):
    vin = serializers.CharField()
    offline = serializers.JSONField(help_text="ISO 3779 structure, WMI manufacturer, country, model years")
    online = LookupResultSerializer(
        allow_null=True, help_text="NHTSA vPIC detail when reachable; null when not asked (customers' decodings)"
    )


class WeatherQuerySerializer(StrictSerializer):
    lat = serializers.FloatField(min_value=-90, max_value=90)
    lon = serializers.FloatField(min_value=-180, max_value=180)
    at = serializers.DateTimeField(required=False, help_text="ISO 8601; defaults to now; not in the future")


class GeocodeQuerySerializer(StrictSerializer):
    q = serializers.CharField(max_length=300, trim_whitespace=True)
    countrycodes = serializers.RegexField(r"^[a-zA-Z]{2}(,[a-zA-Z]{2})*$", required=False)


class ReverseGeocodeQuerySerializer(StrictSerializer):
    lat = serializers.FloatField(min_value=-90, max_value=90)
    lon = serializers.FloatField(min_value=-180, max_value=180)


class ClaimEnrichmentOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimEnrichment
        fields = [
            "id",
            "claim",
            "status",
            "parts",
            "incident_location",
            "home_location",
            "weather",
            "distance_from_home_km",
            "risk_flags",
            "attempts",
            "fetched_at",
            "created_at",
        ]
        read_only_fields = fields


class ClaimEnrichmentRefreshSerializer(StrictSerializer):
    refresh = serializers.BooleanField(
        default=False, help_text="Forget the place, weather and flags (the incident's place or time changed)"
    )
