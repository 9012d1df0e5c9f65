"""Alerts are raised by the services and acknowledged through alert_acknowledge (an action here)."""

from django.contrib import admin

from insurehub.alerts.models import Alert
from insurehub.alerts.services import alert_acknowledge
from insurehub.audit.admin import ReadOnlyAdmin, apply_each


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "severity", "status", "claim", "department", "created_at"]
    list_filter = ["status", "severity", "kind", "department"]
    list_select_related = ["claim"]
    search_fields = ["title", "claim__claim_number"]
    actions = ["acknowledge"]

    @admin.action(description="Acknowledge the selected alerts")
    def acknowledge(self, request, queryset):
        apply_each(
            self,
            request,
            list(queryset),
            lambda alert: alert_acknowledge(alert=alert, user=request.user),
            done="Acknowledged",
        )
