"""Bulk transition and bulk assignment (each claim under its own lock, guard and audit entry,
reported per claim), the CSV export of a filter, and the list of staff a claim can be assigned to."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim, ClaimAssignment, ClaimStatusHistory
from insurehub.claims.tests.factories import file_claim
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MANAGERS = ("agent", "agent_other_dept", "supervisor", "supervisor_other_dept", "admin")
NOT_MANAGERS = ("owner", "other_customer", "assessor", "assessor_other")


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


@pytest.fixture
def policy(actors):
    return _policy(actors["owner"])


def _bulk(client, kind, payload):
    return client.post(f"/api/claims/bulk/{kind}/", payload, format="json")


class TestBulkTransition:
    def test_who_may_call_it_and_what_each_one_moves(self, actors, policy):
        """Customers and assessors are refused outright; staff get an answer per claim in which a
        claim of another department is `not_found` and stays as it was."""
        moved = {}

        def call(client):
            claim = file_claim(policy=policy)
            response = _bulk(client, "transition", {"claims": [str(claim.pk)], "to": "under_review"})
            if response.status_code == 200:
                moved[claim.pk] = response.json()["results"][0]
            return response

        AccessMatrix(actors).assert_write(
            call, expected={**dict.fromkeys(MANAGERS, 200), **dict.fromkeys(NOT_MANAGERS, 403)}
        )
        outcomes = sorted((result["code"], Claim.objects.get(pk=pk).status) for pk, result in moved.items())
        assert outcomes == [("not_found", "submitted")] * 2 + [("ok", "under_review")] * 3

    def test_each_claim_succeeds_or_fails_on_its_own(self, actors, policy):
        agent = actors["agent"]
        first, second = file_claim(policy=policy), file_claim(policy=policy)
        closed = file_claim(policy=policy)
        Claim.objects.filter(pk=closed.pk).update(status="withdrawn")
        unknown = "00000000-0000-0000-0000-000000000001"
        audit_before = AuditEvent.objects.filter(action="claim.status_changed").count()

        response = _bulk(
            client_for(agent),
            "transition",
            {
                "claims": [str(first.pk), str(closed.pk), unknown, str(second.pk), str(first.pk)],
                "to": "under_review",
                "reason": "triage",
            },
        )

        assert response.status_code == 200, response.content
        body = response.json()
        assert (body["succeeded"], body["failed"]) == (2, 2)
        assert [(r["claim"], r["code"]) for r in body["results"]] == [
            (str(first.pk), "ok"),
            (str(closed.pk), "illegal_transition"),
            (unknown, "not_found"),
            (str(second.pk), "ok"),
        ]
        assert body["results"][1]["status"] == 409
        for claim in (first, second):
            history = ClaimStatusHistory.objects.filter(claim=claim, to_status="under_review").get()
            assert (history.actor_id, history.reason) == (agent.pk, "triage")
        assert AuditEvent.objects.filter(action="claim.status_changed").count() == audit_before + 2
        assert Claim.objects.get(pk=closed.pk).status == "withdrawn"

    def test_a_guard_refuses_per_claim(self, actors, policy):
        """Rejecting needs a reason: every claim is refused with the guard's code, none is moved."""
        claims = [file_claim(policy=policy) for _ in range(2)]
        Claim.objects.filter(pk__in=[c.pk for c in claims]).update(status="under_review")
        response = _bulk(
            client_for(actors["supervisor"]), "transition", {"claims": [str(c.pk) for c in claims], "to": "rejected"}
        )
        assert response.status_code == 200
        assert {r["code"] for r in response.json()["results"]} == {"reason_required"}
        assert set(Claim.objects.filter(pk__in=[c.pk for c in claims]).values_list("status", flat=True)) == {
            "under_review"
        }

    @pytest.mark.parametrize(
        "payload",
        [
            {"claims": [], "to": "under_review"},
            {"claims": ["not-a-uuid"], "to": "under_review"},
            {"claims": ["00000000-0000-0000-0000-000000000001"] * 201, "to": "under_review"},
            {"claims": ["00000000-0000-0000-0000-000000000001"], "to": "flying"},
            {"to": "under_review"},
            {"claims": ["00000000-0000-0000-0000-000000000001"], "to": "under_review", "status": "closed"},
        ],
    )
    def test_bad_input_is_a_problem_and_changes_nothing(self, actors, policy, payload):
        claim = file_claim(policy=policy)
        if payload.get("claims") == ["00000000-0000-0000-0000-000000000001"]:
            payload = {**payload, "claims": [str(claim.pk)]}
        assert_problem(_bulk(client_for(actors["agent"]), "transition", payload), 400)
        assert Claim.objects.get(pk=claim.pk).status == "submitted"


class TestBulkAssign:
    def test_who_may_call_it(self, actors, policy):
        def call(client):
            claim = file_claim(policy=policy)
            return _bulk(client, "assign", {"claims": [str(claim.pk)], "agent": str(actors["agent"].pk)})

        AccessMatrix(actors).assert_write(
            call, expected={**dict.fromkeys(MANAGERS, 200), **dict.fromkeys(NOT_MANAGERS, 403)}
        )

    def test_certification_is_checked_per_claim(self, actors, policy):
        """A level-1 assessor can take the normal claim but not the urgent one."""
        normal = file_claim(policy=policy)
        urgent = file_claim(policy=policy, by=actors["agent"], priority="urgent")
        junior = actors["assessor_other"]  # motor, level 1

        response = _bulk(
            client_for(actors["supervisor"]),
            "assign",
            {"claims": [str(normal.pk), str(urgent.pk)], "assessor": str(junior.pk), "reason": "cat week"},
        )

        results = {r["claim"]: r for r in response.json()["results"]}
        assert results[str(normal.pk)]["ok"] is True
        assert results[str(urgent.pk)]["code"] == "insufficient_certification"
        assert Claim.objects.get(pk=normal.pk).assigned_assessor_id == junior.pk
        assert Claim.objects.get(pk=urgent.pk).assigned_assessor_id != junior.pk
        assignment = ClaimAssignment.objects.get(claim=normal, user=junior)
        assert (assignment.assigned_by_id, assignment.reason) == (actors["supervisor"].pk, "cat week")
        assert AuditEvent.objects.filter(action="claim.assigned", object_id=str(normal.pk)).exists()

    def test_auto_assessor_picks_the_least_loaded_per_claim(self, actors, policy):
        claims = [file_claim(policy=policy) for _ in range(2)]
        response = _bulk(
            client_for(actors["agent"]), "assign", {"claims": [str(c.pk) for c in claims], "auto_assessor": True}
        )
        assert response.json()["succeeded"] == 2
        assessors = [Claim.objects.get(pk=c.pk).assigned_assessor_id for c in claims]
        assert None not in assessors
        assert len(set(assessors)) == 2  # the second goes to whoever has fewer open claims after the first

    def test_unknown_assignee_is_a_404_and_nothing_changes(self, actors, policy):
        claim = file_claim(policy=policy)
        response = _bulk(
            client_for(actors["agent"]),
            "assign",
            {"claims": [str(claim.pk)], "agent": "00000000-0000-0000-0000-000000000009"},
        )
        assert_problem(response, 404)
        assert not ClaimAssignment.objects.filter(claim=claim, role="agent").exists()

    def test_name_someone_or_ask_for_automatic(self, actors, policy):
        claim = file_claim(policy=policy)
        assert_problem(_bulk(client_for(actors["agent"]), "assign", {"claims": [str(claim.pk)]}), 400)


def _rows(response) -> list[dict]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


class TestExport:
    def test_access_each_sees_only_what_they_may_see(self, actors, policy):
        claim = file_claim(policy=policy)
        expected = {**dict.fromkeys(MANAGERS, 200), **dict.fromkeys(NOT_MANAGERS, 403)}
        AccessMatrix(actors).assert_write(lambda c: c.get("/api/claims/export.csv"), expected=expected)
        for name in MANAGERS:
            numbers = {row["claim_number"] for row in _rows(client_for(actors[name]).get("/api/claims/export.csv"))}
            assert (claim.claim_number in numbers) == (name in ("agent", "supervisor", "admin")), name

    def test_filters_search_and_columns(self, actors, policy):
        mine = file_claim(policy=policy, estimated_cost=Decimal("1234.50"))
        moved = file_claim(policy=policy)
        client = client_for(actors["agent"])
        client.post(f"/api/claims/{moved.pk}/transition/", {"to": "under_review"}, format="json")

        rows = _rows(client.get("/api/claims/export.csv", {"status": "submitted"}))

        assert [row["claim_number"] for row in rows] == [mine.claim_number]
        row = rows[0]
        assert row["estimated_cost"] == "1234.50"
        assert row["policy_number"] == policy.policy_number
        assert row["customer"] == (actors["owner"].name or actors["owner"].email)
        assert _rows(client.get("/api/claims/export.csv", {"search": mine.claim_number}))[0]["claim_number"] == (
            mine.claim_number
        )

    def test_cells_that_look_like_formulas_are_written_as_text(self, actors):
        customer = UserFactory(role=Role.CUSTOMER, name='=HYPERLINK("http://x")')
        file_claim(policy=_policy(customer))
        rows = _rows(client_for(actors["admin"]).get("/api/claims/export.csv"))
        assert rows[0]["customer"].startswith("'=")

    def test_the_export_is_audited_with_its_filter(self, actors, policy):
        file_claim(policy=policy)
        _rows(client_for(actors["agent"]).get("/api/claims/export.csv", {"priority": "normal"}))
        entry = AuditEvent.objects.filter(action="claims.exported").latest("sequence")
        assert entry.actor_id == actors["agent"].pk
        assert entry.changes["filters"] == {"priority": ["normal"]}

    def test_a_fixed_number_of_queries(self, actors, policy):
        client = client_for(actors["admin"])
        file_claim(policy=policy)

        def grow():
            for _ in range(5):
                file_claim(policy=policy, vehicle=None)

        def count_export():
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                _rows(client.get("/api/claims/export.csv"))
            return len(queries)

        count_export()  # the first request caches the signed-in user (users/auth_cache.py)
        before = count_export()
        grow()
        assert count_export() == before


class TestAssignees:
    def test_of_a_claim_access(self, actors, policy):
        claim = file_claim(policy=policy)
        Claim.objects.filter(pk=claim.pk).update(assigned_assessor=actors["assessor"])
        AccessMatrix(actors).assert_write(
            lambda c: c.get(f"/api/claims/{claim.pk}/assignees/"),
            expected={"agent": 200, "supervisor": 200, "admin": 200, "owner": 403, "assessor": 403},
        )

    def test_of_a_claim_lists_load_and_eligibility(self, actors, policy):
        urgent = file_claim(policy=policy, by=actors["agent"], priority="urgent")
        for _ in range(2):
            claim = file_claim(policy=policy)
            Claim.objects.filter(pk=claim.pk).update(assigned_assessor=actors["assessor"])

        body = client_for(actors["agent"]).get(f"/api/claims/{urgent.pk}/assignees/").json()

        assert body["required_certification"] == 3
        assessors = {a["email"]: a for a in body["assessors"]}
        assert set(assessors) == {actors["assessor"].email, actors["assessor_other"].email}
        assert assessors[actors["assessor"].email]["open_claims"] == 2
        assert assessors[actors["assessor"].email]["eligible"] is True
        assert assessors[actors["assessor_other"].email]["eligible"] is False
        assert "level 3" in assessors[actors["assessor_other"].email]["ineligible_reason"]
        assert body["assessors"][0]["email"] == actors["assessor_other"].email  # least loaded first
        agents = {a["email"] for a in body["agents"]}
        assert {actors["agent"].email, actors["supervisor"].email} <= agents
        assert actors["agent_other_dept"].email not in agents

    def test_of_a_department(self, actors):
        url = "/api/claims/assignees/"
        AccessMatrix(actors).assert_write(
            lambda c: c.get(url, {"department": Department.MOTOR}),
            expected={"agent": 200, "supervisor": 200, "admin": 200},
            default=403,
        )
        body = client_for(actors["agent_other_dept"]).get(url).json()  # their own department by default
        assert body["department"] == Department.HEALTH
        assert {a["email"] for a in body["agents"]} == {
            actors["agent_other_dept"].email,
            actors["supervisor_other_dept"].email,
        }

    def test_a_fixed_number_of_queries(self, actors):
        def grow():
            for level in (1, 2, 3):
                UserFactory(role=Role.ASSESSOR, department=Department.MOTOR, certification_level=level)

        assert_constant_queries(
            client_for(actors["admin"]),
            "/api/claims/assignees/",
            params={"department": "motor"},
            grow=grow,
            max_queries=4,
        )
