"""Reads of the integrations app, scoped by the same rule as the objects they hang from."""

from django.db.models import QuerySet

from insurehub.integrations.models import VehicleCheck
from insurehub.vehicles.selectors import vehicles_visible_to


def vehicle_checks_visible_to(user, *, vehicle_id=None) -> QuerySet[VehicleCheck]:
    """A vehicle's checks are visible to whoever may see the vehicle."""
    checks = VehicleCheck.objects.filter(vehicle__in=vehicles_visible_to(user).values("pk"))
    if vehicle_id is not None:
        checks = checks.filter(vehicle_id=vehicle_id)
    return checks.select_related("vehicle")
