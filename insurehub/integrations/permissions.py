"""Who may use the outside lookups (VIN decoding, weather, geocoding), request vehicle checks and read
a claim's enrichment: staff. Customers call one provider through us, the geocoder, to say where an
incident happened when they report a claim (the address search and "use my location"), and decode a
VIN offline (what the VIN itself says, no provider) while they add their car to a quote; seeing a
vehicle or a claim is its own app's rule."""

from insurehub.core.permissions import allows, allows_object, has_role, is_staff_member
from insurehub.core.roles import Role


def can_use_lookups(user, obj=None) -> bool:
    return is_staff_member(user)


def can_decode_vin(user, obj=None) -> bool:
    """Staff, and customers typing their car's VIN on the quote page."""
    return is_staff_member(user) or has_role(user, Role.CUSTOMER)


def decodes_vin_online(user) -> bool:
    """Whether a VIN decoding also asks NHTSA vPIC: for staff only. Customers get what the VIN itself
    says (manufacturer, country, model years), so a customer typing cannot spend the provider's quota."""
    return is_staff_member(user)


def can_geocode(user, obj=None) -> bool:
    """Staff, and customers reporting a claim (where it happened)."""
    return is_staff_member(user) or has_role(user, Role.CUSTOMER)


def can_request_vehicle_check(user, vehicle=None) -> bool:
    return is_staff_member(user)


def can_read_enrichment(user, claim=None) -> bool:
    """Risk flags and provider findings are staff business (the API never shows them to customers)."""
    return is_staff_member(user)


UsesLookups = allows(can_use_lookups)
Geocodes = allows(can_geocode)
DecodesVins = allows(can_decode_vin)
ReadsEnrichment = allows(can_read_enrichment)
RequestsVehicleChecks = allows_object(can_request_vehicle_check, message="Vehicle checks are requested by staff.")
