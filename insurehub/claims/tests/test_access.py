"""The access matrix (DESIGN.md section 3) for every claim endpoint that writes, and for the
internal reads (reserves). Each actor acts on a fresh claim in the same state, so one actor's
success never changes what the next one meets. Reads of detail, list, timeline, communications,
settlement and report are in test_claims.TestAccess."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.claims.models import Claim, ClaimCommunication
from insurehub.claims.services import (
    claim_assign,
    claim_record_assessment_completed,
    claim_transition,
    reserve_set,
    settlement_approve,
    settlement_propose,
)
from insurehub.claims.tests.factories import accept_offer, file_claim
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, client_for, idempotency_key
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Who sees a motor claim of `owner` with `assessor` assigned; everyone else gets 404.
VISIBLE_STAFF = ("agent", "supervisor", "admin")


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


def _expect(**statuses):
    return statuses


class Claims:
    """Fresh claims of the matrix owner, in the state a test needs."""

    def __init__(self, actors):
        self.actors = actors
        self.policy = _policy(actors["owner"])

    def submitted(self) -> Claim:
        claim = file_claim(policy=self.policy, estimated_cost=Decimal("60000.00"))
        # Through the service: the assessor's own dashboard rollups follow their claims.
        claim_assign(claim=claim, assigned_by=self.actors["supervisor"], assessor=self.actors["assessor"])
        return Claim.objects.get(pk=claim.pk)

    def approved(self) -> Claim:
        claim, admin = self.submitted(), self.actors["admin"]
        for to in ("under_review", "assessment"):
            claim = claim_transition(claim=claim, to_status=to, actor=admin)
        claim_record_assessment_completed(claim=claim, actor=self.actors["assessor"])
        return claim_transition(claim=claim, to_status="approved", actor=admin, approved_amount=Decimal("50000"))

    def with_settlement(self, *, approved: bool, accepted: bool | None = None):
        """A 40 000 settlement from a 50 000 reserve, proposed by another agent; `approved`: approved
        by the supervisor and (unless `accepted=False`) accepted by the customer, so it may be paid."""
        claim = self.approved()
        maker = UserFactory(role=Role.AGENT, department=Department.MOTOR)
        reserve_set(claim=claim, cost_type="own_damage", amount=Decimal("50000"), reason="garage quote", actor=maker)
        settlement = settlement_propose(
            claim=claim,
            amount=Decimal("40000.00"),
            payee="Westlands Motors",
            method="bank_transfer",
            cost_type="own_damage",
            proposed_by=maker,
        )
        if approved:
            settlement = settlement_approve(settlement=settlement, approved_by=self.actors["supervisor"])
            if accepted is not False:
                settlement = accept_offer(settlement)
        return claim, settlement


def test_file_a_claim(actors):
    """Customers file on their own policy only (another's is 404); staff of the department that
    handles the policy's claims file for a customer (other departments' staff are refused before
    anything is written, not answered 404 after the claim was made); assessors do not file."""
    policy = _policy(actors["owner"])
    payload = {
        "policy": str(policy.pk),
        "incident_date": (timezone.now() - datetime.timedelta(days=1)).isoformat(),
        "description": "Side-swiped in traffic.",
    }
    AccessMatrix(actors).assert_write(
        lambda c: c.post("/api/claims/", payload, format="json"),
        expected=_expect(
            owner=201,
            other_customer=404,
            agent=201,
            agent_other_dept=403,
            supervisor=201,
            supervisor_other_dept=403,
            admin=201,
            assessor=403,
            assessor_other=403,
        ),
    )
    assert Claim.objects.filter(policy=policy).count() == 4  # owner, agent, supervisor, admin


def test_edit_a_claim(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: c.patch(f"/api/claims/{claims.submitted().pk}/", {"description": "More detail."}, format="json"),
        expected=_expect(owner=200, assessor=403, **dict.fromkeys(VISIBLE_STAFF, 200)),
    )


def test_transition(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: c.post(f"/api/claims/{claims.submitted().pk}/transition/", {"to": "under_review"}, format="json"),
        expected=_expect(owner=403, assessor=403, **dict.fromkeys(VISIBLE_STAFF, 200)),
    )


def test_customer_withdraws_only_their_own_claim(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: c.post(f"/api/claims/{claims.submitted().pk}/transition/", {"to": "withdrawn"}, format="json"),
        expected=_expect(owner=200, assessor=403, **dict.fromkeys(VISIBLE_STAFF, 200)),
    )


def test_add_communication(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: c.post(f"/api/claims/{claims.submitted().pk}/communications/", {"body": "Any news?"}, format="json"),
        expected=_expect(owner=201, assessor=201, **dict.fromkeys(VISIBLE_STAFF, 201)),
    )


def test_reserves_are_internal(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: c.get(f"/api/claims/{claims.submitted().pk}/reserves/"),
        expected=_expect(owner=403, assessor=200, **dict.fromkeys(VISIBLE_STAFF, 200)),
    )
    AccessMatrix(actors).assert_write(
        lambda c: c.post(
            f"/api/claims/{claims.submitted().pk}/reserves/",
            {"cost_type": "own_damage", "amount": "10000.00", "reason": "first estimate"},
            format="json",
        ),
        expected=_expect(owner=403, assessor=200, **dict.fromkeys(VISIBLE_STAFF, 200)),
    )


def test_propose_settlement(actors):
    claims = Claims(actors)
    body = {"amount": "30000.00", "payee": "Westlands Motors", "method": "bank_transfer"}
    AccessMatrix(actors).assert_write(
        lambda c: c.post(f"/api/claims/{claims.approved().pk}/settlement/", body, format="json", **idempotency_key()),
        expected=_expect(owner=403, assessor=403, **dict.fromkeys(VISIBLE_STAFF, 201)),
    )


@pytest.mark.parametrize("action,approved", [("approve", False), ("pay", True)])
def test_settlement_actions(actors, action, approved):
    """Role is checked before the claim is looked up, so customers and assessors get 403 whether
    or not they may see the claim (the answer carries no claim data); other departments' staff 404."""
    claims = Claims(actors)

    def call(client):
        claim, settlement = claims.with_settlement(approved=approved)
        return client.post(
            f"/api/claims/{claim.pk}/settlement/{settlement.pk}/",
            {"action": action},
            format="json",
            **idempotency_key(),
        )

    AccessMatrix(actors).assert_write(
        call,
        expected=_expect(
            owner=403,
            other_customer=403,
            assessor=403,
            assessor_other=403,
            **dict.fromkeys(VISIBLE_STAFF, 200),
        ),
    )


def test_assign_agent_and_assessor(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: c.post(
            f"/api/claims/{claims.submitted().pk}/assign/",
            {"agent": str(actors["agent"].pk), "auto_assessor": True},
            format="json",
        ),
        expected=_expect(
            owner=403,
            other_customer=403,
            assessor=403,
            assessor_other=403,
            **dict.fromkeys(VISIBLE_STAFF, 200),
        ),
    )


def test_customer_never_sees_internal_entries(actors):
    """Internal notes about the customer stay internal: not in their communications list and not
    in their timeline (neither the entry nor its text)."""
    claim = Claims(actors).submitted()
    agent, owner = client_for(actors["agent"]), client_for(actors["owner"])
    url = f"/api/claims/{claim.pk}/"
    secret = "Internal: the garage may be inflating this quote."
    agent.post(
        url + "communications/",
        {"channel": "note", "direction": "internal", "party": "customer", "body": secret},
        format="json",
    )
    agent.post(
        url + "communications/",
        {"channel": "email", "direction": "outbound", "party": "customer", "subject": "Photos", "body": "Send photos."},
        format="json",
    )
    agent.post(
        url + "communications/",
        {"channel": "phone", "direction": "outbound", "party": "garage", "body": "Asked for an itemised quote."},
        format="json",
    )
    owner.post(url + "communications/", {"body": "Photos attached."}, format="json")

    listed = owner.get(url + "communications/").json()["results"]
    assert sorted(entry["body"] for entry in listed) == ["Photos attached.", "Send photos."]
    timeline = owner.get(url + "timeline/").json()["results"]
    assert [item for item in timeline if item["type"] == "communication"] and secret[:40] not in str(timeline)
    assert ClaimCommunication.objects.filter(claim=claim).count() == 4
    staff_view = agent.get(url + "communications/").json()["results"]
    assert len(staff_view) == 4


def test_internal_events_and_alerts_never_reach_the_customer(actors):
    """A customer's socket joins their user group and may subscribe to their claim's group:
    reserve changes, internal notes and alerts are addressed to neither."""
    from insurehub.alerts.services import alert_raise
    from insurehub.realtime.models import OutboxEvent

    claim = Claims(actors).submitted()
    agent = client_for(actors["agent"])
    url = f"/api/claims/{claim.pk}/"
    customer_groups = {f"user.{claim.customer_id}", f"claim.{claim.pk}"}
    start = OutboxEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0

    agent.post(url + "reserves/", {"cost_type": "legal", "amount": "5000.00", "reason": "counsel"}, format="json")
    agent.post(url + "communications/", {"body": "Internal: call the police station."}, format="json")
    alert_raise(kind="test_flag", severity="high", title="Suspicious", claim=claim)
    internal = list(OutboxEvent.objects.filter(id__gt=start).order_by("id"))
    assert [e.type for e in internal] == ["claim.updated", "claim.updated", "alert.raised"]
    for event in internal:
        assert not customer_groups & set(event.audience), (event.type, event.audience)
        assert "department.motor" in event.audience and "role.admin" in event.audience

    agent.post(
        url + "communications/",
        {"channel": "email", "direction": "outbound", "party": "customer", "body": "We received your photos."},
        format="json",
    )
    public = OutboxEvent.objects.filter(id__gt=start, type="claim.updated").order_by("-id").first()
    assert customer_groups <= set(public.audience)  # (then the customer's notification follows)


def test_allowed_transitions_follow_the_callers_role(actors):
    claim = Claims(actors).submitted()
    url = f"/api/claims/{claim.pk}/"
    assert client_for(actors["owner"]).get(url).json()["allowed_transitions"] == ["withdrawn"]
    assert client_for(actors["assessor"]).get(url).json()["allowed_transitions"] == []
    assert client_for(actors["agent"]).get(url).json()["allowed_transitions"] == ["under_review", "withdrawn"]
    body = client_for(actors["owner"]).post(url + "transition/", {"to": "closed"}, format="json").json()
    assert body["status"] == 409 and body["allowed"] == ["withdrawn"]


def test_customer_timeline_lists_only_their_own_documents(actors):
    from insurehub.documents.tests.factories import DocumentFactory

    claim = Claims(actors).submitted()
    DocumentFactory(owner=actors["owner"], claim=claim, filename="my-photos.pdf")
    DocumentFactory(owner=actors["agent"], claim=claim, filename="investigator-report.pdf")
    url = f"/api/claims/{claim.pk}/timeline/"

    def documents(user):
        results = client_for(user).get(url).json()["results"]
        return sorted(item["detail"] for item in results if item["type"] == "document")

    assert documents(actors["owner"]) == ["my-photos.pdf"]
    assert documents(actors["agent"]) == ["investigator-report.pdf", "my-photos.pdf"]


def test_customers_do_not_learn_of_alerts_on_their_claim(actors):
    from insurehub.alerts.services import alert_raise

    claim = Claims(actors).submitted()
    alert_raise(kind="possible_duplicate", severity="high", title="Duplicate?", claim=claim)
    owner, agent = client_for(actors["owner"]), client_for(actors["agent"])
    assert owner.get(f"/api/claims/{claim.pk}/").json()["has_open_alerts"] is False
    assert owner.get("/api/claims/", {"has_open_alerts": "true"}).json()["results"] == []
    assert agent.get(f"/api/claims/{claim.pk}/").json()["has_open_alerts"] is True
