from rest_framework import serializers

from insurehub.audit.models import AuditEvent


class AuditEventOutputSerializer(serializers.ModelSerializer):
    actor = serializers.UUIDField(source="actor_id", allow_null=True, read_only=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "sequence",
            "at",
            "actor",
            "action",
            "object_type",
            "object_id",
            "changes",
            "ip",
            "user_agent",
            "request_id",
            "prev_hash",
            "hash",
        ]
        read_only_fields = fields
