from django.contrib import admin

from insurehub.integrations.models import VehicleCheck


@admin.register(VehicleCheck)
class VehicleCheckAdmin(admin.ModelAdmin):
    list_display = ("vehicle", "kind", "provider", "status", "attempts", "fetched_at", "created_at")
    list_filter = ("kind", "status", "provider")
    search_fields = ("vehicle__registration", "vehicle__vin")
    raw_id_fields = ("vehicle", "requested_by")
    readonly_fields = [f.name for f in VehicleCheck._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False  # checks are made through the service, which audits them
