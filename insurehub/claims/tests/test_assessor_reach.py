"""Assessors see the customers' records of the claims assigned to them, and no others: the policy, its
vehicle, its payment schedule, its payments and their refunds (they saw every customer's before).
Agents and supervisors still see every customer's records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from insurehub.claims.services import claim_assign
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import AccessMatrix, client_for
from insurehub.payments.services import card_intent_create, card_sandbox_settle, refund_request
from insurehub.payments.tests.builders import pending_policy
from insurehub.policies.services import policy_cancel
from insurehub.realtime.models import OutboxEvent
from insurehub.realtime.subscriptions import base_groups

OFFICE = {"agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin"}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sandbox_cards(settings):
    settings.CARD_PROVIDER = "sandbox"


@pytest.fixture
def records(actors):
    """A paid policy of `owner`'s with a refund asked for, and a claim on it."""
    policy = pending_policy(customer=actors["owner"])
    txn, _ = card_intent_create(policy=policy, instalment=None, initiated_by=actors["owner"])
    txn = card_sandbox_settle(txn=txn, succeed=True, actor=actors["owner"])
    refund = refund_request(txn=txn, amount=txn.amount, reason="paid twice", requested_by=actors["owner"])
    policy.refresh_from_db()
    claim = file_claim(policy=policy, vehicle=policy.vehicle, days_ago=0)
    return {"policy": policy, "txn": txn, "refund": refund, "claim": claim}


def _matrices(actors, records, visible):
    policy, txn = records["policy"], records["txn"]
    matrix = AccessMatrix(actors)
    matrix.assert_read(
        visible=visible, object_id=policy.pk, detail_url=f"/api/policies/{policy.pk}/", list_url="/api/policies/"
    )
    matrix.assert_read(
        visible=visible,
        object_id=policy.vehicle_id,
        detail_url=f"/api/vehicles/{policy.vehicle_id}/",
        list_url="/api/vehicles/",
    )
    matrix.assert_read(
        visible=visible,
        object_id=txn.pk,
        detail_url=f"/api/payments/transactions/{txn.pk}/",
        list_url="/api/payments/transactions/",
    )
    schedule = policy.payment_schedule
    matrix.assert_read(
        visible=visible,
        object_id=schedule.pk,
        detail_url=f"/api/payments/schedules/{schedule.pk}/",
        list_url="/api/payments/schedules/",
    )
    matrix.assert_read(visible=visible, object_id=records["refund"].pk, list_url="/api/payments/refunds/")


def test_an_assessor_without_the_claim_sees_none_of_the_customers_records(actors, records):
    _matrices(actors, records, {"owner", *OFFICE})


def test_the_assigned_assessor_sees_the_records_of_their_claim(actors, records):
    claim_assign(claim=records["claim"], assigned_by=actors["supervisor"], assessor=actors["assessor"])
    _matrices(actors, records, {"owner", "assessor", *OFFICE})


def test_records_reached_through_two_claims_are_listed_once(actors, records):
    claim_assign(claim=records["claim"], assigned_by=actors["supervisor"], assessor=actors["assessor"])
    second = file_claim(policy=records["policy"], vehicle=records["policy"].vehicle, days_ago=0)
    claim_assign(claim=second, assigned_by=actors["supervisor"], assessor=actors["assessor"])
    assessor = client_for(actors["assessor"])
    for url in ("/api/policies/", "/api/vehicles/", "/api/payments/transactions/", "/api/payments/schedules/"):
        ids = [item["id"] for item in assessor.get(url).json()["results"]]
        assert len(ids) == len(set(ids)) == 1, (url, ids)


def test_the_assessors_lists_cost_one_query_whatever_the_claims(actors, records):
    """The claims are reached through a subquery, not a query per claim."""
    claim_assign(claim=records["claim"], assigned_by=actors["supervisor"], assessor=actors["assessor"])
    assessor = client_for(actors["assessor"])
    assessor.get("/api/policies/")  # the first request caches the signed-in user (users/auth_cache.py)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert assessor.get("/api/policies/").status_code == 200
        counts.append(len(queries))
        second = file_claim(policy=records["policy"], vehicle=records["policy"].vehicle, days_ago=0)
        claim_assign(claim=second, assigned_by=actors["supervisor"], assessor=actors["assessor"])
    assert counts[0] == counts[1]


def test_payment_and_policy_events_reach_the_assigned_assessor_only(actors, records):
    """Event audiences follow the same rule: the sockets of assessors not on the claim never get them."""
    claim_assign(claim=records["claim"], assigned_by=actors["supervisor"], assessor=actors["assessor"])
    policy = records["policy"]
    after = OutboxEvent.objects.latest("id").id
    txn, _ = card_intent_create(policy=policy, instalment=policy.payment_schedule.instalments.filter(
        status="due").first(), initiated_by=actors["owner"])  # fmt: skip
    card_sandbox_settle(txn=txn, succeed=True, actor=actors["owner"])
    policy_cancel(policy=policy, cancelled_by=actors["owner"], reason="sold the car")
    events = list(OutboxEvent.objects.filter(type__in=["payment.succeeded", "policy.status_changed"], id__gt=after))
    assert {event.type for event in events} == {"payment.succeeded", "policy.status_changed"}
    for event in events:
        hears = {name for name, user in actors.items() if set(base_groups(user)) & set(event.audience)}
        assert hears == {"owner", "assessor", *OFFICE}, (event.type, hears)
