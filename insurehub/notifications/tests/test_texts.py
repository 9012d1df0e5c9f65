"""What people read: every notification the services send is a sentence with the status's
meaning (never its code), and links to a stable page of the web application; e-mails and SMS
carry that page's absolute address under PUBLIC_BASE_URL, which follows PORT in development."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from insurehub.assessments.services import assessment_create
from insurehub.claims.models import ClaimStatus
from insurehub.claims.services import (
    claim_assign,
    claim_record_assessment_completed,
    claim_transition,
    communication_add,
    settlement_pay,
)
from insurehub.claims.tests.test_access import Claims
from insurehub.core import web_links
from insurehub.notifications.models import EmailLog, Notification, SMSLog
from insurehub.notifications.texts import sms_text
from insurehub.payments.services import card_intent_create, card_sandbox_settle, payout_confirm, schedule_create
from insurehub.policies.models import PolicyStatus
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.users.models import NotificationPreference

# Real commits: notifications are written after the change commits (a subscriber of its event).
pytestmark = pytest.mark.django_db(transaction=True)

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# DESIGN.md section 10: the pages notifications may link to.
STABLE_ROUTES = [
    re.compile(rf"^/claims/{UUID}$"),
    re.compile(rf"^/assessments/{UUID}$"),
    re.compile(rf"^/policies/{UUID}$"),
    re.compile(rf"^/policies/{UUID}/pay$"),
    re.compile(r"^/alerts$"),
    re.compile(r"^/notifications$"),
]
# A status code where words belong: "is now assessment", "under_review".
STATUS_CODE = re.compile(rf"\bis now (?:{'|'.join(ClaimStatus.values)})\b|\b[a-z]+_[a-z_]+\b")


@pytest.fixture(autouse=True)
def public_url(settings):
    settings.PUBLIC_BASE_URL = "https://app.insurehub.example"


def _titles(user, kind):
    return list(
        Notification.objects.filter(recipient=user, kind=kind).order_by("created_at").values_list("title", "link")
    )


def test_a_customer_is_told_each_move_of_their_claim_in_words(actors):
    owner = actors["owner"]
    claims = Claims(actors)
    claim, settlement = claims.with_settlement(approved=True)
    payout = settlement_pay(settlement=settlement, paid_by=actors["supervisor"]).paid_transaction
    payout_confirm(payout=payout, provider_reference="BNK-TEXTS-1", confirmed_by=actors["admin"])  # the money left
    claim_transition(claim=claim, to_status="closed", actor=actors["agent"], reason="paid")
    number, link = claim.claim_number, f"/claims/{claim.pk}"

    got = [title for title, _ in _titles(owner, "claim.status_changed") if number in title]

    assert got == [
        f"Your claim {number} is now under review.",
        f"Your claim {number} is now being assessed.",
        f"Your claim {number} has been approved.",
        f"Your claim {number} is being settled.",  # a settlement proposed: a move like any other
        f"Your claim {number} has been settled.",
        f"Your claim {number} is now closed.",
    ]
    approved = Notification.objects.get(recipient=owner, title=f"Your claim {number} has been approved.")
    assert approved.body.startswith("The approved amount is KES 50,000.00.")
    assert {n.link for n in Notification.objects.filter(recipient=owner, kind="claim.status_changed")} >= {link}


def test_rejection_gives_the_reason_and_a_reopening_says_so(actors):
    claim = Claims(actors).submitted()
    for step in ("under_review",):
        claim = claim_transition(claim=claim, to_status=step, actor=actors["agent"])
    claim = claim_transition(claim=claim, to_status="rejected", actor=actors["agent"], reason="Not covered: racing.")
    claim_transition(claim=claim, to_status="under_review", actor=actors["supervisor"], reason="appeal")

    rejected, reopened = (
        Notification.objects.filter(recipient=actors["owner"], kind="claim.status_changed")
        .order_by("created_at")
        .reverse()[:2][::-1]
    )
    assert rejected.title == f"Your claim {claim.claim_number} has been declined."
    assert rejected.body.startswith("Reason: Not covered: racing.")
    assert reopened.title == f"Your claim {claim.claim_number} has been reopened."


def test_every_notification_links_to_a_stable_page_in_words(actors):
    """Walk the flows that notify (claim moves, assignment, messages, assessment, payments, a
    policy's activation) and check every notification written."""
    claims = Claims(actors)
    claim = claims.submitted()
    claim_assign(claim=claim, assigned_by=actors["supervisor"], agent=actors["agent"])
    communication_add(
        claim=claim,
        author=actors["agent"],
        channel="email",
        direction="outbound",
        party="customer",
        subject="",
        body="Please send the police abstract.",
    )
    for step in ("under_review", "assessment"):
        claim = claim_transition(claim=claim, to_status=step, actor=actors["agent"])
    assessment_create(claim=claim, created_by=actors["agent"], assessor=actors["assessor_other"])
    claim_record_assessment_completed(claim=claim, actor=actors["assessor"])
    claim_transition(claim=claim, to_status="withdrawn", actor=actors["owner"])

    pending = PolicyFactory(customer=actors["owner"], status=PolicyStatus.PENDING_PAYMENT, activated_at=None)
    schedule_create(policy=pending, created_by=actors["admin"])
    txn, _ = card_intent_create(policy=pending, instalment=None, initiated_by=actors["owner"])
    card_sandbox_settle(txn=txn, succeed=True, actor=actors["owner"])
    declined_policy = PolicyFactory(customer=actors["owner"], status=PolicyStatus.PENDING_PAYMENT, activated_at=None)
    schedule_create(policy=declined_policy, created_by=actors["admin"])
    declined, _ = card_intent_create(policy=declined_policy, instalment=None, initiated_by=actors["owner"])
    card_sandbox_settle(txn=declined, succeed=False, actor=actors["owner"])

    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds >= {
        "claim.status_changed",
        "claim.assigned",
        "claim.message",
        "assessment.scheduled",
        "payment.succeeded",
        "payment.failed",
        "policy.activated",
    }
    for notification in Notification.objects.all():
        text = f"{notification.title} {notification.body}"
        assert any(route.match(notification.link) for route in STABLE_ROUTES), (notification.kind, notification.link)
        assert notification.title[0].isupper(), notification.title
        assert not STATUS_CODE.search(text), (notification.kind, text)
    by_kind = {n.kind: n for n in Notification.objects.order_by("created_at")}
    assert by_kind["claim.assigned"].title == f"Claim {claim.claim_number} has been assigned to you as agent."
    assert by_kind["claim.message"].title == f"New message about your claim {claim.claim_number}"
    assert by_kind["assessment.scheduled"].link.startswith("/assessments/")
    assert by_kind["policy.activated"].title == f"Your policy {pending.policy_number} is now active."
    assert by_kind["policy.activated"].link == f"/policies/{pending.pk}"
    succeeded = Notification.objects.get(kind="payment.succeeded", link=f"/policies/{pending.pk}")
    assert re.fullmatch(r"We have received your payment of KES [\d,]+\.\d\d\.", succeeded.title)
    failed = Notification.objects.get(kind="payment.failed")
    assert failed.link == f"/policies/{declined_policy.pk}/pay"
    assert failed.title.startswith("Your payment of KES ") and failed.title.endswith("did not go through.")
    assert "declined" in failed.body and "try again" in failed.body


def test_the_email_carries_the_sentence_and_the_public_link(actors):
    claim = Claims(actors).submitted()
    claim_transition(claim=claim, to_status="under_review", actor=actors["agent"])

    log = EmailLog.objects.filter(recipient=actors["owner"], template="claim.status_changed").latest("created_at")

    assert log.subject == f"Your claim {claim.claim_number} is now under review."
    assert f"Your claim {claim.claim_number} is now under review." in log.body
    assert f"Open it in InsureHub: https://app.insurehub.example/claims/{claim.pk}\n" in log.body
    assert "https://app.insurehub.example/profile" in log.body  # customers manage notifications there
    assert "127.0.0.1" not in log.body


def test_the_sms_carries_the_sentence_and_the_public_link(actors):
    owner = actors["owner"]
    owner.phone = "+254711000001"
    owner.save()
    NotificationPreference.objects.create(user=owner, channel="sms", topic="claim_updates", enabled=True)
    claim = Claims(actors).submitted()
    claim_transition(claim=claim, to_status="under_review", actor=actors["agent"])

    log = SMSLog.objects.get(recipient=owner)

    assert log.body.startswith(f"Your claim {claim.claim_number} is now under review. ")
    assert log.body.endswith(f" https://app.insurehub.example/claims/{claim.pk}")


def test_a_long_sms_keeps_its_link():
    text = sms_text(title="A long message.", body="word " * 200, link="/claims/abc")
    assert len(text) <= 480
    assert text.endswith(" https://app.insurehub.example/claims/abc")


def test_public_url_is_the_configured_base_and_a_route():
    assert web_links.public_url(web_links.policy_payment_page("p1")) == "https://app.insurehub.example/policies/p1/pay"
    assert (
        web_links.public_url("/reset-password", token="a b") == "https://app.insurehub.example/reset-password?token=a+b"
    )
    assert web_links.verify_email_page("t/1") == "/verify-email?token=t%2F1"
    with pytest.raises(ValueError):
        web_links.public_url("claims/1")


def _settings_in_a_process(**env) -> str:
    base = {k: v for k, v in os.environ.items() if k not in ("PUBLIC_BASE_URL", "PORT")}
    code = "import django; django.setup(); from django.conf import settings; print(settings.PUBLIC_BASE_URL)"
    result = subprocess.run(  # noqa: S603  # nosec B603: our own interpreter
        [sys.executable, "-c", code],
        env={**base, "DJANGO_SETTINGS_MODULE": "insurehub.config.settings", "DJANGO_ENV": "test", **env},
        cwd=Path(django_settings.BASE_DIR),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_the_public_base_url_follows_port_unless_set():
    assert _settings_in_a_process() == "http://127.0.0.1:8000"
    assert _settings_in_a_process(PORT="9123") == "http://127.0.0.1:9123"
    assert _settings_in_a_process(PORT="9123", PUBLIC_BASE_URL="https://app.example/") == "https://app.example"
