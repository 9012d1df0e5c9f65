"""What outside providers said about vehicles and claims: records, read-only (the integration
services write them and audit their requests)."""

from django.contrib import admin

from insurehub.audit.admin import ReadOnlyAdmin
from insurehub.integrations.models import ClaimEnrichment, VehicleCheck


@admin.register(VehicleCheck)
class VehicleCheckAdmin(ReadOnlyAdmin):
    list_display = ("vehicle", "kind", "provider", "status", "attempts", "fetched_at", "created_at")
    list_filter = ("kind", "status", "provider")
    list_select_related = ("vehicle",)
    search_fields = ("vehicle__registration", "vehicle__vin")


@admin.register(ClaimEnrichment)
class ClaimEnrichmentAdmin(ReadOnlyAdmin):
    list_display = ("claim", "status", "distance_from_home_km", "attempts", "fetched_at", "created_at")
    list_filter = ("status",)
    list_select_related = ("claim",)
    search_fields = ("claim__claim_number",)
