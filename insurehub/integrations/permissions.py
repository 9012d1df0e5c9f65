"""Who may use the outside lookups (VIN decoding, weather, geocoding), request vehicle checks and read
a claim's enrichment: staff. Customers never call providers through us; seeing a vehicle or a claim is
its own app's rule."""

from insurehub.core.permissions import allows, allows_object, is_staff_member


def can_use_lookups(user, obj=None) -> bool:
    return is_staff_member(user)


def can_request_vehicle_check(user, vehicle=None) -> bool:
    return is_staff_member(user)


def can_read_enrichment(user, claim=None) -> bool:
    """Risk flags and provider findings are staff business (the API never shows them to customers)."""
    return is_staff_member(user)


UsesLookups = allows(can_use_lookups)
ReadsEnrichment = allows(can_read_enrichment)
RequestsVehicleChecks = allows_object(can_request_vehicle_check, message="Vehicle checks are requested by staff.")
