"""Documents in the admin: uploaded through the API (scan, type check, storage), edited and
deleted through document_update / document_delete (which also removes the stored files)."""

from django.contrib import admin

from insurehub.audit.admin import ServiceModelAdmin
from insurehub.documents.models import Document
from insurehub.documents.services import document_delete, document_update


@admin.register(Document)
class DocumentAdmin(ServiceModelAdmin):
    editable_fields = ["kind", "filename"]
    list_display = ["filename", "kind", "owner", "scan_status", "processing_status", "validation_status", "created_at"]
    list_filter = ["kind", "scan_status", "processing_status", "validation_status"]
    list_select_related = ["owner"]
    search_fields = ["filename", "sha256"]
    exclude = ["private_metadata"]

    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return [name for name in super().get_readonly_fields(request, obj) if name != "private_metadata"]

    def update(self, request, obj, data):
        document_update(document=obj, data=data, updated_by=request.user)

    def remove(self, request, obj):
        document_delete(document=obj, deleted_by=request.user)
