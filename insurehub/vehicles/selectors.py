from django.db.models import QuerySet

from insurehub.core.access import restrict
from insurehub.vehicles.models import Vehicle
from insurehub.vehicles.permissions import VEHICLE_ACCESS


def vehicles_visible_to(user) -> QuerySet[Vehicle]:
    return restrict(Vehicle.objects.select_related("owner"), user, VEHICLE_ACCESS)
