"""Who sees which transactions, schedules and refunds; list endpoints cost a fixed number of queries."""

import pytest

from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for, idempotency_key
from insurehub.payments.models import Refund, Transaction
from insurehub.payments.services import card_intent_create, card_sandbox_settle, refund_request
from insurehub.payments.tests.builders import pending_policy

# Assessors see the payments of the claims assigned to them only (claims/tests/test_assessor_reach.py).
STAFF = {"agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin"}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sandbox_cards(settings):
    settings.CARD_PROVIDER = "sandbox"


def paid(customer) -> Transaction:
    policy = pending_policy(customer=customer)
    txn, _ = card_intent_create(policy=policy, instalment=None, initiated_by=customer)
    return card_sandbox_settle(txn=txn, succeed=True, actor=customer)


def test_transaction_access_matrix(actors):
    txn = paid(actors["owner"])
    AccessMatrix(actors).assert_read(
        visible={"owner", *STAFF},
        object_id=txn.pk,
        detail_url=f"/api/payments/transactions/{txn.pk}/",
        list_url="/api/payments/transactions/",
    )


def test_schedule_access_matrix(actors):
    txn = paid(actors["owner"])
    schedule = txn.policy.payment_schedule
    AccessMatrix(actors).assert_read(
        visible={"owner", *STAFF},
        object_id=schedule.pk,
        detail_url=f"/api/payments/schedules/{schedule.pk}/",
        list_url="/api/payments/schedules/",
    )


def test_refund_access_matrix_and_who_decides(actors):
    txn = paid(actors["owner"])
    refund = refund_request(txn=txn, amount=txn.amount, reason="duplicate", requested_by=actors["owner"])
    AccessMatrix(actors).assert_read(visible={"owner", *STAFF}, object_id=refund.pk, list_url="/api/payments/refunds/")
    url = f"/api/payments/refunds/{refund.pk}/decision/"
    AccessMatrix(actors).assert_write(
        lambda client: client.post(url, {"approve": False}, format="json", **idempotency_key()),
        # customers may not decide (403 before the lookup); assessors do not see the payment of a
        # claim not assigned to them (404); the first
        # staff member who may decides, after which the refund is no longer open (409)
        expected={
            "owner": 403,
            "other_customer": 403,
            "agent": 200,
            "agent_other_dept": 409,
            "assessor": 404,
            "assessor_other": 404,
            "supervisor": 409,
            "supervisor_other_dept": 409,
            "admin": 409,
        },
    )
    assert Refund.objects.get().status == Refund.Status.REJECTED


def test_a_customer_cannot_pay_or_refund_someone_elses_policy(actors):
    txn = paid(actors["owner"])
    stranger = client_for(actors["other_customer"])
    for url, body in [
        ("/api/payments/card/intents/", {"policy": str(txn.policy_id)}),
        ("/api/payments/bank-transfers/", {"policy": str(txn.policy_id)}),
        ("/api/payments/refunds/", {"transaction": str(txn.pk), "amount": "1.00", "reason": "mine now"}),
    ]:
        assert_problem(stranger.post(url, body, format="json", **idempotency_key()), 404)
    assert Transaction.objects.count() == 1 and not Refund.objects.exists()


def test_anonymous_callers_get_401_on_money_endpoints():
    for url in ("/api/payments/mpesa/stk-push/", "/api/payments/card/intents/", "/api/payments/refunds/"):
        assert_problem(client_for(None).post(url, {}, format="json"), 401)


def test_payment_lists_cost_a_fixed_number_of_queries(actors):
    paid(actors["owner"])

    def grow():
        for _ in range(3):
            txn = paid(actors["owner"])
            refund_request(txn=txn, amount=txn.amount, reason="r", requested_by=actors["owner"])

    for url in ("/api/payments/transactions/", "/api/payments/schedules/", "/api/payments/refunds/"):
        assert_constant_queries(client_for(actors["owner"]), url, grow=grow, max_queries=6)
