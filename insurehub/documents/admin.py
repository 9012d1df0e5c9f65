from django.contrib import admin

from insurehub.documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "kind", "owner", "scan_status", "processing_status", "validation_status", "created_at"]
    list_filter = ["kind", "scan_status", "processing_status", "validation_status"]
    search_fields = ["filename", "sha256"]
    readonly_fields = [f.name for f in Document._meta.fields if f.name != "kind"]
    exclude = ["private_metadata"]
