"""The demo data of policies, vehicles and payments: a living system, and idempotent."""

import pytest

from insurehub.payments.models import Instalment, Refund, Transaction, TransactionStatus
from insurehub.policies.models import PolicyCategory, PolicyStatus, PolicyType
from insurehub.policies.tests.factories import ensure_categories

pytestmark = pytest.mark.django_db


def seed_all(settings) -> dict:
    from insurehub.payments import demo as payments_demo
    from insurehub.policies import demo as policies_demo
    from insurehub.users import demo as users_demo
    from insurehub.vehicles import demo as vehicles_demo

    settings.CARD_PROVIDER = "sandbox"
    ensure_categories()
    context: dict = {}
    for module in (users_demo, policies_demo, vehicles_demo, payments_demo):  # INSTALLED_APPS order
        module.seed(context)
    return context


def test_the_demo_has_products_in_every_category_and_two_active_motor_policies(settings):
    context = seed_all(settings)
    covered = set(PolicyType.objects.filter(active=True).values_list("category_id", flat=True))
    assert covered == set(PolicyCategory.objects.values_list("slug", flat=True))
    for key in ("customer", "customer2"):
        policy = context["policies"][key]
        assert policy.status == PolicyStatus.ACTIVE and policy.customer == context["users"][key]
        assert policy.vehicle.owner == policy.customer and policy.policy_type.category_id == "motor"
    quarterly = context["policies"]["customer"].payment_schedule.instalments.order_by("sequence")
    assert [i.status for i in quarterly] == ["paid", "due", "due", "due"]
    assert Transaction.objects.filter(status=TransactionStatus.SUCCEEDED).count() == 2
    assert Transaction.objects.filter(status=TransactionStatus.FAILED).count() == 1
    assert Refund.objects.filter(status=Refund.Status.REQUESTED).count() == 1


def test_seeding_twice_creates_nothing_more(settings):
    seed_all(settings)
    counts = (PolicyType.objects.count(), Transaction.objects.count(), Instalment.objects.count())
    context = seed_all(settings)
    assert (PolicyType.objects.count(), Transaction.objects.count(), Instalment.objects.count()) == counts
    assert context["policies"]["customer"].status == PolicyStatus.ACTIVE
