"""Demo data: an offline VIN check for every demo vehicle (no network in seed_demo)."""

from insurehub.integrations.models import VehicleCheck
from insurehub.integrations.services import vehicle_check_vin_offline
from insurehub.vehicles.models import Vehicle


def seed(context: dict) -> None:
    vehicles = context.get("vehicles")
    if vehicles is None:
        vehicles = Vehicle.objects.all()[:20]
    if isinstance(vehicles, dict):
        vehicles = list(vehicles.values())
    checks = []
    for vehicle in vehicles:
        check = VehicleCheck.objects.filter(vehicle=vehicle, kind=VehicleCheck.Kind.VIN).first()
        checks.append(check or vehicle_check_vin_offline(vehicle=vehicle, actor=context.get("users", {}).get("agent")))
    context["vehicle_checks"] = checks
