from django.contrib import admin

from insurehub.dashboard.models import Alert


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "severity", "status", "claim", "department", "created_at"]
    list_filter = ["status", "severity", "kind", "department"]
    search_fields = ["title", "claim__claim_number"]
    raw_id_fields = ["claim", "acknowledged_by"]
