from django.contrib import admin

from insurehub.privacy.models import ConsentRecord, PrivacyRequest


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    list_display = ["kind", "status", "subject", "requested_by", "created_at", "completed_at"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["subject", "requested_by", "decided_by"]
    readonly_fields = ["archive_key", "archive_sha256", "result", "hold_reasons"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "granted", "source", "created_at"]
    list_filter = ["purpose", "granted"]
    raw_id_fields = ["user"]
