"""What the claim page reads besides the claim: the customer's contact (audited), names next to the
ids (assignees, timeline actors, authors, reserve changes, settlements) and each reserve's history."""

from decimal import Decimal

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim
from insurehub.claims.services import claim_assign, communication_add, reserve_set
from insurehub.claims.tests.test_access import VISIBLE_STAFF, Claims
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.users.models import User
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class TestCustomerContact:
    def test_staff_who_see_the_claim_read_it_customers_are_refused_others_get_404(self, actors):
        claim = Claims(actors).submitted()  # the matrix `assessor` is assigned
        url = f"/api/claims/{claim.pk}/customer/"
        AccessMatrix(actors).assert_write(
            lambda client: client.get(url),
            expected={"owner": 403, "assessor": 200, **dict.fromkeys(VISIBLE_STAFF, 200)},
        )

    def test_answers_the_contact_and_records_the_read(self, actors):
        owner = actors["owner"]
        owner.name, owner.phone, owner.phone_verified = "Wanjiku Kamau", "+254712345678", True
        owner.save()
        claims = Claims(actors)
        claim, _other = claims.submitted(), claims.submitted()
        agent = actors["agent"]

        response = client_for(agent).get(f"/api/claims/{claim.pk}/customer/")

        assert response.status_code == 200, response.content
        assert response.json() == {
            "id": str(owner.pk),
            "name": "Wanjiku Kamau",
            "email": owner.email,
            "email_verified": owner.email_verified,
            "phone": "+254712345678",
            "phone_verified": True,
            "open_claims": 2,
        }
        entry = AuditEvent.objects.filter(action="claim.customer_contact_viewed").get()
        assert (entry.actor_id, entry.object_id) == (agent.pk, str(owner.pk))
        assert entry.changes == {"claim": claim.claim_number}

    def test_a_customer_is_told_why_and_nothing_is_recorded(self, actors):
        claim = Claims(actors).submitted()
        body = assert_problem(client_for(actors["owner"]).get(f"/api/claims/{claim.pk}/customer/"), 403)
        assert body["type"].endswith("permission_denied")
        assert not AuditEvent.objects.filter(action="claim.customer_contact_viewed").exists()

    def test_open_claims_counts_only_what_the_caller_may_see(self, actors):
        """An assessor learns nothing of the customer's claims not assigned to them."""
        claims = Claims(actors)
        claim = claims.submitted()
        other = claims.submitted()
        Claim.objects.filter(pk=other.pk).update(assigned_assessor=None)
        assessor_view = client_for(actors["assessor"]).get(f"/api/claims/{claim.pk}/customer/").json()
        agent_view = client_for(actors["agent"]).get(f"/api/claims/{claim.pk}/customer/").json()
        assert (assessor_view["open_claims"], agent_view["open_claims"]) == (1, 2)


class TestNames:
    def test_detail_names_the_assignees(self, actors):
        claim = Claims(actors).submitted()
        agent = actors["agent"]
        agent.name = "Achieng Otieno"
        agent.save()
        claim_assign(claim=claim, assigned_by=actors["supervisor"], agent=agent, reason="her patch")
        body = client_for(agent).get(f"/api/claims/{claim.pk}/").json()
        assert body["assigned_agent_name"] == "Achieng Otieno"
        assert body["assigned_assessor_name"] == actors["assessor"].name
        User.objects.filter(pk=actors["assessor"].pk).update(name="")
        body = client_for(agent).get(f"/api/claims/{claim.pk}/").json()
        assert body["assigned_assessor_name"] == actors["assessor"].email  # no name: the e-mail stands in

    def test_timeline_items_say_who_did_it(self, actors):
        claim = Claims(actors).approved()
        supervisor = actors["supervisor"]
        supervisor.name = "Baraka Mwangi"
        supervisor.save()
        communication_add(
            claim=claim, author=supervisor, channel="phone", direction="outbound", party="customer",
            subject="Called", body="Explained the next steps.",
        )  # fmt: skip
        claim_assign(claim=claim, assigned_by=supervisor, agent=actors["agent"], reason="cover")

        items = client_for(actors["agent"]).get(f"/api/claims/{claim.pk}/timeline/").json()["results"]

        communication = next(item for item in items if item["type"] == "communication")
        assert communication["actor_name"] == "Baraka Mwangi"
        assigned = next(item for item in items if item["type"] == "assigned" and item["role"] == "agent")
        assert (assigned["actor_name"], assigned["user_name"]) == ("Baraka Mwangi", actors["agent"].name)
        moved = [item for item in items if item["type"] == "status_changed"]
        assert moved and all(item["actor_name"] for item in moved)
        assert {"from", "to"} <= set(moved[-1])

    def test_communications_name_their_author(self, actors):
        claim = Claims(actors).submitted()
        agent = actors["agent"]
        communication_add(
            claim=claim, author=agent, channel="note", direction="internal", party="insurer", subject="",
            body="Asked the garage for photos.",
        )  # fmt: skip
        entries = client_for(agent).get(f"/api/claims/{claim.pk}/communications/").json()["results"]
        assert [entry["author_name"] for entry in entries] == [agent.name]

    def test_settlements_name_the_maker_and_the_checker(self, actors):
        claim, settlement = Claims(actors).with_settlement(approved=True)
        body = client_for(actors["agent"]).get(f"/api/claims/{claim.pk}/settlement/").json()
        assert body[0]["proposed_by_name"] == (settlement.proposed_by.name or settlement.proposed_by.email)
        assert body[0]["approved_by_name"] == actors["supervisor"].name


class TestReserveHistory:
    def test_each_reserve_lists_its_changes_oldest_first_with_who_and_why(self, actors):
        claim = Claims(actors).approved()
        agent = actors["agent"]
        reserve_set(claim=claim, cost_type="own_damage", amount=Decimal("40000"), reason="garage quote", actor=agent)
        reserve_set(claim=claim, cost_type="own_damage", amount=Decimal("45500.50"), reason="parts", actor=agent)
        reserve_set(claim=claim, cost_type="legal", amount=Decimal("10000"), reason="counsel", actor=agent)

        body = client_for(agent).get(f"/api/claims/{claim.pk}/reserves/").json()

        own_damage = next(reserve for reserve in body if reserve["cost_type"] == "own_damage")
        assert [
            (change["previous_amount"], change["new_amount"], change["reason"], change["actor_name"])
            for change in own_damage["history"]
        ] == [("0.00", "40000.00", "garage quote", agent.name), ("40000.00", "45500.50", "parts", agent.name)]
        legal = next(reserve for reserve in body if reserve["cost_type"] == "legal")
        assert [change["new_amount"] for change in legal["history"]] == ["10000.00"]

    def test_setting_a_reserve_answers_it_with_its_history(self, actors):
        claim = Claims(actors).approved()
        client = client_for(actors["agent"])
        client.post(
            f"/api/claims/{claim.pk}/reserves/",
            {"cost_type": "injury", "amount": "5000", "reason": "GP"},
            format="json",
        )
        response = client.post(
            f"/api/claims/{claim.pk}/reserves/",
            {"cost_type": "injury", "amount": "7500.00", "reason": "physio"},
            format="json",
        )
        assert response.status_code == 200, response.content
        assert [change["reason"] for change in response.json()["history"]] == ["GP", "physio"]

    def test_the_list_costs_the_same_however_many_changes(self, actors):
        claim = Claims(actors).approved()
        agent = actors["agent"]
        reserve_set(claim=claim, cost_type="own_damage", amount=Decimal("100"), reason="first", actor=agent)

        def grow():
            for index in range(4):
                changer = UserFactory(role=Role.SUPERVISOR, department=Department.MOTOR)
                for cost_type in ("own_damage", "legal", "expenses"):
                    reserve_set(
                        claim=claim, cost_type=cost_type, amount=Decimal(200 + index), reason="revised", actor=changer
                    )

        assert_constant_queries(client_for(agent), f"/api/claims/{claim.pk}/reserves/", grow=grow, max_queries=4)
