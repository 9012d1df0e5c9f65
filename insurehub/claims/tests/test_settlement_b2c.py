"""A settlement paid by M-Pesa B2C against the Daraja stand-in (a real local HTTP server our httpx
client talks to): the claim turns settled only when the result callback says the money left; a failed
payout sends the claim back to its agent; a timeout or a lost result is resolved by the transaction
status query; a duplicate, forged, unknown or mismatched result changes nothing; a payout above the
payer's authority waits for a supervisor."""

from decimal import Decimal

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim, ClaimCommunication, ClaimSettlement, ClaimStatusHistory, Reserve
from insurehub.claims.tests.test_access import Claims
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, assert_problem, client_for, idempotency_key
from insurehub.payments import privacy as payment_data
from insurehub.payments.models import Direction, Transaction
from insurehub.payments.payouts.flow import payouts_sweep
from insurehub.payments.services import payout_confirm
from insurehub.payments.tests.standins import daraja_standin
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PHONE = "0712345678"


@pytest.fixture
def standin(settings):
    with daraja_standin(settings) as running:
        yield running


def _accepted_settlement(actors, *, method: str = "mpesa"):
    actors["owner"].phone = PHONE
    actors["owner"].save()
    claim, settlement = Claims(actors).with_settlement(approved=True)
    ClaimSettlement.objects.filter(pk=settlement.pk).update(method=method)
    return claim, ClaimSettlement.objects.get(pk=settlement.pk)


def _pay(user, claim, settlement, capture):
    with capture(execute=True):  # the payout is sent to B2C after the commit
        response = client_for(user).post(
            f"/api/claims/{claim.pk}/settlement/{settlement.pk}/", {"action": "pay"}, format="json", **idempotency_key()
        )
    assert response.status_code == 200, response.content
    return Transaction.objects.get(direction=Direction.OUT, claim_settlement=settlement)


def _deliver(path_and_body, capture=None):
    path, body = path_and_body
    if capture is None:
        return client_for(None).post(path, body, format="json")
    with capture(execute=True):
        return client_for(None).post(path, body, format="json")


def _state(claim, settlement, payout):
    claim.refresh_from_db()
    settlement.refresh_from_db()
    payout.refresh_from_db()
    reserve = Reserve.objects.get(claim=claim, cost_type=settlement.cost_type)
    return claim.status, settlement.status, payout.status, reserve.paid


def test_paid_by_b2c_the_claim_is_settled_when_the_result_arrives_and_a_late_duplicate_changes_nothing(
    actors, standin, django_capture_on_commit_callbacks
):
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)

    request = standin.payouts[payout.reference]  # our reference is the OriginatorConversationID
    assert request["credential_ok"]  # the initiator password, encrypted with the stand-in's certificate
    assert (request["CommandID"], request["Amount"], request["PartyB"]) == ("BusinessPayment", 40000, "254712345678")
    assert request["ResultURL"].startswith("https://insurehub.example/api/payments/mpesa/b2c/result/?token=")
    assert _state(claim, settlement, payout) == ("settlement", "approved", "pending", Decimal("40000.00"))
    assert payout.payout_stage == "sent" and payout.provider_reference == request["ConversationID"]

    result = standin.b2c_result(payout.reference)
    answer = _deliver(result)
    assert answer.status_code == 200 and answer.json() == {"ResultCode": 0, "ResultDesc": "Accepted (paid)"}
    assert _state(claim, settlement, payout) == ("settled", "paid", "succeeded", Decimal("40000.00"))
    assert payout.receipt_number == standin.payouts[payout.reference]["receipt"]
    assert ClaimStatusHistory.objects.filter(claim=claim, to_status="settled").count() == 1
    assert OutboxEvent.objects.filter(type="payout.succeeded").count() == 1

    again = _deliver(result)  # Daraja's late duplicate
    assert again.status_code == 200 and again.json()["ResultDesc"] == "Accepted (duplicate)"
    assert _state(claim, settlement, payout) == ("settled", "paid", "succeeded", Decimal("40000.00"))
    assert ClaimStatusHistory.objects.filter(claim=claim, to_status="settled").count() == 1
    assert OutboxEvent.objects.filter(type="payout.succeeded").count() == 1
    assert AuditEvent.objects.filter(action="payment.payout_succeeded").count() == 1
    # Paying again is refused: the settlement is paid.
    assert_problem(
        client_for(actors["supervisor"]).post(
            f"/api/claims/{claim.pk}/settlement/{settlement.pk}/", {"action": "pay"}, format="json", **idempotency_key()
        ),
        409,
    )


def test_a_failed_payout_sends_the_claim_back_to_its_agent_with_the_reason(
    actors, standin, django_capture_on_commit_callbacks
):
    standin.b2c_mode = "insufficient_funds"
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)
    assert _deliver(standin.b2c_result(payout.reference)).json()["ResultDesc"] == "Accepted (failed)"

    # The reserve is given back, the settlement closed, the claim still in settlement for the agent.
    assert _state(claim, settlement, payout) == ("settlement", "rejected", "failed", Decimal("0.00"))
    assert "balance is insufficient" in payout.failure_reason
    note = ClaimCommunication.objects.get(claim=claim, subject="Settlement payout failed")
    assert payout.reference in note.body and "insufficient" in note.body
    failed = OutboxEvent.objects.get(type="payout.failed")
    assert failed.data["reason"] == payout.failure_reason
    sent_back = OutboxEvent.objects.filter(type="claim.updated", data__settlement="payout_failed").get()
    assert sent_back.data["reason"] == payout.failure_reason
    assert AuditEvent.objects.filter(action="claim.settlement_payout_failed", object_id=str(claim.pk)).exists()
    # A new settlement may be proposed.
    response = client_for(actors["agent"]).post(
        f"/api/claims/{claim.pk}/settlement/",
        {"amount": "40000.00", "payee": "Westlands Motors", "method": "cheque", "cost_type": "own_damage"},
        format="json",
        **idempotency_key(),
    )
    assert response.status_code == 201, response.content


def test_a_queue_timeout_is_resolved_by_the_status_query(actors, standin, django_capture_on_commit_callbacks):
    standin.b2c_mode = "queue_timeout"
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)
    answer = _deliver(standin.b2c_timeout(payout.reference), django_capture_on_commit_callbacks)
    assert answer.json()["ResultDesc"] == "Accepted (queried)"
    assert _state(claim, settlement, payout)[2] == "pending"  # a timeout is not a failure
    (query,) = standin.status_queries  # asked at once, with our reference
    assert query["OriginatorConversationID"] == payout.reference and query["Occasion"] == payout.reference
    # M-Pesa never processed it: it has no record, so the payout failed and the claim went back.
    assert _deliver(standin.status_result(query)).json()["ResultDesc"] == "Accepted (failed)"
    assert _state(claim, settlement, payout) == ("settlement", "rejected", "failed", Decimal("0.00"))
    assert "no record" in payout.failure_reason


def test_a_result_that_never_comes_is_learnt_from_the_periodic_status_query(
    actors, standin, django_capture_on_commit_callbacks
):
    standin.b2c_mode = "lost"
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)
    assert payouts_sweep(older_than_minutes=60) == {"sent": 0, "asked": 0, "unanswered": 0}  # not due yet
    assert payouts_sweep(older_than_minutes=0) == {"sent": 0, "asked": 1, "unanswered": 0}
    assert _deliver(standin.status_result()).json()["ResultDesc"] == "Accepted (paid)"
    assert _state(claim, settlement, payout) == ("settled", "paid", "succeeded", Decimal("40000.00"))
    assert payout.receipt_number == standin.payouts[payout.reference]["receipt"]
    # The result arriving after all is a duplicate.
    assert _deliver(standin.b2c_result(payout.reference)).json()["ResultDesc"] == "Accepted (duplicate)"
    assert ClaimStatusHistory.objects.filter(claim=claim, to_status="settled").count() == 1


def test_forged_unknown_and_mismatched_results_are_refused_and_change_nothing(
    actors, standin, django_capture_on_commit_callbacks
):
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)
    path, body = standin.b2c_result(payout.reference)
    anonymous = client_for(None)

    forged = path.replace("token=callback-secret-for-tests", "token=guess")
    assert_problem(anonymous.post(forged, body, format="json"), 403)
    assert_problem(anonymous.post(path.split("?")[0], body, format="json"), 403)  # no token
    unknown = {"Result": {**body["Result"], "OriginatorConversationID": "IHNOSUCHPAY1"}}
    assert assert_problem(anonymous.post(path, unknown, format="json"), 404)["type"] == "/problems/unknown_payout"
    other = {"Result": {**body["Result"], "ConversationID": "AG_20260101_forged"}}
    problem = assert_problem(anonymous.post(path, other, format="json"), 409)
    assert problem["type"] == "/problems/conversation_mismatch"
    assert assert_problem(anonymous.post(path, {"nope": 1}, format="json"), 400)["type"] == (
        "/problems/malformed_callback"
    )
    assert _state(claim, settlement, payout) == ("settlement", "approved", "pending", Decimal("40000.00"))
    assert anonymous.post(path, body, format="json").status_code == 200  # the genuine one still pays
    assert _state(claim, settlement, payout)[0] == "settled"


def test_a_payout_above_the_payers_authority_waits_for_a_supervisor(
    actors, standin, settings, django_capture_on_commit_callbacks
):
    settings.PAYOUT_AUTHORITY_LIMITS = {**settings.PAYOUT_AUTHORITY_LIMITS, "agent": "10000"}
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["agent"], claim, settlement, django_capture_on_commit_callbacks)
    assert payout.payout_stage == "awaiting_approval" and not standin.payouts  # nothing sent

    # A result for a payout never sent is refused.
    url = "/api/payments/mpesa/b2c/result/?token=callback-secret-for-tests"
    fake = {"Result": {"ResultCode": 0, "OriginatorConversationID": payout.reference, "ConversationID": ""}}
    assert_problem(client_for(None).post(url, fake, format="json"), 409)
    # Cheques and bank payouts are confirmed by hand; a held one cannot have been paid.
    release = f"/api/payments/transactions/{payout.pk}/payout/release/"
    AccessMatrix(actors).assert_write(
        lambda client: client.post(release, {}, format="json"),  # no Idempotency-Key: 400 for those let in
        expected={"owner": 403, "other_customer": 403, "agent": 403, "agent_other_dept": 403, "assessor": 403,
                  "assessor_other": 403, "supervisor": 400, "supervisor_other_dept": 400, "admin": 400},
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        released = client_for(actors["supervisor"]).post(release, {}, format="json", **idempotency_key())
    assert released.status_code == 200, released.content
    assert released.json()["payout_stage"] == "ready"  # released; sent to B2C once that committed
    payout.refresh_from_db()
    assert payout.payout_stage == "sent" and payout.payout_approved_by == actors["supervisor"]
    assert payout.reference in standin.payouts
    again = client_for(actors["admin"]).post(release, {}, format="json", **idempotency_key())
    assert assert_problem(again, 409)["type"] == "/problems/not_awaiting_approval"
    _deliver(standin.b2c_result(payout.reference))
    assert _state(claim, settlement, payout)[:3] == ("settled", "paid", "succeeded")


def test_the_payer_may_not_release_their_own_payout(actors, standin, settings, django_capture_on_commit_callbacks):
    settings.PAYOUT_AUTHORITY_LIMITS = {**settings.PAYOUT_AUTHORITY_LIMITS, "supervisor": "10000"}
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)
    release = f"/api/payments/transactions/{payout.pk}/payout/release/"
    other = UserFactory(role=Role.SUPERVISOR, department=Department.MOTOR)
    # Above the other supervisor's authority too; the payer may not release their own.
    assert assert_problem(client_for(other).post(release, {}, **idempotency_key()), 403)["type"] == (
        "/problems/above_authority"
    )
    settings.PAYOUT_AUTHORITY_LIMITS = {**settings.PAYOUT_AUTHORITY_LIMITS, "supervisor": "50000"}
    assert assert_problem(client_for(actors["supervisor"]).post(release, {}, **idempotency_key()), 403)["type"] == (
        "/problems/maker_checker"
    )
    assert client_for(other).post(release, {}, **idempotency_key()).status_code == 200


def test_the_payouts_desk_lists_held_payouts_with_their_claim_for_supervisors_only(
    actors, settings, django_capture_on_commit_callbacks
):
    settings.PAYOUT_AUTHORITY_LIMITS = {**settings.PAYOUT_AUTHORITY_LIMITS, "agent": "10000"}
    claim, settlement = _accepted_settlement(actors, method="cheque")
    payout = _pay(actors["agent"], claim, settlement, django_capture_on_commit_callbacks)
    url = "/api/payments/payouts/"
    AccessMatrix(actors).assert_write(
        lambda client: client.get(url),
        expected={"owner": 403, "other_customer": 403, "agent": 403, "agent_other_dept": 403, "assessor": 403,
                  "assessor_other": 403, "supervisor": 200, "supervisor_other_dept": 200, "admin": 200},
    )  # fmt: skip
    supervisor = client_for(actors["supervisor"])
    held = supervisor.get(url, {"payout_stage": "awaiting_approval"}).json()["results"]
    assert [row["id"] for row in held] == [str(payout.pk)]
    assert held[0]["claim"] == {"id": str(claim.pk), "claim_number": claim.claim_number}
    assert held[0]["payee"] == settlement.payee and held[0]["refund"] is None and held[0]["direction"] == "out"
    assert supervisor.get(url, {"status": "succeeded"}).json()["results"] == []
    assert_problem(supervisor.get(url, {"payout_stage": "nonsense"}), 400)
    with django_capture_on_commit_callbacks(execute=True):
        released = supervisor.post(f"/api/payments/transactions/{payout.pk}/payout/release/", {}, **idempotency_key())
    assert released.json()["payout_stage"] == "confirming"  # a cheque: finance writes it and confirms it
    assert supervisor.get(url, {"payout_stage": "awaiting_approval"}).json()["results"] == []
    assert [row["id"] for row in supervisor.get(url, {"status": "pending"}).json()["results"]] == [str(payout.pk)]


def test_a_cheque_settles_the_claim_when_finance_confirms_it(actors):
    claim, settlement = _accepted_settlement(actors, method="cheque")
    response = client_for(actors["supervisor"]).post(
        f"/api/claims/{claim.pk}/settlement/{settlement.pk}/", {"action": "pay"}, format="json", **idempotency_key()
    )
    assert response.status_code == 200
    payout = Transaction.objects.get(claim_settlement=settlement)
    assert payout.payout_stage == "confirming" and Claim.objects.get(pk=claim.pk).status == "settlement"
    payout_confirm(payout=payout, provider_reference="CHQ-000123", confirmed_by=actors["admin"])
    assert _state(claim, settlement, payout) == ("settled", "paid", "succeeded", Decimal("40000.00"))
    assert payout.receipt_number == "CHQ-000123"


def test_a_paid_payout_is_in_the_customers_export_and_erasure_removes_what_mpesa_said_about_them(
    actors, standin, django_capture_on_commit_callbacks
):
    claim, settlement = _accepted_settlement(actors)
    payout = _pay(actors["supervisor"], claim, settlement, django_capture_on_commit_callbacks)
    _deliver(standin.b2c_result(payout.reference))
    payout.refresh_from_db()
    assert "254712345678" in str(payout.provider_payloads)  # B2C's request and result name the phone

    exported = [row for row in payment_data.export(actors["owner"]) if row["reference"] == payout.reference]
    assert exported == [
        {
            "reference": payout.reference,
            "method": "mpesa",
            "direction": "out",
            "amount": "40000.00",
            "currency": payout.currency,
            "status": "succeeded",
            "receipt_number": payout.receipt_number,
            "phone": payout.phone,
            "payout_stage": payout.payout_stage,
            "failure_reason": "",
            "created_at": payout.created_at.isoformat(),
            "completed_at": payout.completed_at.isoformat(),
        }
    ]

    receipt = payout.receipt_number
    assert receipt
    outcome = payment_data.erase(actors["owner"])
    payout.refresh_from_db()
    assert outcome["provider_messages_removed"] >= 1
    assert "254712345678" not in str(payout.provider_payloads) and payout.phone == ""
    assert {item["body"] for item in payout.provider_payloads} == {"erased"}
    # The accounting record stays whole.
    assert (payout.status, payout.amount, payout.receipt_number) == ("succeeded", Decimal("40000.00"), receipt)
    assert payment_data.erase(actors["owner"])["provider_messages_removed"] == 0  # once
