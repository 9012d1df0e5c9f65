from rest_framework import serializers

from insurehub.audit.models import AuditEvent, ReadAuditEntry
from insurehub.audit.sealing import unseal_changes


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

    def to_representation(self, instance: AuditEvent) -> dict:
        # Personal values are stored sealed (audit/sealing.py; the chain hashes that form) and
        # shown to the audit log's readers as recorded.
        data = super().to_representation(instance)
        data["changes"] = unseal_changes(instance.changes)
        return data


class ReadAuditEntryOutputSerializer(serializers.ModelSerializer):
    actor = serializers.UUIDField(source="actor_id", read_only=True)
    actor_name = serializers.SerializerMethodField()
    actor_email = serializers.SerializerMethodField()
    actor_role = serializers.SerializerMethodField()
    subject = serializers.UUIDField(source="subject_id", allow_null=True, read_only=True)

    class Meta:
        model = ReadAuditEntry
        fields = [
            "id",
            "at",
            "actor",
            "actor_name",
            "actor_email",
            "actor_role",
            "subject",
            "object_type",
            "object_id",
            "fields",
            "ip",
            "user_agent",
            "request_id",
        ]
        read_only_fields = fields

    def get_actor_name(self, entry) -> str:
        return getattr(entry.actor, "name", "") if entry.actor_id else ""

    def get_actor_email(self, entry) -> str:
        return getattr(entry.actor, "email", "") if entry.actor_id else ""

    def get_actor_role(self, entry) -> str:
        return getattr(entry.actor, "role", "") if entry.actor_id else ""
