"""Who may see a vehicle (selectors.vehicles_visible_to): its owner; every agent, supervisor and admin
(customers' records are the office's); an assessor only the vehicles of the claims assigned to them
(the claim's vehicle, or the vehicle its policy covers). Whom a new vehicle belongs to is
users.selectors.customer_acted_for (customers their own, staff name the customer)."""

from insurehub.core.access import AccessRule, StaffScope
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.realtime.audiences import audience_of

VEHICLE_ACCESS = AccessRule(
    owner="owner",
    assignees=("claims__assigned_assessor", "policies__claims__assigned_assessor"),
    staff_scope=StaffScope.OFFICE,
)


def vehicle_audience(vehicle) -> list[str]:
    """Everyone who may see the vehicle (VEHICLE_ACCESS)."""
    return audience_of(vehicle, VEHICLE_ACCESS)
