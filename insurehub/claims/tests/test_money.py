"""Money on a claim: authority limits on approval (maker-checker), the open reserve as the
ceiling of a payment, and a settlement paid once however many people press the button."""

import threading
import uuid
from decimal import Decimal

import pytest
from django.db import connection

from insurehub.claims.models import ClaimSettlement, Reserve
from insurehub.claims.tests.test_access import Claims
from insurehub.core.testing import assert_problem, client_for, idempotency_key
from insurehub.payments.models import Transaction

pytestmark = pytest.mark.django_db


def test_unknown_vehicle_is_404_and_writes_nothing(actors):
    claims = Claims(actors)
    body = {
        "policy": str(claims.policy.pk),
        "vehicle": str(uuid.uuid4()),
        "incident_date": "2026-01-01T00:00:00Z",
        "description": "Hit a pothole.",
    }
    assert_problem(client_for(actors["owner"]).post("/api/claims/", body, format="json"), 404)
    assert not claims.policy.claims.exists()


def test_settlement_approval_above_the_agents_authority_needs_a_supervisor(actors, settings):
    settings.CLAIM_AUTHORITY_LIMITS = {**settings.CLAIM_AUTHORITY_LIMITS, "agent": "10000"}
    claim, settlement = Claims(actors).with_settlement(approved=False)  # 40 000 proposed by another agent
    url = f"/api/claims/{claim.pk}/settlement/{settlement.pk}/"
    body = assert_problem(
        client_for(actors["agent"]).post(url, {"action": "approve"}, format="json", **idempotency_key()), 403
    )
    assert body["type"] == "/problems/above_authority"
    settlement.refresh_from_db()
    assert settlement.status == "proposed" and settlement.approved_by is None
    response = client_for(actors["supervisor"]).post(url, {"action": "approve"}, format="json", **idempotency_key())
    assert response.status_code == 200 and response.json()["status"] == "approved"


def test_payment_above_the_open_reserve_changes_nothing(actors):
    claim, settlement = Claims(actors).with_settlement(approved=True)
    Reserve.objects.filter(claim=claim).update(amount=Decimal("30000.00"))  # below the 40 000 settlement
    url = f"/api/claims/{claim.pk}/settlement/{settlement.pk}/"
    body = assert_problem(
        client_for(actors["supervisor"]).post(url, {"action": "pay"}, format="json", **idempotency_key()), 409
    )
    assert body["type"] == "/problems/above_reserve"
    settlement.refresh_from_db()
    claim.refresh_from_db()
    assert settlement.status == "approved" and claim.status == "settlement"
    assert Reserve.objects.get(claim=claim).paid == 0
    assert not Transaction.objects.filter(direction="out").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_payments_pay_once(actors):
    claim, settlement = Claims(actors).with_settlement(approved=True)
    results, barrier = [], threading.Barrier(4)

    def pay(user):
        from django.db import connection as thread_connection

        from insurehub.claims.services import settlement_pay

        try:
            barrier.wait()
            settlement_pay(settlement=ClaimSettlement.objects.get(pk=settlement.pk), paid_by=user)
            results.append("paid")
        except Exception as exc:
            results.append(type(exc).__name__)
        finally:
            thread_connection.close()

    users = [actors["agent"], actors["supervisor"], actors["admin"], actors["agent"]]
    threads = [threading.Thread(target=pay, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ApplicationError"] * 3 + ["paid"], results
    assert Transaction.objects.filter(direction="out", amount=settlement.amount).count() == 1
    assert Reserve.objects.get(claim=claim).paid == settlement.amount


def test_reserves_close_on_rejection_and_reopen_with_the_claim(actors):
    from insurehub.dashboard import rollups

    claim = Claims(actors).submitted()
    agent = client_for(actors["agent"])
    url = f"/api/claims/{claim.pk}/"
    agent.post(url + "transition/", {"to": "under_review"}, format="json")
    agent.post(url + "reserves/", {"cost_type": "injury", "amount": "70000.00", "reason": "hospital"}, format="json")
    agent.post(url + "transition/", {"to": "rejected", "reason": "excluded driver"}, format="json")
    reserve = Reserve.objects.get(claim=claim)
    assert reserve.closed_at is not None and reserve.open_amount == 0
    assert rollups.verify() == {}
    agent.post(url + "transition/", {"to": "under_review", "reason": "licence produced"}, format="json")
    reserve.refresh_from_db()
    assert reserve.closed_at is None and reserve.open_amount == Decimal("70000.00")
    assert rollups.verify() == {}


def test_a_retried_payment_with_its_idempotency_key_gets_the_first_answer(actors):
    claim, settlement = Claims(actors).with_settlement(approved=True)
    supervisor = client_for(actors["supervisor"])
    url = f"/api/claims/{claim.pk}/settlement/{settlement.pk}/"
    first = supervisor.post(url, {"action": "pay"}, format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    again = supervisor.post(url, {"action": "pay"}, format="json", HTTP_IDEMPOTENCY_KEY="pay-1")
    assert first.status_code == again.status_code == 200 and again["Idempotent-Replayed"] == "true"
    assert first.json() == again.json() and first.json()["paid_transaction"]  # the payout is on its way
    assert Transaction.objects.filter(direction="out").count() == 1
    problem = assert_problem(supervisor.post(url, {"action": "pay"}, format="json", **idempotency_key()), 409)
    assert problem["type"] == "/problems/payout_pending"  # a new key: the payout is already made


def test_acknowledged_sla_and_stall_alerts_are_not_raised_every_run(actors, settings):
    import datetime

    from django.utils import timezone

    from insurehub.alerts.models import Alert
    from insurehub.alerts.services import alert_acknowledge
    from insurehub.claims.models import Claim
    from insurehub.claims.services import claims_flag_periodic, communication_add

    settings.CLAIM_STALLED_DAYS = 3
    claim = Claims(actors).submitted()
    long_ago = timezone.now() - datetime.timedelta(days=5)
    Claim.objects.filter(pk=claim.pk).update(
        sla_due_at=timezone.now() - datetime.timedelta(hours=1), last_activity_at=long_ago
    )
    assert claims_flag_periodic() == {"sla_breached": 1, "stalled": 1}
    for alert in Alert.objects.filter(claim=claim, kind__in=["sla_breached", "stalled"]):
        alert_acknowledge(alert=alert, user=actors["supervisor"])
    assert claims_flag_periodic() == {"sla_breached": 0, "stalled": 0}
    # Someone acts, then the claim stalls again: a new stall alert (the SLA breach is still the same one).
    communication_add(
        claim=claim,
        author=actors["agent"],
        channel="note",
        direction="internal",
        party="insurer",
        subject="",
        body="Chased the garage.",
    )
    Claim.objects.filter(pk=claim.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=4))
    Alert.objects.filter(claim=claim, kind="stalled").update(created_at=long_ago)
    assert claims_flag_periodic() == {"sla_breached": 0, "stalled": 1}
    assert Alert.objects.filter(claim=claim, kind="stalled").count() == 2


def test_a_turned_down_settlement_makes_room_for_another(actors):
    claim, settlement = Claims(actors).with_settlement(approved=False)
    supervisor = client_for(actors["supervisor"])
    url = f"/api/claims/{claim.pk}/settlement/"
    body = {"amount": "35000.00", "payee": "Westlands Motors", "method": "bank_transfer"}
    assert_problem(supervisor.post(url, body, format="json", **idempotency_key()), 409)  # one open at a time
    assert_problem(
        supervisor.post(f"{url}{settlement.pk}/", {"action": "reject"}, format="json", **idempotency_key()), 400
    )
    rejected = supervisor.post(
        f"{url}{settlement.pk}/", {"action": "reject", "reason": "quote too high"}, format="json", **idempotency_key()
    )
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert_problem(
        supervisor.post(f"{url}{settlement.pk}/", {"action": "pay"}, format="json", **idempotency_key()), 409
    )
    assert supervisor.post(url, body, format="json", **idempotency_key()).status_code == 201
    timeline = [item["type"] for item in supervisor.get(f"/api/claims/{claim.pk}/timeline/").json()["results"]]
    assert "settlement_rejected" in timeline and "settlement_proposed" in timeline
