"""Payout results and payout files at the same moment, on PostgreSQL: Daraja's result delivered twice
at once with the status query's answer, and two finance runs making a payout file at once. The
payout's row lock makes one of them pay and the others find it paid: money out is recorded once, a
claim settled once, a payout in one file."""

import pytest
from django.db import connection

from insurehub.claims.models import ClaimStatusHistory
from insurehub.claims.services import settlement_pay
from insurehub.claims.tests.test_access import Claims
from insurehub.core.errors import ApplicationError
from insurehub.payments.models import PayoutBatch, Transaction, TransactionStatus
from insurehub.payments.payouts.batches import payout_batch_create
from insurehub.payments.payouts.flow import b2c_result_record, b2c_status_result_record, payout_send
from insurehub.payments.services import payout_create
from insurehub.payments.tests.standins import daraja_standin
from insurehub.payments.tests.test_races import run_together
from insurehub.realtime.models import OutboxEvent

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("attempt", range(3))
def test_a_result_delivered_twice_at_once_with_the_status_answer_settles_the_claim_once(settings, actors, attempt):
    with daraja_standin(settings) as standin:
        actors["owner"].phone = "0712345678"
        actors["owner"].save()
        claim, settlement = Claims(actors).with_settlement(approved=True)
        type(settlement).objects.filter(pk=settlement.pk).update(method="mpesa")
        settlement.refresh_from_db()
        payout = settlement_pay(settlement=settlement, paid_by=actors["supervisor"]).paid_transaction
        # Committed: the payout was sent to B2C right after (eager tasks), and never again.
        assert payout_send(payout_id=payout.pk) == "skipped" and list(standin.payouts) == [payout.reference]
        _, result = standin.b2c_result(payout.reference)
        standin.status_queries.append(
            {"OriginatorConversationID": payout.reference, "Occasion": payout.reference,
             "ResultURL": "https://insurehub.example/api/payments/mpesa/b2c/status-result/?token=x"}
        )  # fmt: skip
        _, status = standin.status_result()
        outcomes = run_together(
            lambda: b2c_result_record(payload=result),
            lambda: b2c_result_record(payload=result),
            lambda: b2c_status_result_record(payload=status),
        )
    assert sorted(outcomes) == ["duplicate", "duplicate", "paid"], outcomes
    assert Transaction.objects.get(pk=payout.pk).status == TransactionStatus.SUCCEEDED
    assert ClaimStatusHistory.objects.filter(claim=claim, to_status="settled").count() == 1
    assert OutboxEvent.objects.filter(type="payout.succeeded").count() == 1


@pytest.mark.parametrize("attempt", range(3))
def test_two_payout_file_runs_at_once_put_each_payout_in_one_file(actors, attempt):
    for n in range(3):
        payout_create(
            amount="100.00", currency="KES", method="bank_transfer", customer=actors["owner"], policy=None,
            created_by=actors["supervisor"], reason=f"race {n}", payee="Garage",
        )  # fmt: skip

    def run():
        try:
            return payout_batch_create(created_by=actors["supervisor"]).line_count
        except ApplicationError as exc:
            return exc.code

    assert sorted(run_together(run, run), key=str) == [3, "nothing_to_pay"]
    assert PayoutBatch.objects.count() == 1
    assert Transaction.objects.filter(payout_stage="batched").count() == 3
