"""Customers are told things in the language they chose (users.User.language): every notice a
customer can receive, and the e-mail and SMS around it, in English or Kiswahili; each catalogue
has both languages with the same placeholders, so a new text without its Kiswahili fails here."""

import datetime
import email
import re
from decimal import Decimal

import pytest

from insurehub.assessments import notices as assessment_notices
from insurehub.claims import notices as claim_notices
from insurehub.claims.models import Claim, ClaimStatus, DocumentKindAsked
from insurehub.claims.services import claim_transition
from insurehub.claims.tests.test_access import Claims
from insurehub.core import i18n
from insurehub.notifications import texts
from insurehub.notifications.models import EmailLog, Notification, SMSLog
from insurehub.notifications.tests.servers import AfricasTalkingStandIn, SMTPServer
from insurehub.payments import notices as payment_notices
from insurehub.payments.models import Method, Transaction
from insurehub.policies import notices as policy_notices
from insurehub.policies.models import Policy
from insurehub.privacy import notices as privacy_notices
from insurehub.users import account_texts
from insurehub.users import services as user_services
from insurehub.users.models import NotificationPreference, User

CATALOGUES = {
    "claims": claim_notices.TEXTS,
    "assessments": assessment_notices.TEXTS,
    "payments": payment_notices.TEXTS,
    "policies": policy_notices.TEXTS,
    "privacy": privacy_notices.TEXTS,
    "notifications.texts": texts.TEXTS,
    "users.account_texts": account_texts.TEXTS,
}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Words of an English sentence that no Kiswahili sentence of ours contains.
ENGLISH = re.compile(
    r"\b(your|you|we|our|the|is|are|has|have|been|was|of|for|to|and|now|will|please|open|it|"
    r"claim|policy|payment|reference|received|hello|data|request)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_text_has_english_and_kiswahili_with_the_same_placeholders(name):
    assert i18n.catalogue_problems(CATALOGUES[name]) == []


def test_the_check_finds_a_missing_kiswahili_text_and_different_placeholders():
    catalogue = {
        "new.kind": {"en": "Your claim {number} moved."},
        "typo": {"en": "Paid {amount}.", "sw": "Umelipa {kiasi}."},
        "whole": {"en": "Paid {amount}.", "sw": "Umelipa {amount}."},
    }
    problems = i18n.catalogue_problems(catalogue)
    assert len(problems) == 2
    assert problems[0].startswith("new.kind: no text in sw")
    assert problems[1].startswith("typo: placeholders differ")


def test_the_lookup_falls_back_to_english_and_dates_are_in_the_readers_words():
    assert i18n.say({"k": {"en": "Hi {name}", "sw": ""}}, "k", "sw", name="Amina") == "Hi Amina"
    assert i18n.language_of(User(language="sw")) == "sw"
    assert i18n.language_of(User(language="fr")) == "en"
    assert i18n.language_of(None) == "en"
    day = datetime.date(2026, 8, 3)
    assert (i18n.date(day, "en"), i18n.date(day, "sw")) == ("3 August 2026", "3 Agosti 2026")


def _customer(language):
    return User(email=f"{language}@example.test", name="Amina", language=language)


def _claim(language, status=ClaimStatus.SUBMITTED, **fields):
    return Claim(customer=_customer(language), claim_number="CLM-2026-000123", status=status, currency="KES", **fields)


def _txn(language, **fields):
    values = {
        "amount": Decimal("1500.00"),
        "currency": "KES",
        "reference": "PAY-7KQ2",
        "method": Method.MPESA,
        "receipt_number": "QKJ4T2X9",
        "failure_reason": "Insufficient funds.",
    }
    return Transaction(customer=_customer(language), **(values | fields))


def _policy(language):
    return Policy(
        customer=_customer(language),
        policy_number="POL-2026-000042",
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2027, 1, 4),
    )


# Every notice a customer can receive: (kind, how it is worded for a customer in `language`).
CASES = [
    *[
        (f"claim.status_changed:{status}", lambda lang, status=status: claim_notices.status_changed(
            _claim(lang, status), previous=ClaimStatus.SUBMITTED))
        for status in ClaimStatus.values if status != ClaimStatus.DRAFT
    ],
    ("claim.status_changed:approved_amount", lambda lang: claim_notices.status_changed(
        _claim(lang, ClaimStatus.APPROVED, approved_amount=Decimal("50000")), previous=ClaimStatus.ASSESSMENT)),
    ("claim.status_changed:reopened", lambda lang: claim_notices.status_changed(
        _claim(lang, ClaimStatus.UNDER_REVIEW), previous=ClaimStatus.REJECTED)),
    ("claim.message", lambda lang: claim_notices.message_sent(_claim(lang), subject="", body="")),
    ("claim.settlement_offered", lambda lang: claim_notices.settlement_offered(
        _claim(lang), amount=Decimal("48000"), currency="KES")),
    *[
        (f"claim.document_requested:{kind}", lambda lang, kind=kind: claim_notices.document_requested(
            _claim(lang), kind=kind, note=""))
        for kind in DocumentKindAsked.values
    ],
    ("assessment.completed", lambda lang: assessment_notices.completed_for_customer(_claim(lang))),
    ("payment.succeeded", lambda lang: payment_notices.payment_succeeded(_txn(lang))),
    *[
        (f"payment.succeeded:{method}", lambda lang, method=method: payment_notices.payment_succeeded(
            _txn(lang, method=method)))
        for method in (Method.CARD, Method.BANK_TRANSFER)
    ],
    ("payment.succeeded:no_receipt", lambda lang: payment_notices.payment_succeeded(_txn(lang, receipt_number=""))),
    ("payment.failed", lambda lang: payment_notices.payment_failed(_txn(lang))),
    *[
        (f"payout.succeeded:{method}", lambda lang, method=method: payment_notices.payout_succeeded(
            _txn(lang, method=method), receipt="QKJ4T2X9"))
        for method in Method.values
    ],
    ("payout.failed", lambda lang: payment_notices.payout_failed(_txn(lang))),
    ("policy.activated", lambda lang: policy_notices.activated(_policy(lang))),
    ("privacy.export_completed", lambda lang: privacy_notices.export_completed(_customer(lang))),
    ("privacy.erasure_rejected", lambda lang: privacy_notices.erasure_rejected(_customer(lang), note="")),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "word"), CASES, ids=[kind for kind, _ in CASES])
def test_a_swahili_customer_is_told_in_kiswahili_and_an_english_one_in_english(kind, word):
    english, swahili = word("en"), word("sw")
    assert ENGLISH.search(english["title"]), english
    sw_text = f"{swahili['title']} {swahili['body']}"
    assert not ENGLISH.search(sw_text), sw_text
    assert "Insufficient funds" not in sw_text  # the provider's English reason is not quoted to them
    assert swahili["title"] != english["title"]
    assert UUID.sub("<id>", swahili["link"]) == UUID.sub("<id>", english["link"])  # the same page


def test_the_swahili_texts_use_the_web_apps_words():
    claim = claim_notices.status_changed(_claim("sw", ClaimStatus.APPROVED, approved_amount=Decimal("50000")),
                                         previous=ClaimStatus.ASSESSMENT)  # fmt: skip
    assert claim == {
        "title": "Dai lako CLM-2026-000123 limeidhinishwa.",
        "body": "Kiasi kilichoidhinishwa ni KES 50,000.00. Sasa tutaandaa malipo yako.",
        "link": claim["link"],
    }
    policy = policy_notices.activated(_policy("sw"))
    assert policy["title"] == "Bima yako POL-2026-000042 sasa inatumika."
    assert policy["body"] == "Umelindwa kuanzia 5 Januari 2026 hadi 4 Januari 2027."
    assert payment_notices.payment_succeeded(_txn("sw"))["body"] == (
        "Kumbukumbu ya malipo: PAY-7KQ2, risiti ya M-Pesa QKJ4T2X9."
    )
    assert payment_notices.payment_failed(_txn("en"))["body"] == (
        "Insufficient funds. Payment reference PAY-7KQ2. You can try again."
    )


def test_the_email_around_a_notice_is_in_the_recipients_language(settings):
    settings.PUBLIC_BASE_URL = "https://app.insurehub.example"
    swahili = texts.email_body(recipient=_customer("sw"), title="Dai lako limelipwa.", link="/claims/1")
    assert swahili.startswith("Habari Amina,\n\nDai lako limelipwa.")
    assert "Ifungue kwenye InsureHub: https://app.insurehub.example/claims/1" in swahili
    assert "Unapokea barua pepe hii" in swahili
    assert not ENGLISH.search(swahili)
    english = texts.email_body(recipient=_customer("en"), title="Your claim was settled.", link="/claims/1")
    assert english.startswith("Hello Amina,") and "Open it in InsureHub:" in english


@pytest.mark.django_db(transaction=True)
def test_a_swahili_customers_notification_email_and_sms_are_in_kiswahili(actors, settings):
    """Through a real move of a claim: the stored notification, the e-mail and the SMS."""
    settings.PUBLIC_BASE_URL = "https://app.insurehub.example"
    owner = actors["owner"]
    owner.language, owner.phone = "sw", "+254711000123"
    owner.save(update_fields=["language", "phone"])
    NotificationPreference.objects.create(user=owner, channel="sms", topic="claim_updates", enabled=True)
    claim = Claims(actors).submitted()
    claim_transition(claim=claim, to_status="under_review", actor=actors["agent"])

    told = Notification.objects.get(recipient=owner, kind="claim.status_changed", title__contains="linakaguliwa")
    assert told.title == f"Dai lako {claim.claim_number} sasa linakaguliwa."
    assert told.body.startswith("Mshughulikiaji wa madai anakagua maelezo")
    sms = SMSLog.objects.filter(recipient=owner, template="claim.status_changed").latest("created_at")
    assert sms.body.startswith(f"Dai lako {claim.claim_number} sasa linakaguliwa. Mshughulikiaji wa madai")
    assert sms.body.endswith(f"https://app.insurehub.example/claims/{claim.pk}")
    assert not ENGLISH.search(sms.body.rsplit(" ", 1)[0])
    email = EmailLog.objects.filter(recipient=owner, template="claim.status_changed").latest("created_at")
    assert email.subject == told.title
    assert email.body.startswith(f"Habari {owner.name},") if owner.name else email.body.startswith("Habari,")
    assert not ENGLISH.search(email.body.replace("InsureHub", ""))


@pytest.mark.django_db(transaction=True)
def test_a_swahili_customers_account_email_and_sms_code_are_in_kiswahili(make_user, settings):
    """A password reset link by e-mail and a phone code by SMS, as they arrive."""
    settings.PUBLIC_BASE_URL = "https://app.insurehub.example"
    settings.PASSWORD_RESET_MIN_RESPONSE_SECONDS = 0.01
    user = make_user(email="amina@example.test", phone="+254712345670", language="sw")
    with SMTPServer() as smtp, AfricasTalkingStandIn() as sms:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
        settings.SMS_PROVIDER = "africastalking"
        settings.AFRICASTALKING_BASE_URL, settings.AFRICASTALKING_API_KEY = sms.url, sms.api_key
        settings.AFRICASTALKING_USERNAME = "insurehub"
        user_services.password_reset_request(email=user.email)
        user_services.phone_verification_send(user=user)

    [raw] = smtp.messages
    message = email.message_from_string(raw["data"])
    text = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
    assert message["Subject"] == "Weka nenosiri jipya la InsureHub"
    assert "Fungua kiungo hiki ndani ya dakika" in text and "https://app.insurehub.example/reset-password" in text
    assert "nenosiri lako litabaki lilivyo" in text
    assert not ENGLISH.search(re.sub(r"https://\S+|\S+@\S+", "", text)), text
    [request] = sms.requests
    code_text = request["form"]["message"][0]
    assert re.fullmatch(r"Msimbo wako wa uthibitisho wa InsureHub ni \d{6}\. Utaisha baada ya dakika \d+\. "
                        r"Usimpe mtu yeyote\.", code_text)  # fmt: skip
