from django.contrib import admin

from insurehub.intake.models import IntakeImport, Partner, PartnerApiKey, PartnerPolicy


class PartnerPolicyInline(admin.TabularInline):
    model = PartnerPolicy
    extra = 0
    raw_id_fields = ["policy"]
    readonly_fields = ["added_by", "created_at"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "department", "active", "created_at"]
    list_filter = ["kind", "department", "active"]
    search_fields = ["name"]
    inlines = [PartnerPolicyInline]


@admin.register(PartnerApiKey)
class PartnerApiKeyAdmin(admin.ModelAdmin):
    """Keys are made through the API (the key is shown once there); here they are read and revoked."""

    list_display = ["prefix", "partner", "name", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["partner"]
    readonly_fields = ["partner", "name", "prefix", "key_hash", "created_by", "last_used_at", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(IntakeImport)
class IntakeImportAdmin(admin.ModelAdmin):
    list_display = [
        "filename",
        "status",
        "partner",
        "department",
        "total_rows",
        "created_count",
        "refused_count",
        "created_at",
    ]
    list_filter = ["status", "department"]
    readonly_fields = [f.name for f in IntakeImport._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
