from django.contrib import admin

from insurehub.catastrophes.models import CatastropheEvent


@admin.register(CatastropheEvent)
class CatastropheEventAdmin(admin.ModelAdmin):
    """Read-only: events change through the API's services (audited, with their events)."""

    list_display = ("code", "name", "peril", "department", "status", "starts_at", "ends_at")
    list_filter = ("status", "peril", "department")
    search_fields = ("code", "name")
    readonly_fields = [field.name for field in CatastropheEvent._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
