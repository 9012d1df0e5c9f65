"""Bulk reserve by rule and bulk message to customers: each claim under its own lock, transaction and
audit entry, reported per claim (ok / skipped with its reason / error)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim, ClaimCommunication, Reserve, ReserveChange
from insurehub.claims.services import reserve_set
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.notifications.models import Notification
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MANAGERS = ("agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin")
NOT_MANAGERS = ("owner", "other_customer", "assessor", "assessor_other")
FIXED = {"cost_type": "own_damage", "basis": "fixed", "amount": "50000.00"}


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


@pytest.fixture
def policy(actors):
    return _policy(actors["owner"])


def _post(client, kind, payload, **headers):
    return client.post(f"/api/claims/bulk/{kind}/", payload, format="json", **headers)


def _reserve(claim, cost_type="own_damage"):
    row = Reserve.objects.filter(claim=claim, cost_type=cost_type).first()
    return None if row is None else row.amount


class TestBulkReserveAccess:
    def test_who_may_call_it_and_what_each_one_sets(self, actors, policy):
        """Customers and assessors are refused outright; staff get a result per claim in which a
        claim of another department is `not_found` and keeps no reserve."""
        outcomes = {}

        def call(client):
            claim = file_claim(policy=policy)
            response = _post(client, "reserve", {"claims": [str(claim.pk)], "rule": FIXED, "reason": "cat"})
            if response.status_code == 200:
                outcomes[claim.pk] = response.json()["results"][0]["code"]
            return response

        AccessMatrix(actors).assert_write(
            call, expected={**dict.fromkeys(MANAGERS, 200), **dict.fromkeys(NOT_MANAGERS, 403)}
        )
        found = sorted((code, _reserve(Claim.objects.get(pk=pk))) for pk, code in outcomes.items())
        assert found == [("not_found", None)] * 2 + [("ok", Decimal("50000.00"))] * 3


class TestBulkReserveRule:
    def test_percent_of_the_estimate_with_floor_and_cap(self, actors, policy):
        small = file_claim(policy=policy, estimated_cost=Decimal("10000.00"))
        middle = file_claim(policy=policy, estimated_cost=Decimal("100000.50"))
        large = file_claim(policy=policy, estimated_cost=Decimal("900000.00"))
        none = file_claim(policy=policy)
        rule = {"cost_type": "own_damage", "basis": "estimate", "percent": "80", "floor": "20000", "cap": "400000"}

        response = _post(
            client_for(actors["supervisor"]),
            "reserve",
            {"claims": [str(c.pk) for c in (small, middle, large, none)], "rule": rule, "reason": "flood rule"},
        )

        assert response.status_code == 200, response.content
        body = response.json()
        assert [r["amount"] for r in body["results"]] == ["20000.00", "80000.40", "400000.00", "20000.00"]
        assert body["results"][0]["previous_amount"] is None
        assert (body["succeeded"], body["skipped"], body["failed"]) == (4, 0, 0)
        assert _reserve(middle) == Decimal("80000.40")
        change = ReserveChange.objects.get(reserve__claim=middle)
        assert (change.reason, change.actor_id) == ("flood rule", actors["supervisor"].pk)
        assert AuditEvent.objects.filter(action="claim.reserve_changed", object_id=str(middle.pk)).exists()
        call = AuditEvent.objects.get(action="claims.bulk_reserve")
        assert call.changes["counts"] == {"ok": 4, "skipped": 0, "error": 0}
        assert call.changes["rule"]["percent"] == "80.00"

    def test_skips_and_errors_are_per_claim(self, actors, policy):
        """No estimate and no floor, a reserve already higher, the same figure, a closed claim are
        skipped; above the agent's authority is an error (a supervisor sets it); the rest is done."""
        agent = actors["agent"]
        no_estimate = file_claim(policy=policy)
        higher = file_claim(policy=policy, estimated_cost=Decimal("1000"))
        reserve_set(claim=higher, cost_type="own_damage", amount=Decimal("5000"), reason="set", actor=agent)
        same = file_claim(policy=policy, estimated_cost=Decimal("2000"))
        reserve_set(claim=same, cost_type="own_damage", amount=Decimal("1000"), reason="set", actor=agent)
        closed = file_claim(policy=policy, estimated_cost=Decimal("1000"))
        Claim.objects.filter(pk=closed.pk).update(status="withdrawn")
        big = file_claim(policy=policy, estimated_cost=Decimal("2000000"))
        fine = file_claim(policy=policy, estimated_cost=Decimal("3000"))
        unknown = "00000000-0000-0000-0000-000000000001"
        rule = {"cost_type": "own_damage", "basis": "estimate", "percent": "50"}
        ids = [no_estimate.pk, higher.pk, same.pk, closed.pk, big.pk, unknown, fine.pk]

        body = _post(client_for(agent), "reserve", {"claims": [str(i) for i in ids], "rule": rule, "reason": "r"})

        results = body.json()["results"]
        assert [(r["outcome"], r["code"]) for r in results] == [
            ("skipped", "no_estimate"),
            ("skipped", "would_lower"),
            ("skipped", "unchanged"),
            ("skipped", "claim_not_open"),
            ("error", "above_authority"),
            ("error", "not_found"),
            ("ok", "ok"),
        ]
        assert results[4]["status"] == 403
        assert (body.json()["succeeded"], body.json()["skipped"], body.json()["failed"]) == (1, 4, 2)
        assert _reserve(higher) == Decimal("5000.00")
        assert _reserve(big) is None
        assert _reserve(fine) == Decimal("1500.00")

    def test_lowering_when_asked(self, actors, policy):
        claim = file_claim(policy=policy)
        reserve_set(claim=claim, cost_type="legal", amount=Decimal("9000"), reason="set", actor=actors["agent"])
        rule = {"cost_type": "legal", "basis": "fixed", "amount": "4000", "only_raise": False}
        body = _post(client_for(actors["agent"]), "reserve", {"claims": [str(claim.pk)], "rule": rule, "reason": "x"})
        assert body.json()["results"][0]["previous_amount"] == "9000.00"
        assert _reserve(claim, "legal") == Decimal("4000.00")

    @pytest.mark.parametrize(
        "payload",
        [
            {"claims": [], "rule": FIXED, "reason": "r"},
            {"claims": ["00000000-0000-0000-0000-000000000001"] * 201, "rule": FIXED, "reason": "r"},
            {"claims": ["CLAIM"], "rule": FIXED},
            {"claims": ["CLAIM"], "rule": {**FIXED, "amount": "-1"}, "reason": "r"},
            {"claims": ["CLAIM"], "rule": {**FIXED, "amount": None}, "reason": "r"},
            {"claims": ["CLAIM"], "rule": {**FIXED, "percent": "10"}, "reason": "r"},
            {"claims": ["CLAIM"], "rule": {"cost_type": "own_damage", "basis": "estimate"}, "reason": "r"},
            {
                "claims": ["CLAIM"],
                "rule": {"cost_type": "own_damage", "basis": "estimate", "percent": "5", "floor": "9", "cap": "1"},
                "reason": "r",
            },
            {"claims": ["CLAIM"], "rule": {**FIXED, "cost_type": "gold"}, "reason": "r"},
            {"claims": ["CLAIM"], "rule": {**FIXED, "basis": "vibes"}, "reason": "r"},
            {"claims": ["CLAIM"], "rule": {**FIXED, "extra": 1}, "reason": "r"},
            {"rule": FIXED, "reason": "r"},
            {
                "claims": ["CLAIM"],
                "catastrophe": "00000000-0000-0000-0000-000000000002",
                "rule": FIXED,
                "reason": "r",
            },
        ],
    )
    def test_bad_input_is_a_problem_and_changes_nothing(self, actors, policy, payload):
        claim = file_claim(policy=policy)
        if payload.get("claims") == ["CLAIM"]:
            payload = {**payload, "claims": [str(claim.pk)]}
        assert_problem(_post(client_for(actors["agent"]), "reserve", payload), 400)
        assert not Reserve.objects.filter(claim=claim).exists()
        assert not AuditEvent.objects.filter(action="claims.bulk_reserve").exists()

    def test_a_retry_with_the_same_key_replays_the_answer(self, actors, policy):
        claim = file_claim(policy=policy)
        client = client_for(actors["agent"])
        payload = {"claims": [str(claim.pk)], "rule": FIXED, "reason": "r"}

        first = _post(client, "reserve", payload, HTTP_IDEMPOTENCY_KEY="bulk-1")
        Reserve.objects.filter(claim=claim).update(amount=Decimal("1"))  # changed meanwhile
        again = _post(client, "reserve", payload, HTTP_IDEMPOTENCY_KEY="bulk-1")

        assert again.status_code == 200 and again["Idempotent-Replayed"] == "true"
        assert again.json() == first.json()
        assert ReserveChange.objects.filter(reserve__claim=claim).count() == 1
        assert _reserve(claim) == Decimal("1.00")
        other = _post(client, "reserve", {**payload, "reason": "else"}, HTTP_IDEMPOTENCY_KEY="bulk-1")
        assert_problem(other, 422)

    def test_queries_per_claim_are_bounded(self, actors, policy):
        """Each claim costs the same number of queries whatever the selection's size."""
        client = client_for(actors["supervisor"])

        def cost(count: int) -> int:
            claims = [file_claim(policy=policy, estimated_cost=Decimal("1000")) for _ in range(count)]
            rule = {"cost_type": "own_damage", "basis": "estimate", "percent": "100"}
            with CaptureQueriesContext(connection) as queries:
                response = _post(
                    client, "reserve", {"claims": [str(c.pk) for c in claims], "rule": rule, "reason": "q"}
                )
            assert response.json()["succeeded"] == count
            return len(queries)

        cost(1)  # warms the signed-in user's cache
        two, five = cost(2), cost(5)
        per_claim = (five - two) / 3
        assert per_claim == int(per_claim), (two, five)
        assert two - 2 * per_claim == five - 5 * per_claim  # a fixed part plus a fixed amount per claim
        assert per_claim <= 40, per_claim


class TestBulkMessage:
    def test_who_may_call_it(self, actors, policy):
        outcomes = {}

        def call(client):
            claim = file_claim(policy=policy)
            response = _post(client, "message", {"claims": [str(claim.pk)], "body": "We are on it."})
            if response.status_code == 200:
                outcomes[claim.pk] = response.json()["results"][0]["code"]
            return response

        AccessMatrix(actors).assert_write(
            call, expected={**dict.fromkeys(MANAGERS, 200), **dict.fromkeys(NOT_MANAGERS, 403)}
        )
        found = sorted((code, ClaimCommunication.objects.filter(claim_id=pk).count()) for pk, code in outcomes.items())
        assert found == [("not_found", 0)] * 2 + [("ok", 1)] * 3

    def test_each_customer_gets_it_in_their_language(self, actors, policy, django_capture_on_commit_callbacks):
        swahili = UserFactory(role="customer", language="sw", email="mteja@example.test")
        closed = UserFactory(role="customer", email="gone@example.test")
        english_claim = file_claim(policy=policy)
        swahili_claim = file_claim(policy=_policy(swahili))
        closed_claim = file_claim(policy=_policy(closed))
        closed.is_active = False
        closed.save(update_fields=["is_active"])
        payload = {
            "claims": [str(english_claim.pk), str(swahili_claim.pk), str(closed_claim.pk)],
            "subject": "Flood in Kisumu",
            "body": "An assessor will call you within 48 hours.",
            "subject_sw": "Mafuriko Kisumu",
            "body_sw": "Mtathmini atakupigia simu ndani ya saa 48.",
            "channel": "sms",
        }

        with django_capture_on_commit_callbacks(execute=True):
            response = _post(client_for(actors["supervisor"]), "message", payload)

        body = response.json()
        assert (body["succeeded"], body["skipped"], body["failed"]) == (2, 1, 0)
        assert body["results"][2]["code"] == "customer_inactive"
        english = ClaimCommunication.objects.get(claim=english_claim)
        assert (english.channel, english.direction, english.party) == ("sms", "outbound", "customer")
        assert (english.subject, english.author_id) == ("Flood in Kisumu", actors["supervisor"].pk)
        assert str(english.pk) == body["results"][0]["communication"]
        assert ClaimCommunication.objects.get(claim=swahili_claim).body.startswith("Mtathmini")
        assert not ClaimCommunication.objects.filter(claim=closed_claim).exists()
        told = {n.recipient_id: n for n in Notification.objects.filter(kind="claim.message")}
        assert told[actors["owner"].pk].title == "Flood in Kisumu"
        assert told[swahili.pk].title == "Mafuriko Kisumu"
        assert closed.pk not in told
        assert AuditEvent.objects.filter(action="claim.communication_added").count() == 2
        assert AuditEvent.objects.get(action="claims.bulk_message").changes["counts"]["ok"] == 2

    def test_a_retry_sends_nothing_twice(self, actors, policy):
        claim = file_claim(policy=policy)
        client = client_for(actors["agent"])
        payload = {"claims": [str(claim.pk)], "body": "Hello"}
        first = _post(client, "message", payload, HTTP_IDEMPOTENCY_KEY="msg-1")
        again = _post(client, "message", payload, HTTP_IDEMPOTENCY_KEY="msg-1")
        assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
        assert ClaimCommunication.objects.filter(claim=claim).count() == 1

    @pytest.mark.parametrize(
        "payload",
        [
            {"claims": ["CLAIM"]},
            {"claims": ["CLAIM"], "body": ""},
            {"claims": ["CLAIM"], "body": "x" * 5001},
            {"claims": ["CLAIM"], "body": "hi", "channel": "pigeon"},
            {"claims": ["CLAIM"], "body": "hi", "channel": "note"},
            {"claims": [], "body": "hi"},
            {"body": "hi"},
        ],
    )
    def test_bad_input_is_a_problem_and_changes_nothing(self, actors, policy, payload):
        claim = file_claim(policy=policy)
        if payload.get("claims") == ["CLAIM"]:
            payload = {**payload, "claims": [str(claim.pk)]}
        assert_problem(_post(client_for(actors["agent"]), "message", payload), 400)
        assert not ClaimCommunication.objects.filter(claim=claim).exists()


class TestBulkReserveForAnEvent:
    def test_every_open_claim_of_the_event_the_caller_may_see(self, actors, policy, django_capture_on_commit_callbacks):
        from insurehub.catastrophes.tests.test_api import declare

        with django_capture_on_commit_callbacks(execute=True):
            event = declare(actors["supervisor"])
        inside = [
            file_claim(
                policy=policy,
                estimated_cost=Decimal("40000"),
                incident_latitude=Decimal("-0.0917"),
                incident_longitude=Decimal("34.768"),
            )
            for _ in range(3)
        ]
        Claim.objects.filter(pk__in=[c.pk for c in inside]).update(catastrophe=event)
        Claim.objects.filter(pk=inside[2].pk).update(status="withdrawn")
        outside = file_claim(policy=policy, estimated_cost=Decimal("40000"))
        rule = {"cost_type": "own_damage", "basis": "estimate", "percent": "50"}

        response = _post(
            client_for(actors["supervisor"]), "reserve", {"catastrophe": str(event.pk), "rule": rule, "reason": "flood"}
        )

        assert response.status_code == 200, response.content
        assert {r["claim"] for r in response.json()["results"]} == {str(inside[0].pk), str(inside[1].pk)}
        assert [_reserve(c) for c in (*inside, outside)] == [Decimal("20000.00")] * 2 + [None, None]
        call = AuditEvent.objects.get(action="claims.bulk_reserve")
        assert call.changes["catastrophe"] == str(event.pk)
        # Another department's agent sees none of the event's claims: nothing to do.
        other = _post(
            client_for(actors["agent_other_dept"]),
            "reserve",
            {"catastrophe": str(event.pk), "rule": rule, "reason": "x"},
        )
        assert other.json() == {"succeeded": 0, "skipped": 0, "failed": 0, "results": []}

    def test_an_unknown_event_is_a_404(self, actors):
        response = _post(
            client_for(actors["supervisor"]),
            "reserve",
            {"catastrophe": "00000000-0000-0000-0000-000000000003", "rule": FIXED, "reason": "x"},
        )
        assert_problem(response, 404)
