from rest_framework import serializers

from insurehub.core.roles import Department
from insurehub.core.serializers import StrictSerializer
from insurehub.intake.models import (
    DRY_RUN_STATUSES,
    IntakeImport,
    IntakeRow,
    Partner,
    PartnerApiKey,
    PartnerKind,
)


class ImportInputSerializer(StrictSerializer):
    file = serializers.FileField(
        allow_empty_file=True,
        help_text="The incidents: CSV (UTF-8 or Windows-1252) or XLSX, judged by content; layout in docs/intake.md.",
    )
    dry_run = serializers.BooleanField(
        required=False, default=False, help_text="Check every row and answer the results; write nothing."
    )


class RowErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()
    code = serializers.CharField()


class DryRunRowSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The line in the file (the header is line 1).")
    status = serializers.ChoiceField(choices=DRY_RUN_STATUSES)
    claim_number = serializers.CharField(allow_blank=True, help_text="For a replayed row, its earlier claim.")
    external_reference = serializers.CharField(allow_blank=True)
    errors = RowErrorSerializer(many=True)


class DryRunOutputSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    file_format = serializers.CharField()
    total = serializers.IntegerField()
    valid = serializers.IntegerField()
    refused = serializers.IntegerField()
    replayed = serializers.IntegerField()
    rows = DryRunRowSerializer(many=True)


class ImportOutputSerializer(serializers.ModelSerializer):
    partner = serializers.UUIDField(source="partner_id", read_only=True, allow_null=True)
    partner_name = serializers.SerializerMethodField()
    uploaded_by = serializers.UUIDField(source="uploaded_by_id", read_only=True, allow_null=True)
    department = serializers.ChoiceField(choices=Department.choices, allow_blank=True, read_only=True)

    class Meta:
        model = IntakeImport
        fields = [
            "id",
            "filename",
            "file_format",
            "sha256",
            "status",
            "partner",
            "partner_name",
            "uploaded_by",
            "department",
            "total_rows",
            "processed_rows",
            "created_count",
            "refused_count",
            "replayed_count",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_partner_name(self, obj) -> str:
        return obj.partner.name if obj.partner_id else ""


class ImportStartedOutputSerializer(ImportOutputSerializer):
    replayed = serializers.SerializerMethodField(help_text="True: the same file was imported before; this is it.")

    class Meta(ImportOutputSerializer.Meta):
        fields = [*ImportOutputSerializer.Meta.fields, "replayed"]
        read_only_fields = fields

    def get_replayed(self, obj) -> bool:
        return bool(self.context.get("replayed"))


class RowOutputSerializer(serializers.ModelSerializer):
    claim = serializers.UUIDField(source="claim_id", read_only=True, allow_null=True)
    errors = RowErrorSerializer(many=True, read_only=True)

    class Meta:
        model = IntakeRow
        fields = ["number", "status", "claim", "claim_number", "external_reference", "values", "errors"]
        read_only_fields = fields


class PartnerInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(choices=PartnerKind.choices)
    department = serializers.ChoiceField(choices=Department.choices, required=False, default=Department.MOTOR)


class PartnerUpdateInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=120, required=False)
    kind = serializers.ChoiceField(choices=PartnerKind.choices, required=False)
    department = serializers.ChoiceField(choices=Department.choices, required=False)
    active = serializers.BooleanField(required=False)


class PartnerOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partner
        fields = ["id", "name", "kind", "department", "active", "created_at"]
        read_only_fields = fields


class PartnerPoliciesInputSerializer(StrictSerializer):
    add = serializers.ListField(
        child=serializers.CharField(max_length=20),
        required=False,
        default=list,
        help_text="Policy numbers to bring into the partner's scope.",
        max_length=1000,
    )
    remove = serializers.ListField(
        child=serializers.CharField(max_length=20),
        required=False,
        default=list,
        help_text="Policy numbers to take out of it.",
        max_length=1000,
    )


class PartnerPoliciesOutputSerializer(serializers.Serializer):
    added = serializers.IntegerField()
    removed = serializers.IntegerField()
    policies = serializers.ListField(child=serializers.CharField(), help_text="The policy numbers in scope now.")


class ApiKeyInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=80, help_text="What the key is for, e.g. the partner's system.")


class ApiKeyOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = PartnerApiKey
        fields = ["id", "name", "prefix", "created_at", "revoked_at", "last_used_at"]
        read_only_fields = fields


class ApiKeyCreatedOutputSerializer(ApiKeyOutputSerializer):
    key = serializers.SerializerMethodField(help_text="The key itself: shown this once, never again.")

    class Meta(ApiKeyOutputSerializer.Meta):
        fields = [*ApiKeyOutputSerializer.Meta.fields, "key"]
        read_only_fields = fields

    def get_key(self, obj) -> str:
        return self.context["key"]
