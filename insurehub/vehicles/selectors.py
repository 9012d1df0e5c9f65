from django.db.models import QuerySet

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.vehicles.models import Vehicle

VEHICLE_ACCESS = AccessRule(owner="owner", staff_scope=StaffScope.ALL)


def vehicles_visible_to(user) -> QuerySet[Vehicle]:
    return restrict(Vehicle.objects.select_related("owner"), user, VEHICLE_ACCESS)
