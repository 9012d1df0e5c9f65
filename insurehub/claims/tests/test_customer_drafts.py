"""A customer's claim written over several visits (issue 17, the "Report a claim" wizard): filed as a
draft so photos can attach to it, edited while it is a draft (the incident's date too, inside the
cover), then submitted or withdrawn by the customer."""

import datetime

import pytest
from django.utils import timezone

from insurehub.claims.models import Claim, ClaimStatus
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.policies.models import Policy, PolicyStatus
from insurehub.policies.tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db

URL = "/api/claims/"
OFFICE = ("agent", "supervisor", "admin")  # the motor claims desk, who may see the claim


def _policy(customer, *, days_ago=120):
    start = timezone.localdate() - datetime.timedelta(days=days_ago)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


def _draft(actors, policy=None) -> dict:
    policy = policy or _policy(actors["owner"])
    body = {
        "policy": str(policy.pk),
        "incident_date": (timezone.now() - datetime.timedelta(days=2)).isoformat(),
        "description": "Scraped by a matatu on Thika Road.",
        "draft": True,
    }
    response = client_for(actors["owner"]).post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="draft-1")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "draft"
    return response.json()


def test_a_draft_offers_its_customer_submit_and_withdraw(actors):
    draft = _draft(actors)
    assert draft["allowed_transitions"] == ["submitted", "withdrawn"]
    assert draft["submitted_at"] is None


def test_the_customer_moves_the_incident_date_of_their_draft(actors):
    draft = _draft(actors)
    when = (timezone.now() - datetime.timedelta(days=5)).replace(microsecond=0)
    response = client_for(actors["owner"]).patch(
        f"{URL}{draft['id']}/", {"incident_date": when.isoformat(), "injury": True}, format="json"
    )
    assert response.status_code == 200, response.content
    claim = Claim.objects.get(pk=draft["id"])
    assert claim.incident_date == when and claim.injury


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (lambda: timezone.now() + datetime.timedelta(hours=2), "incident_in_future"),
        (lambda: timezone.now() - datetime.timedelta(days=400), "incident_outside_cover"),
    ],
)
def test_a_draft_date_outside_the_rules_is_refused_and_changes_nothing(actors, when, code):
    draft = _draft(actors)
    before = Claim.objects.get(pk=draft["id"]).incident_date
    response = client_for(actors["owner"]).patch(
        f"{URL}{draft['id']}/", {"incident_date": when().isoformat(), "description": "Changed"}, format="json"
    )
    assert assert_problem(response, 400)["type"].endswith(code)
    claim = Claim.objects.get(pk=draft["id"])
    assert claim.incident_date == before and claim.description == "Scraped by a matatu on Thika Road."


def test_the_date_of_a_submitted_claim_is_locked_for_everyone(actors):
    draft = _draft(actors)
    api = client_for(actors["owner"])
    assert api.post(f"{URL}{draft['id']}/transition/", {"to": "submitted"}, format="json").status_code == 200
    when = (timezone.now() - datetime.timedelta(days=3)).isoformat()
    for who in ("owner", "agent"):
        response = client_for(actors[who]).patch(f"{URL}{draft['id']}/", {"incident_date": when}, format="json")
        assert assert_problem(response, 409)["type"].endswith("incident_date_locked"), who


def test_the_customer_submits_their_draft_and_its_clock_starts(actors):
    draft = _draft(actors)
    response = client_for(actors["owner"]).post(f"{URL}{draft['id']}/transition/", {"to": "submitted"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "submitted" and body["submitted_at"] and body["sla_due_at"]


def test_editing_a_draft_follows_the_access_matrix(actors):
    draft = _draft(actors)
    when = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    AccessMatrix(actors).assert_write(
        lambda client: client.patch(f"{URL}{draft['id']}/", {"incident_date": when}, format="json"),
        expected={"owner": 200, **dict.fromkeys(OFFICE, 200)},
    )


def test_submitting_or_withdrawing_a_draft_follows_the_access_matrix(actors):
    draft = _draft(actors)
    AccessMatrix(actors).assert_write(
        lambda client: client.post(f"{URL}{draft['id']}/transition/", {"to": "withdrawn"}, format="json"),
        # the owner withdraws it first; the desk then finds it withdrawn (illegal), others may not see it
        expected={"owner": 200, **dict.fromkeys(OFFICE, 409)},
    )
    assert Claim.objects.get(pk=draft["id"]).status == ClaimStatus.WITHDRAWN


def test_a_draft_whose_policy_lapsed_meanwhile_is_not_sent_and_stays_a_draft(actors):
    draft = _draft(actors)
    Policy.objects.filter(pk=draft["policy"]).update(status=PolicyStatus.LAPSED)
    response = client_for(actors["owner"]).post(f"{URL}{draft['id']}/transition/", {"to": "submitted"}, format="json")
    assert assert_problem(response, 409)["type"].endswith("policy_not_active")
    claim = Claim.objects.get(pk=draft["id"])
    assert claim.status == ClaimStatus.DRAFT and claim.submitted_at is None


def test_a_draft_whose_incident_falls_outside_the_cover_now_is_not_sent(actors):
    draft = _draft(actors)
    # The policy's period was corrected after the draft was written: the incident is before it now.
    Policy.objects.filter(pk=draft["policy"]).update(start_date=timezone.localdate() - datetime.timedelta(days=1))
    response = client_for(actors["owner"]).post(f"{URL}{draft['id']}/transition/", {"to": "submitted"}, format="json")
    assert assert_problem(response, 400)["type"].endswith("incident_outside_cover")
    assert Claim.objects.get(pk=draft["id"]).status == ClaimStatus.DRAFT
