from decimal import Decimal

import factory

from insurehub.users.tests.factories import UserFactory
from insurehub.vehicles.models import Vehicle


class VehicleFactory(factory.django.DjangoModelFactory):
    """A customer's car. European VINs (WMI "WVW") carry no check digit, so a sequence
    of serial numbers stays valid under ISO 3779."""

    class Meta:
        model = Vehicle

    owner = factory.SubFactory(UserFactory)
    registration = factory.Sequence(lambda n: f"KD{n:05d}Z")
    vin = factory.Sequence(lambda n: f"WVWZZZ1JZXW{n:06d}")
    make = "Volkswagen"
    model = "Golf"
    year = 2019
    colour = "Silver"
    estimated_value = Decimal("1500000.00")
    currency = "KES"
