from django.contrib import admin

from insurehub.audit.admin import ServiceModelAdmin
from insurehub.core.admin_search import BlindIndexSearchMixin
from insurehub.vehicles.models import Vehicle, normalise_registration
from insurehub.vehicles.services import vehicle_delete, vehicle_update


@admin.register(Vehicle)
class VehicleAdmin(BlindIndexSearchMixin, ServiceModelAdmin):
    """Saved through vehicle_update (VIN rules; an insured vehicle keeps its VIN and plate);
    its value, which the sum insured follows, is read-only here."""

    editable_fields = ["registration", "vin", "make", "model", "year", "colour"]
    list_display = ["registration", "make", "model", "year", "owner", "estimated_value"]
    list_select_related = ["owner"]
    search_fields = ["vin", "owner__email"]
    # Sealed: a whole registration (any case, spaces or dashes) or the owner's whole phone number.
    blind_index_search = {"registration_hash": "registration", "owner__phone_hash": "phone"}

    def blind_index_term(self, purpose, term):
        return normalise_registration(term) if purpose == "registration" else term

    list_filter = ["make", "year"]
    raw_id_fields = ["owner"]

    def update(self, request, obj, data):
        vehicle_update(vehicle=obj, data=data, updated_by=request.user)

    def remove(self, request, obj):
        vehicle_delete(vehicle=obj, deleted_by=request.user)
