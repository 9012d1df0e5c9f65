"""A product's page tells the signed-in customer whether they may review it (held it, not yet reviewed)."""

import pytest

from insurehub.core.testing import client_for
from insurehub.policies.models import PolicyStatus
from insurehub.policies.tests.factories import PolicyFactory, PolicyTypeFactory, ensure_categories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _categories():
    ensure_categories()


def standing(user, policy_type) -> tuple[bool, bool]:
    body = client_for(user).get(f"/api/policy-types/{policy_type.pk}/").json()
    return body["can_review"], body["already_reviewed"]


def test_a_holder_may_review_once_and_then_the_flags_say_so(actors):
    policy = PolicyFactory(customer=actors["owner"])
    product = policy.policy_type
    assert standing(actors["owner"], product) == (True, False)
    url = f"/api/policy-types/{product.pk}/reviews/"
    assert client_for(actors["owner"]).post(url, {"rating": 5, "text": "Paid fast."}, format="json").status_code == 201
    assert standing(actors["owner"], product) == (False, True)
    # Another customer's review changes nothing for this one, and the other never held it.
    assert standing(actors["other_customer"], product) == (False, False)


def test_only_a_customer_who_held_the_product_may_review(actors):
    product = PolicyTypeFactory()
    PolicyFactory(customer=actors["owner"], policy_type=product, status=PolicyStatus.QUOTE, activated_at=None)
    assert standing(actors["owner"], product) == (False, False)  # a quote is not holding it
    PolicyFactory(customer=actors["other_customer"], policy_type=product, status=PolicyStatus.EXPIRED)
    assert standing(actors["other_customer"], product) == (True, False)  # held once is enough
    for user in (None, actors["agent"], actors["admin"]):
        assert standing(user, product) == (False, False)


def test_the_flags_cost_no_extra_query(actors, django_assert_max_num_queries):
    policy = PolicyFactory(customer=actors["owner"])
    api = client_for(actors["owner"])
    api.get(f"/api/policy-types/{policy.policy_type_id}/")
    with django_assert_max_num_queries(3):
        assert api.get(f"/api/policy-types/{policy.policy_type_id}/").status_code == 200
