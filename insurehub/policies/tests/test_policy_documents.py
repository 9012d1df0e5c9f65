"""The policy schedule and the motor certificate: made by the server, for whoever may see the policy,
every download audited."""

import io

import pytest
from pypdf import PdfReader

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.policies.models import PolicyStatus
from insurehub.policies.services import policy_activate
from insurehub.policies.tests.factories import PolicyFactory, PolicyTypeFactory, ensure_categories

pytestmark = pytest.mark.django_db

STAFF = {"agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin"}


@pytest.fixture(autouse=True)
def _categories():
    ensure_categories()


def pdf_text(response) -> str:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf" and response["Cache-Control"] == "private, no-store"
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def activated_motor_policy(customer):
    """A motor policy that turned active through the service (which numbers its certificate)."""
    policy = PolicyFactory(
        customer=customer, status=PolicyStatus.PENDING_PAYMENT, activated_at=None, addons=["courtesy_car"]
    )
    return policy_activate(policy=policy, actor=None)


def test_the_schedule_says_what_the_policy_says(actors):
    policy = activated_motor_policy(actors["owner"])
    text = pdf_text(client_for(actors["owner"]).get(f"/api/policies/{policy.pk}/schedule.pdf"))
    for expected in (
        policy.policy_number,
        policy.policy_type.company.name,
        policy.policy_type.name,
        policy.vehicle.registration,
        policy.vehicle.vin,
        actors["owner"].email,
        "KES 52,500.00",  # the premium
        "Courtesy car",  # the add-on, by name
        "Instalment plan",
    ):
        assert expected in text, expected
    assert AuditEvent.objects.filter(action="policy.schedule_downloaded", object_id=str(policy.pk)).count() == 1


def test_activation_numbers_the_certificate_and_the_certificate_shows_it(actors):
    policy = activated_motor_policy(actors["owner"])
    assert policy.certificate_number.startswith("CRT-")
    detail = client_for(actors["owner"]).get(f"/api/policies/{policy.pk}/").json()
    assert detail["certificate_number"] == policy.certificate_number and detail["certificate_available"] is True
    text = pdf_text(client_for(actors["owner"]).get(f"/api/policies/{policy.pk}/certificate.pdf"))
    assert policy.certificate_number in text and policy.vehicle.registration in text
    assert policy.policy_type.company.name in text
    audited = AuditEvent.objects.get(action="policy.certificate_downloaded", object_id=str(policy.pk))
    assert audited.actor_id == actors["owner"].pk


def test_no_certificate_for_a_policy_that_is_not_an_active_motor_one(actors):
    api = client_for(actors["owner"])
    quote = PolicyFactory(customer=actors["owner"], status=PolicyStatus.QUOTE, activated_at=None)
    home = PolicyFactory(customer=actors["owner"], vehicle=None, policy_type=PolicyTypeFactory(category_id="home"))
    for policy in (quote, home):
        problem = assert_problem(api.get(f"/api/policies/{policy.pk}/certificate.pdf"), 409)
        assert problem["type"].endswith("no_certificate")
        assert api.get(f"/api/policies/{policy.pk}/").json()["certificate_available"] is False
    assert api.get(f"/api/policies/{quote.pk}/schedule.pdf").status_code == 200  # a quote has its schedule
    assert not AuditEvent.objects.filter(action="policy.certificate_downloaded").exists()


@pytest.mark.parametrize("document", ["schedule.pdf", "certificate.pdf"])
def test_the_documents_follow_the_policys_visibility(actors, document):
    policy = activated_motor_policy(actors["owner"])
    AccessMatrix(actors).assert_read(
        visible={"owner", *STAFF}, object_id=policy.pk, detail_url=f"/api/policies/{policy.pk}/{document}"
    )
    assert_problem(client_for(actors["other_customer"]).get(f"/api/policies/{policy.pk}/{document}"), 404)
    downloads = AuditEvent.objects.filter(action__endswith="_downloaded", object_id=str(policy.pk))
    assert downloads.count() == 1 + len(STAFF)  # only those who got it


def test_the_documents_cost_a_fixed_number_of_queries(actors, django_assert_max_num_queries):
    policy = activated_motor_policy(actors["owner"])
    api = client_for(actors["owner"])
    api.get(f"/api/policies/{policy.pk}/schedule.pdf")  # warms the signed-in user
    with django_assert_max_num_queries(10):
        assert api.get(f"/api/policies/{policy.pk}/schedule.pdf").status_code == 200
    with django_assert_max_num_queries(8):
        assert api.get(f"/api/policies/{policy.pk}/certificate.pdf").status_code == 200
