from django.conf import settings
from rest_framework import serializers

from insurehub.core.serializers import StrictSerializer
from insurehub.documents.models import Document, DocumentKind, ResumableUpload


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


# --- resumable uploads (documents/resumable.py) ------------------------------------------


class UploadCreateInputSerializer(StrictSerializer):
    claim = serializers.UUIDField(help_text="The claim the file belongs to (one the caller may see).")
    document_type = serializers.ChoiceField(
        choices=DocumentKind.choices, help_text="What the document is; `photo` must be an image."
    )
    filename = serializers.CharField(max_length=255, help_text="The file's name on the device; display only.")
    size = serializers.IntegerField(min_value=0, help_text="The whole file's size in bytes.")
    sha256 = serializers.RegexField(
        r"^[0-9a-fA-F]{64}$", help_text="Hex SHA-256 of the whole file, checked when the last byte arrives."
    )
    content_type = serializers.CharField(
        max_length=100, required=False, allow_blank=True, help_text="As the device names it; the content decides."
    )
    allow_duplicate = serializers.BooleanField(
        required=False, default=False, help_text="Keep it even if you uploaded the same file before."
    )


class ResumableUploadOutputSerializer(serializers.ModelSerializer):
    claim = serializers.UUIDField(source="claim_id", read_only=True)
    document_type = serializers.ChoiceField(source="kind", choices=DocumentKind.choices, read_only=True)
    chunk_size = serializers.SerializerMethodField(help_text="The chunk size the server advises, in bytes.")
    max_chunk_size = serializers.SerializerMethodField(help_text="The largest chunk the server takes, in bytes.")
    error = serializers.CharField(read_only=True, help_text="The intake's code when `status` is `refused`.")
    document = DocumentOutputSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ResumableUpload
        fields = [
            "id",
            "claim",
            "document_type",
            "filename",
            "content_type",
            "size",
            "sha256",
            "offset",
            "chunk_size",
            "max_chunk_size",
            "status",
            "error",
            "expires_at",
            "completed_at",
            "document",
            "created_at",
        ]
        read_only_fields = fields

    def get_chunk_size(self, upload) -> int:
        return settings.DOCUMENTS_UPLOAD_CHUNK_BYTES

    def get_max_chunk_size(self, upload) -> int:
        return settings.DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES
