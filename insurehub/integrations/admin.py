"""What outside providers said about vehicles and claims: records, read-only (the integration
services write them and audit their requests)."""

from django.contrib import admin

from insurehub.audit.admin import ReadOnlyAdmin
from insurehub.core.admin_search import BlindIndexSearchMixin
from insurehub.integrations.models import ClaimEnrichment, VehicleCheck
from insurehub.vehicles.models import normalise_registration


@admin.register(VehicleCheck)
class VehicleCheckAdmin(BlindIndexSearchMixin, ReadOnlyAdmin):
    list_display = ("vehicle", "kind", "provider", "status", "attempts", "fetched_at", "created_at")
    list_filter = ("kind", "status", "provider")
    list_select_related = ("vehicle",)
    search_fields = ("vehicle__vin",)
    blind_index_search = {"vehicle__registration_hash": "registration"}  # a whole registration

    def blind_index_term(self, purpose, term):
        return normalise_registration(term)


@admin.register(ClaimEnrichment)
class ClaimEnrichmentAdmin(ReadOnlyAdmin):
    list_display = ("claim", "status", "distance_from_home_km", "attempts", "fetched_at", "created_at")
    list_filter = ("status",)
    list_select_related = ("claim",)
    search_fields = ("claim__claim_number",)
