"""Cancelling a policy gives back the unearned premium: the preview and the cancellation itself
compute it with one function (payments/cancellation.py)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.audit.models import AuditEvent
from insurehub.core.money import money
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for, idempotency_key
from insurehub.payments.cancellation import cancellation_refund
from insurehub.payments.models import Method, Refund, Transaction, TransactionStatus
from insurehub.payments.services import card_sandbox_settle
from insurehub.payments.tests.builders import pending_policy
from insurehub.policies.models import PaymentPlan, Policy, PolicyStatus

pytestmark = pytest.mark.django_db

STAFF = {"agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin"}


def quote_url(policy) -> str:
    return f"/api/policies/{policy.pk}/cancellation-quote/"


def paid_policy(settings, customer=None, *, started_days_ago: int = 0) -> Policy:
    """An annual motor policy paid in full by (sandbox) card, its cover started `started_days_ago`."""
    settings.CARD_PROVIDER = "sandbox"
    policy = pending_policy(customer=customer, plan=PaymentPlan.ANNUAL)
    body = client_for(policy.customer).post(
        "/api/payments/card/intents/", {"policy": str(policy.pk)}, format="json", **idempotency_key()
    )
    txn = Transaction.objects.get(pk=body.json()["transaction"]["id"])
    card_sandbox_settle(txn=txn, succeed=True, actor=policy.customer)
    start = timezone.localdate() - datetime.timedelta(days=started_days_ago)
    Policy.objects.filter(pk=policy.pk).update(start_date=start, end_date=start + datetime.timedelta(days=364))
    return Policy.objects.get(pk=policy.pk)


def test_the_preview_is_the_unearned_premium_and_the_cancellation_asks_for_exactly_it(settings, actors):
    policy = paid_policy(settings, actors["owner"], started_days_ago=73)
    assert policy.status == PolicyStatus.ACTIVE
    api = client_for(actors["owner"])
    preview = api.get(quote_url(policy))
    assert preview.status_code == 200, preview.content
    body = preview.json()
    earned = money(policy.premium * 74 / 365)  # the day of cancellation is a day covered
    assert body["days_in_period"] == 365 and body["days_covered"] == 74
    assert body["paid"] == str(policy.premium) and body["earned"] == str(earned)
    assert body["refund"] == str(policy.premium - earned) and body["currency"] == "KES"
    assert not Refund.objects.exists()  # a preview writes nothing

    assert api.post(f"/api/policies/{policy.pk}/cancel/", {"reason": "sold the car"}, format="json").status_code == 200
    refunds = list(Refund.objects.filter(transaction__policy=policy))
    assert [r.amount for r in refunds] == [Decimal(body["refund"])]
    assert refunds[0].status == Refund.Status.REQUESTED and refunds[0].requested_by == actors["owner"]
    assert AuditEvent.objects.filter(action="payment.refund_requested", object_id=str(refunds[0].pk)).exists()
    # Cancelled: nothing more to preview, and nothing asked for twice.
    assert_problem(api.get(quote_url(policy)), 409)


def test_before_cover_starts_all_of_it_comes_back_and_an_unpaid_quote_gives_nothing(settings, actors):
    policy = paid_policy(settings, actors["owner"])
    later = policy.start_date - datetime.timedelta(days=1)  # as if cancelled the day before the start
    ahead = cancellation_refund(policy, on=later)
    assert ahead.days_covered == 0 and ahead.refund == policy.premium
    past_end = cancellation_refund(policy, on=policy.end_date + datetime.timedelta(days=10))
    assert past_end.days_covered == 365 and past_end.refund == 0

    quote = pending_policy(customer=actors["owner"])  # accepted, unpaid
    assert client_for(actors["owner"]).get(quote_url(quote)).json()["refund"] == "0.00"
    client_for(actors["owner"]).post(f"/api/policies/{quote.pk}/cancel/", {"reason": "changed my mind"}, format="json")
    assert not Refund.objects.filter(transaction__policy=quote).exists()


def test_money_already_refunded_or_asked_for_is_not_given_twice(settings, actors):
    policy = paid_policy(settings, actors["owner"])
    txn = Transaction.objects.get(policy=policy, method=Method.CARD)
    Refund.objects.create(transaction=txn, amount=Decimal("10000.00"), reason="goodwill", requested_by=actors["agent"])
    quote = cancellation_refund(policy)
    assert quote.kept == policy.premium - Decimal("10000.00")
    assert quote.refund == money(quote.kept - quote.earned)
    assert [(t.pk, amount) for t, amount in quote.allocations] == [(txn.pk, quote.refund)]


def test_the_preview_follows_the_policys_visibility(settings, actors):
    policy = paid_policy(settings, actors["owner"])
    AccessMatrix(actors).assert_read(visible={"owner", *STAFF}, object_id=policy.pk, detail_url=quote_url(policy))
    assert_problem(client_for(actors["owner"]).get("/api/policies/not-a-uuid/cancellation-quote/"), 404)


def test_the_preview_costs_a_fixed_number_of_queries(settings, actors):
    policy = paid_policy(settings, actors["owner"])

    def grow():
        for n in range(3):
            Transaction.objects.create(
                reference=f"IHTESTPAY{n:03d}",
                customer=policy.customer,
                policy=policy,
                method=Method.MPESA,
                amount=Decimal("100.00"),
                currency="KES",
                status=TransactionStatus.SUCCEEDED,
            )

    assert_constant_queries(client_for(actors["owner"]), quote_url(policy), grow=grow, max_queries=6)
