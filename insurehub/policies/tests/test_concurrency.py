"""Concurrency on PostgreSQL: policy numbers stay unique under parallel quotes, and parallel
refund requests never promise back more than was paid."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.payments.models import Refund
from insurehub.payments.services import card_intent_create, card_sandbox_settle, refund_request
from insurehub.payments.tests.builders import pending_policy
from insurehub.policies.services import policy_quote_create
from insurehub.policies.tests.factories import PolicyTypeFactory
from insurehub.users.tests.factories import UserFactory
from insurehub.vehicles.tests.factories import VehicleFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def run_in_parallel(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results: list = []

    def run(index: int):
        try:
            barrier.wait()
            results.append(work(index))
        except Exception as exc:  # collected and asserted by the caller
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_parallel_quotes_get_distinct_policy_numbers():
    policy_type = PolicyTypeFactory()
    customers = [UserFactory(role=Role.CUSTOMER) for _ in range(10)]
    vehicles = [VehicleFactory(owner=customer) for customer in customers]

    def quote(index: int):
        return policy_quote_create(
            customer=customers[index], policy_type=policy_type, vehicle=vehicles[index], created_by=customers[index]
        ).policy_number

    numbers = run_in_parallel(10, quote)
    assert all(isinstance(n, str) for n in numbers), numbers
    assert len(set(numbers)) == 10


def test_parallel_refund_requests_never_exceed_what_was_paid(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy()
    txn, _ = card_intent_create(policy=policy, instalment=None, initiated_by=policy.customer)
    txn = card_sandbox_settle(txn=txn, succeed=True, actor=policy.customer)
    staff = UserFactory(role=Role.AGENT, department="motor")

    results = run_in_parallel(
        8, lambda _: refund_request(txn=txn, amount=txn.amount, reason="double charge", requested_by=staff)
    )
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == 7 and all(r.code == "refund_too_large" for r in refused), results
    assert Refund.objects.count() == 1
    assert sum((r.amount for r in Refund.objects.all()), Decimal("0")) == txn.amount


def test_two_quotes_for_one_car_accepted_at_once_give_one_policy():
    from insurehub.policies.models import Policy, PolicyStatus
    from insurehub.policies.services import policy_accept

    customer = UserFactory(role=Role.CUSTOMER)
    vehicle = VehicleFactory(owner=customer)
    policy_type = PolicyTypeFactory()
    quotes = [
        policy_quote_create(customer=customer, policy_type=policy_type, vehicle=vehicle, created_by=customer)
        for _ in range(4)
    ]
    results = run_in_parallel(4, lambda i: policy_accept(policy=quotes[i], accepted_by=customer))
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == 3 and all(r.code == "overlapping_policy" for r in refused), results
    assert Policy.objects.filter(vehicle=vehicle, status=PolicyStatus.PENDING_PAYMENT).count() == 1
