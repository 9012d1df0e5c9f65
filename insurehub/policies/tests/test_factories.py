"""The shared factories build valid rows (other apps' tests rely on them)."""

import pytest

from insurehub.policies.models import PolicyStatus
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.vehicles.tests.factories import VehicleFactory

pytestmark = pytest.mark.django_db


def test_vehicle_factory_builds_a_valid_vehicle():
    vehicle = VehicleFactory()
    vehicle.full_clean()
    assert vehicle.registration == vehicle.registration.upper()


def test_policy_factory_builds_an_active_motor_policy_on_the_customers_vehicle():
    policy = PolicyFactory()
    policy.full_clean()
    assert policy.status == PolicyStatus.ACTIVE
    assert policy.policy_type.category.slug == "motor"
    assert policy.vehicle.owner == policy.customer
    assert policy.start_date < policy.end_date
    assert policy.policy_number.startswith("POL-")
    second = PolicyFactory(customer=policy.customer)
    assert second.policy_number != policy.policy_number
    assert second.vehicle.owner == policy.customer
