from rest_framework import serializers

from insurehub.core.serializers import StrictSerializer
from insurehub.privacy.models import ConsentPurpose, PrivacyRequest


class ExportInputSerializer(StrictSerializer):
    subject = serializers.UUIDField(required=False, help_text="Admins only: the person; default yourself.")


class ErasureInputSerializer(StrictSerializer):
    subject = serializers.UUIDField(required=False, help_text="Admins only: the person; default yourself.")
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class DecisionInputSerializer(StrictSerializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class PrivacyRequestOutputSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = PrivacyRequest
        fields = [
            "id",
            "kind",
            "status",
            "subject",
            "requested_by",
            "decided_by",
            "reason",
            "hold_reasons",
            "expires_at",
            "archive_sha256",
            "result",
            "error",
            "completed_at",
            "created_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, obj) -> str | None:
        if obj.kind == PrivacyRequest.Kind.EXPORT and obj.archive_key and obj.status == PrivacyRequest.Status.COMPLETED:
            return f"/api/privacy/requests/{obj.pk}/download/"
        return None


class ConsentSerializer(StrictSerializer):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    granted = serializers.BooleanField()
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)


class ConsentsInputSerializer(StrictSerializer):
    consents = ConsentSerializer(many=True, allow_empty=False, max_length=20)


class ConsentsOutputSerializer(serializers.Serializer):
    consents = ConsentSerializer(many=True)
