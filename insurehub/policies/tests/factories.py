import datetime
import importlib
from decimal import Decimal

import factory
from django.utils import timezone

from insurehub.core.numbering import next_number
from insurehub.policies.models import InsuranceCompany, PaymentPlan, Policy, PolicyCategory, PolicyStatus, PolicyType
from insurehub.users.tests.factories import UserFactory
from insurehub.vehicles.tests.factories import VehicleFactory

MOTOR_COVERAGE = {
    "covers": ["Own damage", "Third-party liability", "Theft", "Fire"],
    "limits": {"third_party_property": "3000000.00", "windscreen": "50000.00"},
    "excess": {"amount": "15000.00", "percent": "0.025"},
    "exclusions": ["Driving under the influence", "Racing"],
    "addons": [{"code": "courtesy_car", "name": "Courtesy car", "price": "3000.00"}],
}


SEEDED_CATEGORIES = importlib.import_module("insurehub.policies.migrations.0002_categories").CATEGORIES


def ensure_categories() -> None:
    """The ten categories of the data migration. A transactional test (any app's) flushes every
    table, seeded rows included; tests that need the whole set call this first."""
    for position, (slug, name, icon, description) in enumerate(SEEDED_CATEGORIES):
        PolicyCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "icon": icon, "description": description, "position": position}
        )


def _category(slug: str) -> PolicyCategory:
    """Fetch a seeded category, never duplicate it (made again if a flush removed it)."""
    category = PolicyCategory.objects.filter(slug=slug).first()
    if category is None:
        ensure_categories()
        category = PolicyCategory.objects.get(slug=slug)
    return category


class InsuranceCompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InsuranceCompany

    name = factory.Sequence(lambda n: f"Test Insurer {n}")
    registration_number = factory.Sequence(lambda n: f"IRA/TEST/{n:05d}")
    email = factory.Sequence(lambda n: f"insurer{n}@example.test")
    active = True


class PolicyTypeFactory(factory.django.DjangoModelFactory):
    """A comprehensive motor product (pass category=... for another line)."""

    class Meta:
        model = PolicyType

    company = factory.SubFactory(InsuranceCompanyFactory)
    category = factory.LazyFunction(lambda: _category("motor"))
    name = factory.Sequence(lambda n: f"Motor Comprehensive {n}")
    description = "Comprehensive cover for private cars."
    coverage_details = factory.LazyFunction(lambda: {**MOTOR_COVERAGE})
    base_premium = Decimal("20000.00")
    pricing_rules = factory.LazyFunction(lambda: {"rate_of_value": "0.035", "min_premium": "25000.00"})
    term_months = 12
    currency = "KES"
    active = True


class PolicyFactory(factory.django.DjangoModelFactory):
    """An active motor policy of a customer, on that customer's vehicle, running from a
    month ago for a year. `PolicyFactory(customer=user)` insures a new car of `user`."""

    class Meta:
        model = Policy

    policy_number = factory.LazyFunction(lambda: next_number(prefix="POL", year=timezone.now().year))
    customer = factory.SubFactory(UserFactory)
    policy_type = factory.SubFactory(PolicyTypeFactory)
    vehicle = factory.SubFactory(VehicleFactory, owner=factory.SelfAttribute("..customer"))
    status = PolicyStatus.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=364))
    premium = Decimal("52500.00")
    sum_insured = factory.LazyAttribute(lambda o: o.vehicle.estimated_value if o.vehicle else Decimal("1000000.00"))
    currency = "KES"
    payment_plan = PaymentPlan.ANNUAL
    activated_at = factory.LazyFunction(timezone.now)
