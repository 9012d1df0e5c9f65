"""The catalogue, quotes, policies, reviews: through the API, under the access rules."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.policies.models import PolicyCategory, PolicyReview, PolicyStatus, PolicyType
from insurehub.policies.tests.factories import (
    MOTOR_COVERAGE,
    InsuranceCompanyFactory,
    PolicyFactory,
    PolicyTypeFactory,
    ensure_categories,
)
from insurehub.vehicles.tests.factories import VehicleFactory

# Staff who see every customer's policies; assessors see those of the claims assigned to them
# (claims/tests/test_assessor_reach.py).
STAFF = {"agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin"}
NOT_ADMIN = ["owner", "other_customer", "agent", "assessor", "supervisor"]

SEEDED_CATEGORIES_MIGRATION = importlib.import_module("insurehub.policies.migrations.0002_categories")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _categories():
    ensure_categories()  # another app's transactional test may have flushed the seeded rows


# --- catalogue -------------------------------------------------------------------------------


def test_the_data_migration_seeds_the_ten_categories_with_slug_and_icon():
    from django.apps import apps

    PolicyCategory.objects.all().delete()
    for _ in range(2):  # idempotent
        SEEDED_CATEGORIES_MIGRATION.seed(apps, None)
    slugs = set(PolicyCategory.objects.values_list("slug", flat=True))
    assert slugs == {"motor", "health", "life", "home", "travel", "business", "agriculture", "marine",
                     "personal_accident", "liability"}  # fmt: skip
    assert not PolicyCategory.objects.filter(icon="").exists()


def test_anyone_browses_the_catalogue_with_average_ratings(actors):
    policy_type = PolicyTypeFactory()
    PolicyTypeFactory(company=policy_type.company, active=False)
    for rating, holder in ((5, actors["owner"]), (2, actors["other_customer"])):
        PolicyFactory(customer=holder, policy_type=policy_type)
        PolicyReview.objects.create(policy_type=policy_type, customer=holder, rating=rating, text="ok")
    for client in (client_for(None), client_for(actors["owner"])):
        types = client.get("/api/policy-types/").json()["results"]
        assert [t["id"] for t in types] == [str(policy_type.pk)]  # the inactive product is not on sale
        assert Decimal(str(types[0]["average_rating"])) == Decimal("3.5") and types[0]["review_count"] == 2
        company = client.get(f"/api/companies/{policy_type.company_id}/").json()
        assert Decimal(str(company["average_rating"])) == Decimal("3.5")
        assert len(client.get("/api/policy-categories/").json()) == 10
    assert len(client_for(actors["admin"]).get("/api/policy-types/").json()["results"]) == 2


def test_only_admins_change_the_catalogue(actors):
    company = InsuranceCompanyFactory()
    body = {"name": "Jubilee Allianz", "registration_number": "IRA/01/2026"}
    for name in NOT_ADMIN:
        assert_problem(client_for(actors[name]).post("/api/companies/", body, format="json"), 403)
        assert_problem(client_for(actors[name]).patch(f"/api/companies/{company.pk}/", {"active": False}), 403)
    assert_problem(client_for(None).post("/api/companies/", body, format="json"), 401)
    created = client_for(actors["admin"]).post("/api/companies/", body, format="json")
    assert created.status_code == 201, created.content
    product = {
        "company": created.json()["id"],
        "category": "motor",
        "name": "Third Party Only",
        "coverage_details": MOTOR_COVERAGE,
        "base_premium": "7500.00",
        "pricing_rules": {"min_premium": "7500.00"},
    }
    made = client_for(actors["admin"]).post("/api/policy-types/", product, format="json")
    assert made.status_code == 201, made.content
    assert_problem(client_for(actors["agent"]).post("/api/policy-types/", product, format="json"), 403)


@pytest.mark.parametrize(
    ("coverage", "rules"),
    [
        ({"covers": []}, {}),  # required parts missing, empty covers
        ({**MOTOR_COVERAGE, "limits": {"windscreen": 50000}}, {}),  # money must be a decimal string
        ({**MOTOR_COVERAGE, "surprise": True}, {}),
        (MOTOR_COVERAGE, {"rate_of_value": "lots"}),
        (MOTOR_COVERAGE, {"age_loadings": [{"max_age": 5}]}),
    ],
)
def test_a_malformed_product_is_refused_with_field_errors(actors, coverage, rules):
    company = InsuranceCompanyFactory()
    product = {"company": str(company.pk), "category": "motor", "name": "Broken", "coverage_details": coverage,
               "base_premium": "100.00", "pricing_rules": rules}  # fmt: skip
    problem = assert_problem(client_for(actors["admin"]).post("/api/policy-types/", product, format="json"), 400)
    assert {e["field"] for e in problem["errors"]} & {"coverage_details", "pricing_rules"}, problem
    assert not PolicyType.objects.exists()


def test_the_catalogue_lists_cost_a_fixed_number_of_queries(actors):
    PolicyTypeFactory()

    def grow():
        for _ in range(4):
            PolicyTypeFactory()

    client = client_for(actors["owner"])
    assert_constant_queries(client, "/api/policy-types/", grow=grow, max_queries=6)
    assert_constant_queries(client, "/api/companies/", grow=grow, max_queries=6)


# --- quotes --------------------------------------------------------------------------------


def test_a_quote_is_priced_from_the_products_rules_and_explains_itself(actors):
    policy_type = PolicyTypeFactory(
        base_premium=Decimal("5000.00"),
        pricing_rules={"rate_of_value": "0.04", "min_premium": "20000.00",
                       "age_loadings": [{"max_age": 5, "factor": "1.0"}, {"max_age": 15, "factor": "1.25"}]},
    )  # fmt: skip
    year = timezone.now().year
    vehicle = VehicleFactory(owner=actors["owner"], estimated_value=Decimal("1000000.00"), year=year - 8)
    response = client_for(actors["owner"]).post(
        "/api/policies/quote/",
        {"policy_type": str(policy_type.pk), "vehicle": str(vehicle.pk), "addons": ["courtesy_car"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    quote = response.json()
    # (5000 + 0.04 x 1,000,000) x 1.25 + 3000 courtesy car
    assert quote["premium"] == "59250.00" and quote["sum_insured"] == "1000000.00"
    assert quote["status"] == "quote" and quote["currency"] == "KES"


def test_quote_bad_input(actors):
    motor = PolicyTypeFactory()
    other_car = VehicleFactory(owner=actors["other_customer"])
    api = client_for(actors["owner"])
    cases = [
        ({"policy_type": str(motor.pk)}, 400, "vehicle"),  # a motor quote needs the vehicle
        ({"policy_type": str(motor.pk), "vehicle": str(other_car.pk)}, 404, None),  # not theirs: invisible
        ({"policy_type": str(motor.pk), "vehicle": str(VehicleFactory(owner=actors["owner"]).pk),
          "addons": ["jetpack"]}, 400, "addons"),
        ({"policy_type": str(motor.pk), "sum_insured": "-5"}, 400, "sum_insured"),
        ({"policy_type": str(motor.pk), "start_date": "2001-01-01",
          "vehicle": str(VehicleFactory(owner=actors["owner"]).pk)}, 400, "start_date"),
    ]  # fmt: skip
    for body, status, field in cases:
        problem = assert_problem(api.post("/api/policies/quote/", body, format="json"), status)
        if field:
            assert field in [e["field"] for e in problem["errors"]], (body, problem)
    assert not motor.policies.exists()


# --- policies ---------------------------------------------------------------------------------


def test_policy_access_matrix(actors):
    policy = PolicyFactory(customer=actors["owner"])
    AccessMatrix(actors).assert_read(
        visible={"owner", *STAFF},
        object_id=policy.pk,
        detail_url=f"/api/policies/{policy.pk}/",
        list_url="/api/policies/",
    )
    AccessMatrix(actors).assert_read(
        visible={"owner", *STAFF}, object_id=policy.pk, detail_url=f"/api/policies/{policy.pk}/history/"
    )


def test_a_customer_cancels_only_their_own_policy(actors):
    policy = PolicyFactory(customer=actors["owner"])
    url = f"/api/policies/{policy.pk}/cancel/"
    assert_problem(client_for(actors["other_customer"]).post(url, {"reason": "x"}, format="json"), 404)
    assert_problem(client_for(actors["assessor"]).post(url, {"reason": "x"}, format="json"), 404)  # not their claim's
    done = client_for(actors["owner"]).post(url, {"reason": "sold the car"}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "cancelled"
    problem = assert_problem(client_for(actors["owner"]).post(url, {"reason": "again"}, format="json"), 409)
    assert problem["current_status"] == "cancelled"  # never overwrites the problem's HTTP status


def test_an_overlapping_policy_for_the_same_vehicle_and_category_is_refused(actors):
    active = PolicyFactory(customer=actors["owner"])
    api = client_for(actors["owner"])
    quote = api.post(
        "/api/policies/quote/",
        {"policy_type": str(active.policy_type_id), "vehicle": str(active.vehicle_id)},
        format="json",
    ).json()
    problem = assert_problem(api.post(f"/api/policies/{quote['id']}/accept/"), 409)
    assert problem["type"].endswith("overlapping_policy")
    assert api.get(f"/api/policies/{quote['id']}/").json()["status"] == "quote"
    later = active.end_date + datetime.timedelta(days=1)
    renewal = api.post(
        "/api/policies/quote/",
        {"policy_type": str(active.policy_type_id), "vehicle": str(active.vehicle_id), "start_date": str(later)},
        format="json",
    ).json()
    assert api.post(f"/api/policies/{renewal['id']}/accept/").status_code == 200


def test_the_policy_list_costs_a_fixed_number_of_queries(actors):
    PolicyFactory(customer=actors["owner"])

    def grow():
        for _ in range(4):
            PolicyFactory(customer=actors["owner"])

    assert_constant_queries(client_for(actors["supervisor"]), "/api/policies/", grow=grow, max_queries=6)


# --- reviews -------------------------------------------------------------------------------------


def test_only_a_holder_reviews_a_product_and_only_once(actors):
    policy = PolicyFactory(customer=actors["owner"])
    url = f"/api/policy-types/{policy.policy_type_id}/reviews/"
    review = {"rating": 4, "text": "Quick claim payout."}
    assert_problem(client_for(actors["other_customer"]).post(url, review, format="json"), 403)
    assert_problem(client_for(actors["agent"]).post(url, review, format="json"), 403)
    for bad in ({"rating": 0}, {"rating": 6}, {"rating": 4, "stars": 5}):
        assert_problem(client_for(actors["owner"]).post(url, bad, format="json"), 400)
    assert client_for(actors["owner"]).post(url, review, format="json").status_code == 201
    assert_problem(client_for(actors["owner"]).post(url, review, format="json"), 409)
    listed = client_for(None).get(url).json()["results"]
    assert [r["rating"] for r in listed] == [4]
    assert PolicyReview.objects.count() == 1


def test_a_quote_alone_does_not_entitle_a_review(actors):
    policy = PolicyFactory(customer=actors["owner"], status=PolicyStatus.QUOTE, activated_at=None)
    response = client_for(actors["owner"]).post(
        f"/api/policies/{policy.pk}/reviews/", {"rating": 5, "text": "?"}, format="json"
    )
    assert_problem(response, 403)


def test_a_customer_never_sees_another_customers_policies(actors):
    mine = PolicyFactory(customer=actors["owner"])
    PolicyFactory(customer=actors["other_customer"])
    listed = client_for(actors["owner"]).get("/api/policies/").json()["results"]
    assert [p["id"] for p in listed] == [str(mine.pk)]
    filtered = client_for(actors["owner"]).get("/api/policies/", {"customer": str(actors["other_customer"].pk)})
    assert filtered.json()["results"] == []
    assert_problem(client_for(actors["owner"]).get(f"/api/policies/{PolicyFactory().pk}/"), 404)
