import factory

from insurehub.integrations.models import VehicleCheck
from insurehub.vehicles.tests.factories import VehicleFactory

__all__ = ["VehicleCheckFactory", "VehicleFactory"]


class VehicleCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VehicleCheck

    vehicle = factory.SubFactory(VehicleFactory)
    kind = VehicleCheck.Kind.DVLA
    provider = "dvla"
    status = "ok"
    result = factory.LazyAttribute(lambda o: {"make": o.vehicle.make, "colour": o.vehicle.colour})
