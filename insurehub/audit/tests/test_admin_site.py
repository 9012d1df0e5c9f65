"""Every model in the admin, as an admin sees it: each changelist and each change page renders,
no form offers a status or an amount as an input, history and logs can be neither changed nor
deleted, and a write made in the admin leaves an audit entry."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models
from django.test import Client
from django.urls import reverse
from rest_framework_simplejwt.tokens import RefreshToken

from insurehub.alerts.models import Alert
from insurehub.alerts.services import alert_raise
from insurehub.analytics.services import activity_record
from insurehub.assessments.models import Photo
from insurehub.assessments.services import assessment_create, estimate_create
from insurehub.assessments.tests.factories import lines
from insurehub.audit.models import AuditEvent
from insurehub.catastrophes.tests.test_api import declare
from insurehub.claims.models import Claim
from insurehub.claims.services import claim_assign, claim_transition, communication_add, settlement_pay
from insurehub.claims.tests.test_access import Claims
from insurehub.documents.tests.factories import DocumentFactory
from insurehub.intake.permissions import Caller
from insurehub.intake.services import import_start
from insurehub.intake.tests.factories import incident_row, incidents_csv, partner_with_key
from insurehub.integrations.models import ClaimEnrichment
from insurehub.integrations.tests.factories import VehicleCheckFactory
from insurehub.notifications.models import EmailLog, Notification, SMSLog
from insurehub.payments.models import BankStatement, PaymentSchedule, Refund, Transaction
from insurehub.payments.services import (
    bank_statement_reconcile,
    bank_transfer_start,
    payout_confirm,
    refund_request,
    schedule_create,
)
from insurehub.policies.services import review_create
from insurehub.privacy.models import PrivacyRequest
from insurehub.privacy.services import consent_set
from insurehub.realtime.services import webhook_replay, webhook_subscription_create
from insurehub.users.models import NotificationPreference, User
from insurehub.users.services import password_reset_request
from insurehub.vehicles.models import Vehicle
from insurehub.workflows.services import stage_enter

pytestmark = pytest.mark.django_db

# Rows that are history or logs: shown in the admin, never changed or deleted there.
HISTORY = {
    "audit.auditevent",
    "claims.claimstatushistory",
    "claims.claimassignment",
    "claims.reservechange",
    "claims.claimcommunication",
    "realtime.outboxevent",
    "realtime.webhookdelivery",
    "workflows.workflowstage",
    "privacy.consentrecord",
    "notifications.emaillog",
    "notifications.smslog",
    "analytics.useractivity",
    "payments.statementline",
    "users.accounttoken",
}
# A price list, not a movement of money: changed through policy_type_update, audited.
EDITABLE_AMOUNTS = {("policies.policytype", "base_premium")}


@pytest.fixture
def world(actors, django_capture_on_commit_callbacks):
    """At least one row of every model registered in the admin, made by the services where
    they exist (so the rows are what production would hold; what subscribers do after commit,
    such as notifications, runs too)."""
    with django_capture_on_commit_callbacks(execute=True):
        return _world(actors)


def _world(actors):
    claims = Claims(actors)
    claim, settlement = claims.with_settlement(approved=True)
    claim_assign(claim=claim, assigned_by=actors["admin"], agent=actors["agent"], reason="workload")
    payout = settlement_pay(settlement=settlement, paid_by=actors["supervisor"]).paid_transaction
    payout_confirm(payout=payout, provider_reference="BNK-ADMIN-SITE-1", confirmed_by=actors["admin"])
    communication_add(
        claim=claim,
        author=actors["agent"],
        channel="email",
        direction="outbound",
        party="customer",
        subject="Your claim",
        body="We have paid the garage.",
    )
    other = claims.submitted()
    for step in ("under_review", "assessment"):
        other = claim_transition(claim=other, to_status=step, actor=actors["admin"])
    assessment = assessment_create(claim=other, created_by=actors["agent"], assessor=actors["assessor"])
    estimate_create(
        assessment=assessment,
        source="garage_quote",
        lines=lines(("part", "Rear bumper", "1", "25000")),
        created_by=actors["assessor"],
    )
    Photo.objects.create(
        assessment=assessment,
        claim=other,
        document=DocumentFactory(owner=actors["assessor"], claim=other, filename="rear.jpg"),
        uploaded_by=actors["assessor"],
        filename="rear.jpg",
        sha256="0" * 64,
        original_size=1024,
    )
    alert_raise(kind="test", severity=Alert.Severity.LOW, title="Look at this claim", claim=other)
    ClaimEnrichment.objects.get_or_create(claim=other)
    DocumentFactory(owner=actors["owner"])
    VehicleCheckFactory(vehicle=claims.policy.vehicle)

    policy = claims.policy
    if not PaymentSchedule.objects.filter(policy=policy).exists():
        schedule_create(policy=policy, created_by=actors["admin"])
    txn = bank_transfer_start(policy=policy, instalment=None, initiated_by=actors["owner"])
    csv = (
        f"date,reference,amount,currency,bank_reference\n2026-01-02,{txn.reference},{txn.amount},{txn.currency},BR-1\n"
    )
    BankStatement.objects.create(file=ContentFile(csv.encode(), name="statement.csv"), uploaded_by=actors["admin"])
    bank_statement_reconcile(content=csv, reconciled_by=actors["admin"])
    refund_request(txn=txn, amount=Decimal("100"), reason="overpaid", requested_by=actors["owner"])
    review_create(customer=actors["owner"], policy_type=policy.policy_type, rating=4, text="Fair.")
    stage_enter(subject=policy, stage="active", actor=actors["admin"])

    PrivacyRequest.objects.create(
        subject=actors["other_customer"], kind="erasure", requested_by=actors["other_customer"]
    )
    consent_set(user=actors["owner"], purpose="marketing", granted=True)
    subscription = webhook_subscription_create(
        name="Garage network", url="https://partner.example/hooks", event_types=["*"], created_by=actors["admin"]
    )
    webhook_replay(subscription=subscription, since=0, replayed_by=actors["admin"])
    NotificationPreference.objects.get_or_create(user=actors["owner"], channel="sms", topic="payments")
    EmailLog.objects.create(
        recipient=actors["owner"], to_address="owner@example.test", template="t", subject="s", body="b"
    )
    SMSLog.objects.create(recipient=actors["owner"], to_number="+254700000001", template="t", body="b")
    activity_record(user=actors["owner"], action="claim.viewed", target=claim)
    Group.objects.create(name="Claims auditors")
    declare(actors["supervisor"])
    partner, api_key, _ = partner_with_key(admin=actors["admin"], policies=[policy])
    import_start(
        caller=Caller(partner=partner, api_key=api_key),
        content=incidents_csv([incident_row(policy)]),
        filename="incidents.csv",
    )
    RefreshToken.for_user(actors["owner"]).blacklist()
    password_reset_request(email=actors["owner"].email)
    return {"claim": claim}


@pytest.fixture
def admin_client(actors):
    client = Client()
    client.force_login(actors["admin"])
    return client


def _urls(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def _is_amount(field) -> bool:
    return isinstance(field, models.DecimalField) and field.decimal_places == 2


def _is_state(name: str) -> bool:
    return name == "status" or name.endswith("_status")


def test_every_admin_page_renders_and_offers_no_state_or_amount(world, admin_client):
    missing = []
    for model in admin.site._registry:
        label = model._meta.label_lower
        changelist = admin_client.get(_urls(model, "changelist"))
        assert changelist.status_code == 200, (label, changelist.status_code)
        obj = model._default_manager.order_by().first()
        if obj is None:
            missing.append(label)
            continue
        page = admin_client.get(_urls(model, "change", obj.pk))
        assert page.status_code == 200, (label, page.status_code)
        form = page.context["adminform"].form
        for name in form.fields:
            assert not _is_state(name), f"{label}.{name} is workflow state and must be read-only"
            field = next((f for f in model._meta.fields if f.name == name), None)
            if (label, name) not in EDITABLE_AMOUNTS:
                assert not _is_amount(field), f"{label}.{name} is an amount and must be read-only"
    assert missing == [], f"no row to open the change page of: {missing}"
    assert admin_client.get(reverse("admin:index")).status_code == 200


def test_every_add_page_that_is_offered_renders(admin_client, actors):
    request = type("R", (), {"user": actors["admin"]})()
    offered = [model for model, model_admin in admin.site._registry.items() if model_admin.has_add_permission(request)]
    assert Claim not in offered and Transaction not in offered  # filed and paid through the API only
    for model in offered:
        assert admin_client.get(_urls(model, "add")).status_code == 200, model._meta.label_lower


def test_history_and_logs_cannot_be_changed_or_deleted(world, admin_client, actors):
    registered = {model._meta.label_lower: model for model in admin.site._registry}
    assert set(registered) >= HISTORY
    for label in sorted(HISTORY):
        model = registered[label]
        obj = model._default_manager.order_by().first()
        assert obj is not None, label
        model_admin = admin.site._registry[model]
        assert admin_client.post(_urls(model, "delete", obj.pk), {"post": "yes"}).status_code == 403, label
        assert admin_client.post(_urls(model, "change", obj.pk), {}).status_code == 403, label
        changelist = admin_client.get(_urls(model, "changelist"))
        assert b'value="delete_selected"' not in changelist.content, label
        admin_client.post(
            _urls(model, "changelist"), {"action": "delete_selected", ACTION_CHECKBOX_NAME: [obj.pk], "post": "yes"}
        )
        assert model._default_manager.filter(pk=obj.pk).exists(), label
        request = type("R", (), {"user": actors["admin"]})()
        assert not model_admin.has_delete_permission(request, obj), label
        assert not model_admin.has_change_permission(request, obj), label


def test_a_write_in_the_admin_is_audited(world, admin_client, actors):
    vehicle = Vehicle.objects.filter(policies__isnull=True).first() or Vehicle.objects.first()
    page = admin_client.get(_urls(Vehicle, "change", vehicle.pk))
    data = {name: ("" if value is None else value) for name, value in page.context["adminform"].form.initial.items()}
    data["colour"] = "Midnight blue"
    data = {k: v for k, v in data.items() if k in page.context["adminform"].form.fields}

    response = admin_client.post(_urls(Vehicle, "change", vehicle.pk), data)

    assert response.status_code == 302
    vehicle.refresh_from_db()
    assert vehicle.colour == "Midnight blue"
    service_entry = AuditEvent.objects.get(action="vehicle.updated", object_id=str(vehicle.pk))
    assert service_entry.changes["colour"][1] == "Midnight blue" and service_entry.actor_id == actors["admin"].pk
    assert AuditEvent.objects.filter(action="admin.changed", object_id=str(vehicle.pk)).exists()


def test_a_service_refusal_is_a_message_and_nothing_is_saved(world, admin_client):
    insured = Vehicle.objects.filter(policies__status="active").first()
    page = admin_client.get(_urls(Vehicle, "change", insured.pk))
    form = page.context["adminform"].form
    data = {name: ("" if form.initial.get(name) is None else form.initial[name]) for name in form.fields}
    data["registration"] = "KDA 999Z"

    response = admin_client.post(_urls(Vehicle, "change", insured.pk), data, follow=True)

    assert response.status_code == 200
    assert "cannot change" in " ".join(str(m) for m in response.context["messages"])
    insured.refresh_from_db()
    assert insured.registration != "KDA 999Z"
    assert not AuditEvent.objects.filter(action="admin.changed", object_id=str(insured.pk)).exists()


def test_actions_call_the_services(world, admin_client, actors):
    alert = Alert.objects.get(kind="test")
    admin_client.post(_urls(Alert, "changelist"), {"action": "acknowledge", ACTION_CHECKBOX_NAME: [alert.pk]})
    alert.refresh_from_db()
    assert (alert.status, alert.acknowledged_by) == ("acknowledged", actors["admin"])
    assert AuditEvent.objects.filter(action="alert.acknowledged", object_id=str(alert.pk)).exists()

    refund = Refund.objects.get(status="requested")
    selected = {"action": "decide", ACTION_CHECKBOX_NAME: [refund.pk]}
    assert admin_client.post(_urls(Refund, "changelist"), selected).status_code == 200  # asks first
    admin_client.post(_urls(Refund, "changelist"), {**selected, "apply": "1", "decision": "reject", "note": "no"})
    refund.refresh_from_db()
    assert refund.status == "rejected" and refund.decided_by == actors["admin"]

    notification = Notification.objects.first()
    assert admin_client.post(_urls(Notification, "delete", notification.pk), {"post": "yes"}).status_code == 403


def test_a_user_is_changed_through_user_update(admin_client, actors):
    agent = actors["agent"]
    page = admin_client.get(_urls(User, "change", agent.pk))
    form = page.context["adminform"].form
    assert {"email", "is_staff", "is_superuser"}.isdisjoint(form.fields)
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    data.update(role="supervisor", is_superuser="on", email="taken@example.test")

    response = admin_client.post(_urls(User, "change", agent.pk), data)

    assert response.status_code == 302, page.context["adminform"].form.errors
    agent.refresh_from_db()
    assert (agent.role, agent.is_superuser, agent.email) == ("supervisor", False, "agent@example.test")
    entry = AuditEvent.objects.get(action="user.updated", object_id=str(agent.pk))
    assert entry.changes["role"] == ["agent", "supervisor"] and entry.actor_id == actors["admin"].pk
    assert admin_client.post(_urls(User, "delete", agent.pk), {"post": "yes"}).status_code == 403
