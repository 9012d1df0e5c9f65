from django.db.models import QuerySet

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.vehicles.models import Vehicle

# Agents and supervisors see every customer's vehicles; assessors those of the claims assigned to them
# (the claim's vehicle, or the vehicle its policy covers).
VEHICLE_ACCESS = AccessRule(
    owner="owner",
    assignees=("claims__assigned_assessor", "policies__claims__assigned_assessor"),
    staff_scope=StaffScope.OFFICE,
)


def vehicles_visible_to(user) -> QuerySet[Vehicle]:
    return restrict(Vehicle.objects.select_related("owner"), user, VEHICLE_ACCESS)
