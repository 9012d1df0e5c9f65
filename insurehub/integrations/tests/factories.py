from datetime import timedelta

import factory
from django.utils import timezone

from insurehub.integrations.models import VehicleCheck
from insurehub.vehicles.tests.factories import VehicleFactory

__all__ = ["ClaimFactory", "VehicleCheckFactory", "VehicleFactory"]


class VehicleCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VehicleCheck

    vehicle = factory.SubFactory(VehicleFactory)
    kind = VehicleCheck.Kind.DVLA
    provider = "dvla"
    status = "ok"
    result = factory.LazyAttribute(lambda o: {"make": o.vehicle.make, "colour": o.vehicle.colour})


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim as FNOL leaves it (the claims app's own factory may replace this one)."""

    class Meta:
        model = "claims.Claim"

    claim_number = factory.Sequence(lambda n: f"CLM-2026-{n + 900000:06d}")
    customer = factory.SubFactory("insurehub.users.tests.factories.UserFactory", role="customer")
    policy = factory.SubFactory(
        "insurehub.policies.tests.factories.PolicyFactory", customer=factory.SelfAttribute("..customer")
    )
    vehicle = factory.LazyAttribute(lambda o: o.policy.vehicle)
    department = "motor"
    incident_date = factory.LazyFunction(lambda: timezone.now() - timedelta(days=20))
    incident_address = "Kenyatta Avenue, Nairobi"
    description = "Rear-ended at the traffic lights."
