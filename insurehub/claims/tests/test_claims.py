"""Claims through the API: FNOL and its bad input, the access matrix, the workflow with its
guards and row lock, assignment, reserves, settlement, flags, timeline, report, lists."""

import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader

from insurehub.alerts.models import Alert
from insurehub.audit.models import AuditEvent
from insurehub.audit.selectors import audit_chain_verify
from insurehub.claims.models import Claim, ClaimStatus, ClaimStatusHistory
from insurehub.claims.services import claim_transition, claims_flag_periodic
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for, idempotency_key
from insurehub.dashboard import rollups
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def settled_policy(customer, **kwargs):
    """An active policy that started long enough ago not to raise the early-claim flag."""
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364), **kwargs)


def fnol_payload(policy, **overrides):
    payload = {
        "policy": str(policy.pk),
        "incident_date": (timezone.now() - datetime.timedelta(days=1)).isoformat(),
        "incident_address": "Waiyaki Way, Nairobi",
        "incident_latitude": "-1.263000",
        "incident_longitude": "36.802000",
        "description": "Hit from behind at the Westlands roundabout.",
        "estimated_cost": "85000.00",
    }
    payload.update(overrides)
    return payload


class TestFirstNoticeOfLoss:
    def test_customer_files_on_their_active_policy(self, actors):
        policy = settled_policy(actors["owner"])
        response = client_for(actors["owner"]).post("/api/claims/", fnol_payload(policy), format="json")
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["claim_number"].startswith(f"CLM-{timezone.now().year}-")
        assert (body["status"], body["priority"], body["department"]) == ("submitted", "normal", "motor")
        assert body["vehicle"] == str(policy.vehicle_id) and body["sla_due_at"]
        assert body["allowed_transitions"] == ["withdrawn"]  # what the customer may do
        claim = Claim.objects.get(pk=body["id"])
        assert ClaimStatusHistory.objects.filter(claim=claim, to_status="submitted").exists()
        assert AuditEvent.objects.filter(action="claim.created", object_id=str(claim.pk)).exists()
        assert OutboxEvent.objects.filter(type="claim.created", data__claim_id=str(claim.pk)).exists()
        assert rollups.verify() == {}

    def test_priority_follows_the_incident_and_estimate(self, actors):
        policy = settled_policy(actors["owner"])
        client = client_for(actors["owner"])
        injured = client.post("/api/claims/", fnol_payload(policy, injury=True), format="json").json()
        assert injured["priority"] == "urgent"
        small = client.post("/api/claims/", fnol_payload(policy, estimated_cost="5000.00"), format="json").json()
        assert small["priority"] == "low"

    def test_agent_files_for_a_customer_and_is_assigned(self, actors):
        policy = settled_policy(actors["owner"])
        body = (
            client_for(actors["agent"])
            .post("/api/claims/", fnol_payload(policy, priority="high"), format="json")
            .json()
        )
        assert body["customer"] == str(actors["owner"].pk)
        assert body["assigned_agent"] == str(actors["agent"].pk) and body["priority"] == "high"

    @pytest.mark.parametrize(
        "change, status, code",
        [
            ({"incident_date": "2999-01-01T00:00:00Z"}, 400, "incident_in_future"),
            ({"incident_date": "2001-01-01T00:00:00Z"}, 400, "incident_outside_cover"),
            ({"incident_latitude": "123.0"}, 400, "validation_error"),
            ({"incident_longitude": None}, 400, "validation_error"),
            ({"estimated_cost": "-5.00"}, 400, "validation_error"),
            ({"estimated_cost": "10.123"}, 400, "validation_error"),
            ({"priority": "urgent"}, 400, "read_only"),
            ({"status": "approved"}, 400, "validation_error"),
            ({"description": ""}, 400, "validation_error"),
        ],
    )
    def test_bad_input_writes_nothing(self, actors, change, status, code):
        policy = settled_policy(actors["owner"])
        payload = {k: v for k, v in fnol_payload(policy, **change).items() if v is not None}
        body = assert_problem(client_for(actors["owner"]).post("/api/claims/", payload, format="json"), status)
        assert body["type"] == f"/problems/{code}"
        assert not Claim.objects.exists() and not Alert.objects.exists()

    def test_someone_elses_or_an_inactive_policy(self, actors):
        other = settled_policy(actors["other_customer"])
        assert_problem(client_for(actors["owner"]).post("/api/claims/", fnol_payload(other), format="json"), 404)
        lapsed = settled_policy(actors["owner"], status="lapsed")
        assert_problem(client_for(actors["owner"]).post("/api/claims/", fnol_payload(lapsed), format="json"), 409)
        mine = settled_policy(actors["owner"])
        foreign_vehicle = settled_policy(actors["owner"]).vehicle
        body = assert_problem(
            client_for(actors["owner"]).post(
                "/api/claims/", fnol_payload(mine, vehicle=str(foreign_vehicle.pk)), format="json"
            ),
            400,
        )
        assert body["type"] == "/problems/vehicle_not_on_policy"
        assert not Claim.objects.exists()


class TestAccess:
    def test_matrix_for_claim_detail_and_list(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        Claim.objects.filter(pk=claim.pk).update(assigned_assessor=actors["assessor"])
        AccessMatrix(actors).assert_read(
            visible={"owner", "agent", "supervisor", "admin", "assessor"},
            object_id=claim.pk,
            detail_url=f"/api/claims/{claim.pk}/",
            list_url="/api/claims/",
        )
        for suffix in ("timeline/", "communications/", "settlement/offers/", "document-requests/", "report.pdf"):
            AccessMatrix(actors).assert_write(
                lambda c, suffix=suffix: c.get(f"/api/claims/{claim.pk}/{suffix}"),
                expected={n: 200 for n in ("owner", "agent", "supervisor", "admin", "assessor")},
            )
        # The desk's settlements (internal notes, proposals not yet offered): staff only.
        AccessMatrix(actors).assert_write(
            lambda c: c.get(f"/api/claims/{claim.pk}/settlement/"),
            expected={"owner": 403, **{n: 200 for n in ("agent", "supervisor", "admin", "assessor")}},
        )

    def test_assignment_is_staff_only(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        url = f"/api/claims/{claim.pk}/assign/"
        AccessMatrix(actors).assert_write(
            lambda c: c.post(url, {"assessor": str(actors["assessor"].pk)}, format="json"),
            expected={
                "agent": 200,
                "supervisor": 200,
                "admin": 200,
                "owner": 403,
                "other_customer": 403,
                "assessor": 403,
                "assessor_other": 403,
            },
        )

    def test_list_queries_do_not_grow_with_rows(self, actors):
        policy = settled_policy(actors["owner"])
        file_claim(policy=policy)
        client = client_for(actors["supervisor"])
        count = assert_constant_queries(
            client, "/api/claims/", grow=lambda: [file_claim(policy=policy) for _ in range(6)], max_queries=3
        )
        assert count <= 3


class TestWorkflow:
    def test_illegal_and_unauthorised_moves(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        owner, agent = client_for(actors["owner"]), client_for(actors["agent"])
        body = assert_problem(agent.post(f"/api/claims/{claim.pk}/transition/", {"to": "settled"}, format="json"), 409)
        assert body["allowed"] == ["under_review", "withdrawn"]
        assert_problem(owner.post(f"/api/claims/{claim.pk}/transition/", {"to": "under_review"}, format="json"), 403)
        assert_problem(agent.post(f"/api/claims/{claim.pk}/transition/", {"to": "flying"}, format="json"), 400)
        claim.refresh_from_db()
        assert claim.status == "submitted"

    def test_rejection_needs_a_reason_and_reopen_works(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        agent = client_for(actors["agent"])
        agent.post(f"/api/claims/{claim.pk}/transition/", {"to": "under_review"}, format="json")
        assert_problem(agent.post(f"/api/claims/{claim.pk}/transition/", {"to": "rejected"}, format="json"), 400)
        assert (
            agent.post(
                f"/api/claims/{claim.pk}/transition/", {"to": "rejected", "reason": "not covered"}, format="json"
            ).status_code
            == 200
        )
        assert (
            agent.post(
                f"/api/claims/{claim.pk}/transition/", {"to": "under_review", "reason": "new evidence"}, format="json"
            ).json()["status"]
            == "under_review"
        )
        assert rollups.verify() == {}

    def test_customer_withdraws_before_approval(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        response = client_for(actors["owner"]).post(
            f"/api/claims/{claim.pk}/transition/", {"to": "withdrawn"}, format="json"
        )
        assert response.json()["status"] == "withdrawn" and response.json()["allowed_transitions"] == []

    def test_approval_needs_a_completed_assessment_and_authority(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        agent, supervisor = client_for(actors["agent"]), client_for(actors["supervisor"])
        for to in ("under_review", "assessment"):
            agent.post(f"/api/claims/{claim.pk}/transition/", {"to": to}, format="json")
        url = f"/api/claims/{claim.pk}/transition/"
        body = assert_problem(agent.post(url, {"to": "approved", "approved_amount": "80000.00"}, format="json"), 409)
        assert any("assessment" in reason for reason in body["reasons"])
        Claim.objects.filter(pk=claim.pk).update(
            assessment_completed_at=timezone.now()
        )  # what the assessments app records
        body = assert_problem(agent.post(url, {"to": "approved", "approved_amount": "250000.00"}, format="json"), 409)
        assert "supervisor" in body["detail"]
        response = supervisor.post(url, {"to": "approved", "approved_amount": "250000.00"}, format="json")
        assert response.status_code == 200 and response.json()["approved_amount"] == "250000.00"
        assert rollups.verify() == {}

    def test_assessment_assigns_the_least_loaded_qualified_assessor(self, actors):
        busy, idle = actors["assessor"], UserFactory(role="assessor", department="motor", certification_level=3)
        UserFactory(role="assessor", department="motor", certification_level=1)  # not qualified for high value
        policy = settled_policy(actors["owner"])
        loaded = file_claim(policy=policy)
        Claim.objects.filter(pk=loaded.pk).update(assigned_assessor=busy)
        claim = file_claim(policy=policy, estimated_cost=Decimal("600000"))
        agent = client_for(actors["agent"])
        for to in ("under_review", "assessment"):
            body = agent.post(f"/api/claims/{claim.pk}/transition/", {"to": to}, format="json").json()
        assert body["assigned_assessor"] == str(idle.pk)
        timeline = agent.get(f"/api/claims/{claim.pk}/timeline/").json()["results"]
        assert any(item["type"] == "assigned" and item["automatic"] for item in timeline)

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
    @pytest.mark.django_db(transaction=True)
    def test_concurrent_transitions_only_one_wins(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        results, barrier = [], threading.Barrier(4)

        def move(to):
            from django.db import connection as thread_connection

            try:
                barrier.wait()
                claim_transition(
                    claim=Claim.objects.get(pk=claim.pk), to_status=to, actor=actors["agent"], reason="race"
                )
                results.append(to)
            except Exception as exc:
                results.append(type(exc).__name__)
            finally:
                thread_connection.close()

        # Every thread makes the same move, so run one after another only the first is legal
        # (under_review -> under_review is not); without the row lock all four would read
        # `submitted` and all four would write. (Mixing under_review and withdrawn let both win
        # legitimately when under_review went first: withdrawn is allowed from under_review.)
        threads = [threading.Thread(target=move, args=("under_review",)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        winners = [r for r in results if r == "under_review"]
        assert len(winners) == 1, results
        assert sorted(results) == ["ApplicationError"] * 3 + ["under_review"], results
        claim.refresh_from_db()
        assert claim.status == "under_review"
        assert ClaimStatusHistory.objects.filter(claim=claim).count() == 2
        assert rollups.verify() == {}


def test_from_first_notice_to_closed(actors):
    """The whole life of a claim through the API, with every step in the timeline and audit log."""
    owner, agent, supervisor = (client_for(actors[n]) for n in ("owner", "agent", "supervisor"))
    policy = settled_policy(actors["owner"])
    claim_id = owner.post("/api/claims/", fnol_payload(policy), format="json").json()["id"]
    url = f"/api/claims/{claim_id}/"
    agent.post(
        url + "communications/",
        {
            "channel": "phone",
            "direction": "outbound",
            "party": "customer",
            "subject": "Call",
            "body": "Called the customer about photos.",
        },
        format="json",
    )
    agent.post(url + "communications/", {"body": "Internal: check garage quote."}, format="json")
    for to in ("under_review", "assessment"):
        agent.post(url + "transition/", {"to": to}, format="json")
    Claim.objects.filter(pk=claim_id).update(assessment_completed_at=timezone.now())
    agent.post(url + "transition/", {"to": "approved", "approved_amount": "80000.00"}, format="json")
    assert_problem(
        agent.post(url + "reserves/", {"cost_type": "own_damage", "amount": "9000000", "reason": "x"}, format="json"),
        403,
    )
    agent.post(
        url + "reserves/",
        {"cost_type": "own_damage", "amount": "50000.00", "reason": "initial estimate"},
        format="json",
    )
    body = assert_problem(
        agent.post(
            url + "settlement/",
            {"amount": "999999999", "payee": "Garage", "method": "bank_transfer"},
            format="json",
            **idempotency_key(),
        ),
        400,
    )
    assert body["type"] == "/problems/above_policy_limit"
    settlement = agent.post(
        url + "settlement/",
        {"amount": "75000.00", "payee": "Westlands Motors", "method": "bank_transfer"},
        format="json",
        **idempotency_key(),
    ).json()
    assert settlement["status"] == "proposed"
    action = f"{url}settlement/{settlement['id']}/"
    assert_problem(agent.post(action, {"action": "approve"}, format="json", **idempotency_key()), 403)  # maker-checker
    assert (
        supervisor.post(action, {"action": "approve"}, format="json", **idempotency_key()).json()["status"]
        == "approved"
    )
    body = assert_problem(agent.post(action, {"action": "pay"}, format="json", **idempotency_key()), 409)
    assert body["type"] == "/problems/not_accepted"  # the customer has not accepted the offer yet
    accepted = owner.post(action + "response/", {"decision": "accept"}, format="json", **idempotency_key())
    assert accepted.status_code == 200 and accepted.json()["offer_status"] == "accepted", accepted.content
    body = assert_problem(
        agent.post(action, {"action": "pay"}, format="json", **idempotency_key()), 409
    )  # above the open reserve
    assert body["type"] == "/problems/above_reserve"
    agent.post(
        url + "reserves/", {"cost_type": "own_damage", "amount": "80000.00", "reason": "garage quote"}, format="json"
    )
    paid = agent.post(action, {"action": "pay"}, format="json", **idempotency_key()).json()
    # The payout is on its way: the claim is settled once the money has left (here finance confirms it).
    assert paid["status"] == "approved" and paid["paid_transaction"]
    assert agent.get(url).json()["status"] == "settlement"
    confirmed = supervisor.post(
        f"/api/payments/transactions/{paid['paid_transaction']}/payout/",
        {"provider_reference": "BNK-OUT-CLM-1"},
        format="json",
        **idempotency_key(),
    )
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "succeeded", confirmed.content
    assert agent.get(url).json()["status"] == "settled"
    assert agent.post(url + "transition/", {"to": "closed"}, format="json").json()["status"] == "closed"

    timeline = [item["type"] for item in agent.get(url + "timeline/").json()["results"]]
    for kind in ("status_changed", "communication", "reserve_changed", "settlement_paid"):
        assert kind in timeline
    customer_view = owner.get(url + "timeline/").json()["results"]
    assert "reserve_changed" not in [item["type"] for item in customer_view]
    assert [c["subject"] for c in owner.get(url + "communications/").json()["results"]] == ["Call"]
    actions = set(AuditEvent.objects.filter(object_id=claim_id).values_list("action", flat=True))
    assert {"claim.created", "claim.status_changed", "claim.reserve_changed", "claim.settled"} <= actions
    assert audit_chain_verify()[1] is None
    assert rollups.verify() == {}

    pdf = agent.get(url + "report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert Claim.objects.get(pk=claim_id).claim_number in text and "Westlands Motors" in text


class TestFlags:
    def test_duplicate_early_and_high_value(self, actors, django_capture_on_commit_callbacks):
        policy = PolicyFactory(customer=actors["owner"])  # started 30 days ago: early
        with django_capture_on_commit_callbacks(execute=True):  # the flags are raised after the filing commits
            first = file_claim(policy=policy, estimated_cost=Decimal("900000"))
        with django_capture_on_commit_callbacks(execute=True):
            second = file_claim(policy=policy, days_ago=1)
        kinds = set(Alert.objects.values_list("kind", flat=True))
        assert {"possible_duplicate", "early_claim", "high_value"} <= kinds
        assert Alert.objects.filter(claim=second, kind="possible_duplicate").exists()
        assert first.priority == "high"
        assert OutboxEvent.objects.filter(type="alert.raised").count() == Alert.objects.count()

    @override_settings(CLAIM_STALLED_DAYS=3)
    def test_sla_breach_and_stalled_are_raised_once(self, actors):
        claim = file_claim(policy=settled_policy(actors["owner"]))
        Claim.objects.filter(pk=claim.pk).update(
            sla_due_at=timezone.now() - datetime.timedelta(hours=1),
            last_activity_at=timezone.now() - datetime.timedelta(days=5),
        )
        assert claims_flag_periodic() == {"sla_breached": 1, "stalled": 1}
        assert claims_flag_periodic() == {"sla_breached": 0, "stalled": 0}
        assert Alert.objects.filter(claim=claim, kind__in=["sla_breached", "stalled"]).count() == 2


def test_list_filters_and_search(actors):
    policy = settled_policy(actors["owner"])
    urgent = file_claim(policy=policy, injury=True)
    file_claim(policy=policy)
    client = client_for(actors["agent"])
    results = client.get("/api/claims/", {"priority": "urgent"}).json()["results"]
    assert [c["id"] for c in results] == [str(urgent.pk)]
    results = client.get("/api/claims/", {"search": urgent.claim_number}).json()["results"]
    assert [c["id"] for c in results] == [str(urgent.pk)]
    assert_problem(client.get("/api/claims/", {"priority": "whenever"}), 400)
    assert client.get("/api/claims/", {"status": ClaimStatus.SUBMITTED, "page_size": 1}).json()["next"]
