"""Rows that several payment tests start from, built through the real services."""

from insurehub.core.roles import Role
from insurehub.policies.models import PaymentPlan, Policy
from insurehub.policies.services import policy_accept, policy_quote_create
from insurehub.policies.tests.factories import PolicyTypeFactory
from insurehub.users.tests.factories import UserFactory
from insurehub.vehicles.tests.factories import VehicleFactory


def pending_policy(*, customer=None, plan=PaymentPlan.QUARTERLY) -> Policy:
    """A motor policy the customer accepted: pending its first payment, with its instalments."""
    customer = customer or UserFactory(role=Role.CUSTOMER)
    vehicle = VehicleFactory(owner=customer)
    quote = policy_quote_create(
        customer=customer, policy_type=PolicyTypeFactory(), vehicle=vehicle, created_by=customer, payment_plan=plan
    )
    return policy_accept(policy=quote, accepted_by=customer)
