"""Demo vehicles: a car for each demo customer (idempotent: looked up by registration)."""

from decimal import Decimal

from insurehub.vehicles.models import Vehicle, registration_index

DEMO_VEHICLES = {
    "customer": {
        "registration": "KDA123A",
        "vin": "WVWZZZ1JZXW000001",  # decodes offline as a Volkswagen (see DESIGN.md section 10)
        "make": "Volkswagen",
        "model": "Golf",
        "year": 2019,
        "colour": "Silver",
        "estimated_value": Decimal("1850000.00"),
    },
    "customer2": {
        "registration": "KCZ404X",
        "vin": "1M8GDM9AXKP042788",  # a North American VIN with a valid check digit
        "make": "Toyota",
        "model": "Hilux",
        "year": 2018,
        "colour": "White",
        "estimated_value": Decimal("3200000.00"),
    },
}


def seed(context: dict) -> None:
    from insurehub.vehicles.services import vehicle_create

    users = context["users"]
    vehicles = context.setdefault("vehicles", {})
    for key, spec in DEMO_VEHICLES.items():
        vehicle = Vehicle.objects.filter(registration_hash=registration_index(spec["registration"])).first()
        if vehicle is None:
            vehicle = vehicle_create(owner=users[key], created_by=users[key], **spec)
        vehicles[key] = vehicle
