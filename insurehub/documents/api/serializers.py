from rest_framework import serializers

from insurehub.core.serializers import StrictSerializer
from insurehub.documents.models import Document, DocumentKind


class UploadInputSerializer(StrictSerializer):
    file = serializers.FileField(
        allow_empty_file=True, help_text="The file: PDF, JPEG, PNG, WebP, HEIC, TIFF or DOCX (judged by its content)."
    )
    kind = serializers.ChoiceField(
        choices=DocumentKind.choices, required=False, help_text="What the document is; guessed when left out."
    )
    claim = serializers.UUIDField(required=False, help_text="The claim it belongs to (one the caller may see).")
    allow_duplicate = serializers.BooleanField(
        required=False, default=False, help_text="Keep it even if you uploaded the same file before."
    )


class DocumentUpdateInputSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False)
    filename = serializers.CharField(max_length=255, required=False)
    claim = serializers.UUIDField(required=False, allow_null=True)


class DocumentRefInputSerializer(StrictSerializer):
    document = serializers.UUIDField()


class DocumentOutputSerializer(serializers.ModelSerializer):
    owner = serializers.UUIDField(source="owner_id", read_only=True)
    claim = serializers.UUIDField(source="claim_id", read_only=True, allow_null=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "owner",
            "claim",
            "kind",
            "kind_guessed",
            "filename",
            "file_type",
            "file_size",
            "sha256",
            "upload_date",
            "scan_status",
            "scanned_at",
            "processing_status",
            "processing_progress",
            "processing_error",
            "processed_at",
            "page_count",
            "validation_status",
            "validated_at",
            "image_width",
            "image_height",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class DocumentDetailOutputSerializer(DocumentOutputSerializer):
    processed_data = serializers.JSONField(read_only=True)
    validation_findings = serializers.JSONField(read_only=True)

    class Meta(DocumentOutputSerializer.Meta):
        fields = [
            *DocumentOutputSerializer.Meta.fields,
            "scan_signature",
            "extracted_text",
            "processed_data",
            "validation_findings",
        ]
        read_only_fields = fields


class SignedUrlOutputSerializer(serializers.Serializer):
    url = serializers.URLField()
    expires_in = serializers.IntegerField()
