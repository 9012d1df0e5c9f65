"""Every event reaches exactly the users who may read its object.

For each event type, the audience its service publishes with (the function of the object's app's
permissions.py) is compared, over users of every role, department and customer, with the users the
object's selector lets read it. A user is reached when one of the groups their socket joins
(subscriptions.base_groups) is in the audience; admins always are (publish adds them). The claim's
own group reaches only sockets that subscribed to the claim, which needs the claim's visibility, so
it may only be in the audience of events every reader of the claim may see."""

from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.assessments.models import Assessment
from insurehub.assessments.permissions import assessment_audience, can_read_details
from insurehub.assessments.selectors import assessments_visible_to
from insurehub.claims.models import ClaimSettlement
from insurehub.claims.permissions import can_read_internal, claim_audience, claim_staff_audience
from insurehub.claims.selectors import claims_visible_to
from insurehub.core.roles import Department, Role
from insurehub.documents.permissions import document_audience
from insurehub.documents.selectors import documents_visible_to
from insurehub.documents.tests.factories import DocumentFactory, make_claim
from insurehub.payments.models import Direction, Method, Transaction, TransactionStatus
from insurehub.payments.permissions import payment_audience
from insurehub.payments.selectors import transactions_visible_to
from insurehub.policies.permissions import policy_audience
from insurehub.policies.selectors import policies_visible_to
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.realtime import groups
from insurehub.realtime.subscriptions import base_groups
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _readers_of(selector, *, also=lambda user, obj: True):
    def readers(users, obj):
        return {name for name, user in users.items() if selector(user).filter(pk=obj.pk).exists() and also(user, obj)}

    return readers


# kind -> (audience function its services publish with, who may read such an object)
KINDS = {
    "claim": (claim_audience, _readers_of(claims_visible_to)),
    "claim_internal": (claim_staff_audience, _readers_of(claims_visible_to, also=can_read_internal)),
    "assessment": (assessment_audience, _readers_of(assessments_visible_to, also=can_read_details)),
    "document": (document_audience, _readers_of(documents_visible_to)),
    "policy": (policy_audience, _readers_of(policies_visible_to)),
    "payment": (payment_audience, _readers_of(transactions_visible_to)),
}

# Every event type about one of these objects, with the kind of object it is about (the services'
# `publish(..., audience)` calls use the kind's function). Internal claim events: reserve changes,
# internal notes, enrichment risk flags.
EVENT_TYPES = {
    "claim.created": "claim",
    "claim.updated": "claim",
    "claim.status_changed": "claim",
    "claim.assigned": "claim",
    "claim.settlement_proposed": "claim",
    "claim.updated (internal)": "claim_internal",
    "claim.enriched": "claim_internal",
    "assessment.updated": "assessment",
    "document.scanned": "document",
    "document.processed": "document",
    "document.validated": "document",
    "policy.status_changed": "policy",
    "payment.succeeded": "payment",
    "payment.failed": "payment",
    "payment.refunded": "payment",
    "payment.payout_created": "payment",
    "payment.payout_confirmed": "payment",
}


@pytest.fixture
def users(actors):
    """Every role, in two departments, customers with and without the objects, one assessor per claim."""
    return {
        **actors,
        "assessor_health": UserFactory(role=Role.ASSESSOR, department=Department.HEALTH, certification_level=2),
        "agent_second": UserFactory(role=Role.AGENT, department=Department.MOTOR),
    }


def _transaction(*, customer, policy, direction=Direction.IN, n=0):
    return Transaction.objects.create(
        reference=f"TXN-AUD-{direction}-{n}-{policy.pk.hex[:6]}",
        customer=customer,
        policy=policy,
        method=Method.BANK_TRANSFER,
        direction=direction,
        amount=Decimal("1500.00"),
        currency="KES",
        status=TransactionStatus.SUCCEEDED,
    )


@pytest.fixture
def objects(users):
    """Objects of every kind, in the shapes that change who may read them."""
    owner = users["owner"]
    # Assigned to the motor agent and assessor; another with nobody assigned; one in another department.
    claim = make_claim(customer=owner, agent=users["agent"], assessor=users["assessor"])
    unassigned = make_claim(customer=owner)
    health = make_claim(
        customer=users["other_customer"], department=Department.HEALTH, assessor=users["assessor_health"]
    )
    quiet_policy = PolicyFactory(customer=users["other_customer"])  # no claim on it
    settlement = ClaimSettlement.objects.create(
        claim=unassigned,
        amount=Decimal("900.00"),
        currency="KES",
        payee="Owner",
        method="bank_transfer",
        cost_type="own_damage",
        proposed_by=users["agent"],
        status="paid",
        paid_transaction=_transaction(customer=owner, policy=claim.policy, direction=Direction.OUT, n=9),
    )
    return {
        "claim": [claim, unassigned, health],
        "claim_internal": [claim, unassigned, health],
        "assessment": [
            Assessment.objects.create(claim=claim, assessor=users["assessor"], scheduled_at=timezone.now()),
            Assessment.objects.create(claim=health, assessor=users["assessor_health"]),
        ],
        "document": [
            DocumentFactory(owner=owner, claim=claim),  # the customer's own upload
            DocumentFactory(owner=users["agent"], claim=claim),  # staff upload: hidden from the customer
            DocumentFactory(owner=users["assessor"], claim=claim),
            DocumentFactory(owner=users["agent_other_dept"], claim=claim),  # an uploader who no longer sees the claim
            DocumentFactory(owner=owner),  # no claim
            DocumentFactory(owner=users["agent_second"]),
        ],
        "policy": [claim.policy, unassigned.policy, health.policy, quiet_policy],
        "payment": [
            _transaction(customer=owner, policy=claim.policy),
            _transaction(customer=users["other_customer"], policy=quiet_policy, n=1),
            settlement.paid_transaction,  # a payout settling a claim: its assessor reads it too
        ],
    }


def reached(users, audience) -> set[str]:
    """Who an event with `audience` reaches through the groups their socket always joins."""
    members = {*audience, groups.ADMINS}  # publish() addresses every event to the admins too
    return {name for name, user in users.items() if members & set(base_groups(user))}


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_event_audience_is_who_may_read_the_object(event_type, users, objects):
    kind = EVENT_TYPES[event_type]
    audience_of, readers = KINDS[kind]
    for obj in objects[kind]:
        audience = audience_of(obj)
        assert reached(users, audience) == readers(users, obj), (event_type, obj)
        if kind != "claim":
            # The claim's group may hold its customer's socket: never an audience for what they may not read.
            assert not any(group.startswith("claim.") for group in audience), (event_type, audience)


def test_staff_uploaded_documents_are_not_announced_to_the_customer(users, objects):
    """The drift this rule replaced: document events went to the claim's customer (and the claim's
    group) although the documents selector hides staff uploads from the customer."""
    from insurehub.documents import services

    staff_upload = objects["document"][1]
    assert not documents_visible_to(users["owner"]).filter(pk=staff_upload.pk).exists()
    audience = services._audience(staff_upload)
    assert groups.user_group(users["owner"].pk) not in audience
    assert groups.claim_group(staff_upload.claim_id) not in audience
    assert "owner" not in reached(users, audience)


def test_the_scenes_cover_every_role(users):
    roles = {user.role for user in users.values()}
    assert roles == set(Role.values)


def test_payout_audience_includes_the_settled_claims_assessor(users, objects):
    payout = objects["payment"][2]
    assert payout.direction == Direction.OUT
    assert "assessor" in reached(users, payment_audience(payout))


def test_a_published_document_event_reaches_its_readers_only(users, objects):
    """Through the service: validating a staff upload publishes `document.validated` to who may read it."""
    from insurehub.documents.models import ProcessingStatus
    from insurehub.documents.services import document_validate
    from insurehub.realtime.models import OutboxEvent

    staff_upload = objects["document"][1]
    staff_upload.processing_status = ProcessingStatus.DONE
    staff_upload.processed_data = {"fields": {}}
    staff_upload.save(update_fields=["processing_status", "processed_data"])
    document_validate(document=staff_upload, actor=users["agent"])
    event = OutboxEvent.objects.filter(type="document.validated").latest("id")
    assert event.data["document"] == str(staff_upload.pk)
    assert reached(users, event.audience) == KINDS["document"][1](users, staff_upload)
    assert "owner" not in reached(users, event.audience)
