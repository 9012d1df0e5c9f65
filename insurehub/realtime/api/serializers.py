from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from insurehub.core.serializers import StrictSerializer
from insurehub.realtime.models import WebhookDelivery, WebhookSubscription


def _validate_patterns(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        body = pattern[:-2] if pattern.endswith(".*") else pattern
        if pattern != "*" and (not body or "*" in body or " " in body):
            raise serializers.ValidationError(f"{pattern!r} is not an event type or a 'prefix.*' pattern.")
    return patterns


class WebhookSubscriptionInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=120)
    url = serializers.URLField(max_length=500)
    event_types = serializers.ListField(
        child=serializers.CharField(max_length=64), allow_empty=False, max_length=50, validators=[_validate_patterns]
    )


class WebhookSubscriptionUpdateSerializer(StrictSerializer):
    name = serializers.CharField(max_length=120, required=False)
    url = serializers.URLField(max_length=500, required=False)
    event_types = serializers.ListField(
        child=serializers.CharField(max_length=64),
        allow_empty=False,
        max_length=50,
        required=False,
        validators=[_validate_patterns],
    )
    active = serializers.BooleanField(required=False)
    rotate_secret = serializers.BooleanField(required=False)


class WebhookSubscriptionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookSubscription
        fields = ["id", "name", "url", "event_types", "active", "created_at", "updated_at"]
        read_only_fields = fields


@extend_schema_serializer(
    description="A subscription with its signing secret, shown once: when the secret is made (create, rotate)."
)
class WebhookSubscriptionWithSecretSerializer(WebhookSubscriptionOutputSerializer):
    class Meta(WebhookSubscriptionOutputSerializer.Meta):
        fields = [*WebhookSubscriptionOutputSerializer.Meta.fields, "secret"]
        read_only_fields = fields


class WebhookDeliveryOutputSerializer(serializers.ModelSerializer):
    event_type = serializers.CharField(source="event.type", read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event",
            "event_type",
            "ordering_key",
            "status",
            "attempts",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "delivered_at",
            "replay",
            "created_at",
        ]
        read_only_fields = fields


class WebhookReplayInputSerializer(StrictSerializer):
    since = serializers.IntegerField(min_value=0)


class WebhookReplayOutputSerializer(serializers.Serializer):
    queued = serializers.IntegerField()
