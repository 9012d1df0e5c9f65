"""What the customer's claim page reads and does (issue #17, "My claims"): the settlement offer and
the customer's answer (or staff recording it for them), the documents asked of them, where the
claim stands in codes, the timeline and report meant for them, and messages that reach them live."""

import io
from decimal import Decimal

import pytest
from django.test import TestCase
from pypdf import PdfReader

from insurehub.audit.models import AuditEvent
from insurehub.claims import privacy as claims_privacy
from insurehub.claims.models import Claim, ClaimSettlement, DocumentRequest
from insurehub.claims.services import (
    document_request_create,
    document_request_fulfil,
    settlement_approve,
    settlement_pay,
    settlement_propose,
    settlement_respond,
)
from insurehub.claims.tests.factories import accept_offer
from insurehub.claims.tests.test_access import VISIBLE_STAFF, Claims
from insurehub.core.errors import ApplicationError
from insurehub.core.testing import (
    AccessMatrix,
    assert_constant_queries,
    assert_problem,
    client_for,
    idempotency_key,
)
from insurehub.notifications.models import Notification
from insurehub.realtime import groups
from insurehub.realtime.models import OutboxEvent
from insurehub.users.models import NotificationPreference

pytestmark = pytest.mark.django_db

READERS = {"owner", "assessor", *VISIBLE_STAFF}


def committed(call):
    """Run a request and its after-commit work (notifications), as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call()


def _offer(actors, *, approved: bool = True, note: str = "Garage padded the quote; agreed 40k."):
    """A claim whose 40 000 settlement (internal note) is approved (an offer) or only proposed."""
    claims = Claims(actors)
    claim, settlement = claims.with_settlement(approved=False)
    ClaimSettlement.objects.filter(pk=settlement.pk).update(note=note)
    if approved:
        settlement = committed(lambda: settlement_approve(settlement=settlement, approved_by=actors["supervisor"]))
    return Claim.objects.get(pk=claim.pk), ClaimSettlement.objects.get(pk=settlement.pk)


def _answer(client, claim, settlement, body, **headers):
    url = f"/api/claims/{claim.pk}/settlement/{settlement.pk}/response/"
    return committed(lambda: client.post(url, body, format="json", **(headers or idempotency_key())))


# --- the settlement offer -------------------------------------------------------------------


def test_the_customer_sees_an_offer_only_once_approved_and_never_the_desks_note(actors):
    claim, settlement = _offer(actors, approved=False)
    owner = client_for(actors["owner"])
    url = f"/api/claims/{claim.pk}/settlement/offers/"
    assert owner.get(url).json() == []  # proposed, not approved: not an offer yet
    assert owner.get(f"/api/claims/{claim.pk}/").json()["customer_status"]["next_step_code"] == "offer_being_prepared"

    committed(lambda: settlement_approve(settlement=settlement, approved_by=actors["supervisor"]))
    [offer] = owner.get(url).json()
    assert offer["id"] == str(settlement.pk)
    assert (offer["amount"], offer["currency"], offer["cost_type"]) == ("40000.00", "KES", "own_damage")
    assert (offer["payee"], offer["method"], offer["offer_status"]) == (
        "Westlands Motors",
        "bank_transfer",
        "awaiting_answer",
    )
    assert offer["excess"] == "15000.00"  # the policy type's excess (policies' factory)
    assert "note" not in offer and "padded" not in str(offer)
    status = owner.get(f"/api/claims/{claim.pk}/").json()["customer_status"]
    assert status == {
        "code": "settlement",
        "next_step_code": "answer_offer",
        "action_required": True,
        "documents_requested": 0,
        "offer": str(settlement.pk),
    }
    # Told in words, through their preferences.
    assert Notification.objects.filter(recipient=actors["owner"], kind="claim.settlement_offered").count() == 1


def test_the_customer_accepts_once_and_the_agent_is_told(actors):
    claim, settlement = _offer(actors)
    owner = client_for(actors["owner"])
    key = idempotency_key()
    first = _answer(owner, claim, settlement, {"decision": "accept"}, **key)
    assert first.status_code == 200, first.content
    assert first.json()["offer_status"] == "accepted" and first.json()["answered_on_behalf"] is False
    again = _answer(owner, claim, settlement, {"decision": "accept"}, **key)  # a retry after a lost answer
    assert again.status_code == 200 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    body = assert_problem(_answer(owner, claim, settlement, {"decision": "decline", "reason": "changed my mind"}), 409)
    assert body["type"] == "/problems/already_answered"

    settlement.refresh_from_db()
    assert (settlement.customer_decision, settlement.customer_decided_by) == ("accepted", actors["owner"])
    entry = AuditEvent.objects.get(action="claim.settlement_accepted")
    assert entry.actor_id == actors["owner"].pk and entry.changes["on_behalf_of_customer"] is False
    # The claim's agent is told (none assigned here: the proposer), and every reader of the claim hears it.
    told = Notification.objects.get(kind="claim.settlement_accepted")
    assert told.recipient == settlement.proposed_by and claim.claim_number in told.title
    event = OutboxEvent.objects.filter(type="claim.updated", data__settlement="accepted").get()
    assert groups.user_group(actors["owner"].pk) in event.audience
    assert owner.get(f"/api/claims/{claim.pk}/").json()["customer_status"]["next_step_code"] == "payment_on_its_way"


def test_pay_needs_the_customers_acceptance(actors):
    _, settlement = _offer(actors)
    with pytest.raises(ApplicationError) as refused:
        settlement_pay(settlement=settlement, paid_by=actors["supervisor"])
    assert (refused.value.code, refused.value.status) == ("not_accepted", 409)
    settlement.refresh_from_db()
    assert settlement.status == "approved" and settlement.paid_transaction_id is None
    paid = settlement_pay(settlement=accept_offer(settlement), paid_by=actors["supervisor"])
    assert paid.paid_transaction_id is not None


def test_a_declined_offer_goes_back_to_the_agent_who_may_offer_again(actors):
    claim, settlement = _offer(actors)
    owner = client_for(actors["owner"])
    body = assert_problem(_answer(owner, claim, settlement, {"decision": "decline"}), 400)
    assert body["type"] == "/problems/reason_required"
    declined = _answer(owner, claim, settlement, {"decision": "decline", "reason": "The repair costs 55,000."})
    assert declined.status_code == 200 and declined.json()["offer_status"] == "declined"

    settlement.refresh_from_db()
    claim.refresh_from_db()
    assert (settlement.status, settlement.customer_decision) == ("rejected", "declined")
    assert claim.status == "settlement"
    told = Notification.objects.get(kind="claim.settlement_declined")
    assert told.recipient == settlement.proposed_by and "55,000" in told.body
    # Still listed for the customer, as declined; the page says a new offer is being prepared.
    assert [o["offer_status"] for o in owner.get(f"/api/claims/{claim.pk}/settlement/offers/").json()] == ["declined"]
    assert owner.get(f"/api/claims/{claim.pk}/").json()["customer_status"]["next_step_code"] == "offer_being_prepared"
    # The offer is closed: the agent proposes another.
    again = settlement_propose(
        claim=claim,
        amount=Decimal("45000.00"),
        payee="Westlands Motors",
        method="bank_transfer",
        cost_type="own_damage",
        proposed_by=actors["agent"],
    )
    assert again.status == "proposed"


def test_staff_record_the_customers_acceptance_with_a_note_audited_as_such(actors):
    claim, settlement = _offer(actors)
    agent = client_for(actors["agent"])
    body = assert_problem(_answer(agent, claim, settlement, {"decision": "accept"}), 400)
    assert body["type"] == "/problems/note_required"
    done = _answer(agent, claim, settlement, {"decision": "accept", "note": "Customer accepted by phone at 10:40."})
    assert done.status_code == 200 and done.json()["answered_on_behalf"] is True

    entry = AuditEvent.objects.get(action="claim.settlement_accepted_on_behalf")
    assert entry.actor_id == actors["agent"].pk and entry.changes["note"] == "Customer accepted by phone at 10:40."
    assert not AuditEvent.objects.filter(action="claim.settlement_accepted").exists()
    desk = agent.get(f"/api/claims/{claim.pk}/settlement/").json()[0]
    assert desk["customer_decision"] == "accepted" and desk["answered_on_behalf"] is True
    assert desk["customer_decision_note"] == "Customer accepted by phone at 10:40."
    customer_copy = client_for(actors["owner"]).get(f"/api/claims/{claim.pk}/settlement/offers/").json()[0]
    assert customer_copy["answered_on_behalf"] is True and "10:40" not in str(customer_copy)


def test_only_an_approved_offer_is_answered(actors):
    _, settlement = _offer(actors, approved=False)
    with pytest.raises(ApplicationError) as refused:
        settlement_respond(settlement=settlement, decided_by=actors["owner"], decision="accepted")
    assert refused.value.code == "not_offered"


def test_access_matrix_for_answering_an_offer(actors):
    """Customers answer their own claim's offer; the desk records answers for them; assessors may
    not (403 before the claim is looked up); whoever may not see the claim gets 404."""

    def call(client):
        claim, settlement = _offer(actors)
        return _answer(client, claim, settlement, {"decision": "accept", "note": "By phone."})

    AccessMatrix(actors).assert_write(
        call,
        expected={"owner": 200, "assessor": 403, "assessor_other": 403, **dict.fromkeys(VISIBLE_STAFF, 200)},
    )


def test_access_matrix_and_fixed_queries_for_the_offers(actors):
    claim, settlement = _offer(actors)
    url = f"/api/claims/{claim.pk}/settlement/offers/"
    AccessMatrix(actors).assert_write(lambda c: c.get(url), expected=dict.fromkeys(READERS, 200))

    def grow():  # declined, and a second offer made
        settlement_respond(settlement=settlement, decided_by=actors["owner"], decision="declined", reason="Low.")
        again = settlement_propose(
            claim=claim, amount=Decimal("45000.00"), payee="Westlands Motors", method="mpesa",
            cost_type="own_damage", proposed_by=actors["agent"],
        )  # fmt: skip
        accept_offer(settlement_approve(settlement=again, approved_by=actors["supervisor"]), by=actors["agent"])

    assert_constant_queries(client_for(actors["owner"]), url, grow=grow, max_queries=6)
    offers = client_for(actors["owner"]).get(url).json()
    assert [(o["offer_status"], o["answered_on_behalf"]) for o in offers] == [("accepted", True), ("declined", False)]


# --- documents asked of the customer --------------------------------------------------------


def _ask(client, claim, kind="police_report", note="Please send the police abstract (OB number)."):
    return committed(
        lambda: client.post(f"/api/claims/{claim.pk}/document-requests/", {"kind": kind, "note": note}, format="json")
    )


def test_staff_ask_for_a_document_and_the_customer_is_told_and_sees_it(actors):
    claim = Claims(actors).submitted()
    asked = _ask(client_for(actors["agent"]), claim)
    assert asked.status_code == 201, asked.content
    assert asked.json()["state"] == "open" and asked.json()["requested_by_name"]

    owner = client_for(actors["owner"])
    [listed] = owner.get(f"/api/claims/{claim.pk}/document-requests/").json()["results"]
    assert (listed["kind"], listed["note"]) == ("police_report", "Please send the police abstract (OB number).")
    told = Notification.objects.get(recipient=actors["owner"], kind="claim.document_requested")
    assert told.topic == "documents" and "police report" in told.title and "OB number" in told.body
    assert AuditEvent.objects.filter(action="claim.document_requested", actor=actors["agent"]).exists()
    status = owner.get(f"/api/claims/{claim.pk}/").json()["customer_status"]
    assert (status["next_step_code"], status["documents_requested"], status["action_required"]) == (
        "upload_documents",
        1,
        True,
    )
    timeline = owner.get(f"/api/claims/{claim.pk}/timeline/").json()["results"]
    assert [(i["type"], i["kind"]) for i in timeline if i["type"].startswith("document_request")] == [
        ("document_requested", "police_report")
    ]


def test_a_customer_who_turned_document_notices_off_is_not_notified_in_app(actors):
    NotificationPreference.objects.create(user=actors["owner"], channel="in_app", topic="documents", enabled=False)
    claim = Claims(actors).submitted()
    assert _ask(client_for(actors["agent"]), claim).status_code == 201
    assert not Notification.objects.filter(recipient=actors["owner"], kind="claim.document_requested").exists()


def test_a_document_of_the_kind_fulfils_the_oldest_open_request(actors):
    claim = Claims(actors).submitted()
    agent = client_for(actors["agent"])
    first, second = (_ask(agent, claim).json()["id"] for _ in range(2))
    other = _ask(agent, claim, kind="driving_licence").json()["id"]
    document_id = "0b7e2c1e-3f40-4a8e-9d8f-3c0de0c0ffee"
    fulfilled = document_request_fulfil(
        claim_id=claim.pk, kind="police_report", document_id=document_id, uploaded_by=actors["owner"]
    )
    assert str(fulfilled.pk) == first
    states = {r.pk.hex: r.state for r in DocumentRequest.objects.filter(claim=claim)}
    assert [states[x.replace("-", "")] for x in (first, second, other)] == ["fulfilled", "open", "open"]
    assert str(DocumentRequest.objects.get(pk=first).fulfilled_by_document) == document_id
    assert document_request_fulfil(claim_id=claim.pk, kind="photo", document_id=document_id, uploaded_by=None) is None
    assert AuditEvent.objects.filter(action="claim.document_request_fulfilled").count() == 1


def test_staff_cancel_an_open_request_once(actors):
    claim = Claims(actors).submitted()
    agent = client_for(actors["agent"])
    request_id = _ask(agent, claim).json()["id"]
    url = f"/api/claims/{claim.pk}/document-requests/{request_id}/cancel/"
    assert_problem(client_for(actors["owner"]).post(url), 403)
    cancelled = agent.post(url)
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert assert_problem(agent.post(url), 409)["type"] == "/problems/request_closed"
    owner = client_for(actors["owner"])
    assert owner.get(f"/api/claims/{claim.pk}/").json()["customer_status"]["documents_requested"] == 0


def test_nobody_is_asked_for_documents_on_a_closed_claim(actors):
    claim = Claims(actors).submitted()
    Claim.objects.filter(pk=claim.pk).update(status="closed")
    assert_problem(_ask(client_for(actors["agent"]), claim), 409)


def test_access_matrix_for_asking_and_cancelling(actors):
    claims = Claims(actors)
    AccessMatrix(actors).assert_write(
        lambda c: _ask(c, claims.submitted()),
        expected={"owner": 403, "other_customer": 403, "assessor": 201, **dict.fromkeys(VISIBLE_STAFF, 201)},
    )

    def cancel(client):
        claim = claims.submitted()
        asked = document_request_create(claim=claim, kind="photo", requested_by=actors["agent"])
        return client.post(f"/api/claims/{claim.pk}/document-requests/{asked.pk}/cancel/")

    AccessMatrix(actors).assert_write(
        cancel, expected={"owner": 403, "other_customer": 403, "assessor": 200, **dict.fromkeys(VISIBLE_STAFF, 200)}
    )


def test_the_list_of_requests_costs_the_same_however_many(actors):
    claim = Claims(actors).submitted()
    url = f"/api/claims/{claim.pk}/document-requests/"
    AccessMatrix(actors).assert_write(lambda c: c.get(url), expected=dict.fromkeys(READERS, 200))
    document_request_create(claim=claim, kind="photo", requested_by=actors["agent"])

    def grow():
        for kind in ("id", "estimate", "repair_invoice"):
            document_request_create(claim=claim, kind=kind, requested_by=actors["supervisor"])

    assert_constant_queries(client_for(actors["owner"]), url, grow=grow, max_queries=6)


# --- where the claim stands -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "next_step", "action"),
    [
        ("draft", "finish_and_submit", True),
        ("submitted", "agent_reviews", False),
        ("under_review", "agent_reviews", False),
        ("assessment", "assessor_contacts", False),
        ("approved", "offer_being_prepared", False),
        ("rejected", "reply_if_you_disagree", False),
        ("settled", "payment_made", False),
        ("closed", "nothing_needed", False),
        ("withdrawn", "nothing_needed", False),
    ],
)
def test_customer_status_codes(actors, status, next_step, action):
    claim = Claims(actors).submitted()
    Claim.objects.filter(pk=claim.pk).update(status=status)
    got = client_for(actors["owner"]).get(f"/api/claims/{claim.pk}/").json()["customer_status"]
    assert (got["code"], got["next_step_code"], got["action_required"]) == (status, next_step, action)


# --- the timeline, messages and report meant for the customer -------------------------------


def test_the_customers_timeline_holds_only_what_is_meant_for_them(actors):
    claim, settlement = _offer(actors)
    agent = client_for(actors["agent"])
    url = f"/api/claims/{claim.pk}/"
    agent.post(
        url + "communications/",
        {"channel": "note", "direction": "internal", "party": "customer", "body": "Suspect staged accident."},
        format="json",
    )
    agent.post(url + "communications/", {"channel": "sms", "direction": "outbound", "party": "customer",
                                          "body": "Your offer is ready."}, format="json")  # fmt: skip
    # The customer declines the offer; the agent proposes another, not approved (not offered) yet.
    settlement_respond(settlement=settlement, decided_by=actors["owner"], decision="declined", reason="Too low.")
    settlement_propose(
        claim=claim, amount=Decimal("1.00"), payee="Never Offered Garage", method="cheque", cost_type="own_damage",
        proposed_by=actors["agent"],
    )  # fmt: skip

    staff = agent.get(url + "timeline/").json()["results"]
    customer = client_for(actors["owner"]).get(url + "timeline/").json()["results"]
    staff_types = {item["type"] for item in staff}
    assert {"assigned", "reserve_changed", "settlement_proposed"} <= staff_types
    types = [item["type"] for item in customer]
    assert "assigned" not in types and "reserve_changed" not in types and "settlement_proposed" not in types
    assert "settlement_offered" in types and "settlement_declined" in types
    text = str(customer)
    assert "Suspect staged" not in text and "Never Offered" not in text and "padded" not in text
    assert "Your offer is ready." in text


def test_a_message_to_the_customer_reaches_them_live_and_an_internal_note_does_not(actors):
    claim = Claims(actors).submitted()
    agent, owner = client_for(actors["agent"]), client_for(actors["owner"])
    mine = groups.user_group(actors["owner"].pk)
    url = f"/api/claims/{claim.pk}/communications/"
    sent = agent.post(url, {"channel": "sms", "direction": "outbound", "party": "customer", "body": "Photos?"},
                      format="json").json()  # fmt: skip
    note = agent.post(url, {"direction": "internal", "body": "Check garage."}, format="json").json()
    reply = owner.post(url, {"body": "Sent them this morning."}, format="json").json()
    audiences = {e.data["communication"]: e.audience for e in OutboxEvent.objects.filter(data__has_key="communication")}
    assert mine in audiences[sent["id"]] and mine in audiences[reply["id"]]
    assert mine not in audiences[note["id"]] and groups.claim_group(claim.pk) not in audiences[note["id"]]
    assert [c["body"] for c in owner.get(url).json()["results"]] == ["Photos?", "Sent them this morning."]


def test_the_customers_report_leaves_out_what_is_internal(actors):
    claim, settlement = _offer(actors, approved=False)  # proposed: never offered
    url = f"/api/claims/{claim.pk}/report.pdf"

    def text(user):
        response = client_for(user).get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)

    assert "Westlands Motors" in text(actors["agent"]) and "SLA due" in text(actors["agent"])
    customer_copy = text(actors["owner"])
    assert "Westlands Motors" not in customer_copy and "SLA due" not in customer_copy
    assert "padded" not in customer_copy and "garage quote" not in customer_copy  # note, reserve reason
    committed(lambda: settlement_approve(settlement=settlement, approved_by=actors["supervisor"]))
    assert "Westlands Motors" in text(actors["owner"])  # offered now


def test_the_customers_data_export_holds_their_offers_and_asks_and_erasure_redacts_their_words(actors):
    claim, settlement = _offer(actors)
    settlement_respond(settlement=settlement, decided_by=actors["owner"], decision="declined", reason="My own words.")
    document_request_create(claim=claim, kind="photo", note="The rear bumper, please.", requested_by=actors["agent"])
    [exported] = [c for c in claims_privacy.export(actors["owner"]) if c["claim_number"] == claim.claim_number]
    assert [(o["decision"], o["decision_reason"]) for o in exported["settlement_offers"]] == [
        ("declined", "My own words.")
    ]
    assert "padded" not in str(exported)  # the desk's note is not the customer's data
    assert [(r["kind"], r["state"]) for r in exported["documents_asked"]] == [("photo", "open")]
    assert claims_privacy.erase(actors["owner"])["offer_answers_redacted"] == 1
    assert ClaimSettlement.objects.get(pk=settlement.pk).customer_decision_reason == "[erased]"
