"""Accounts recover and verify themselves: password reset by e-mail link, e-mail verification,
phone verification by SMS code, change of e-mail. Messages go through the notifications
machinery to a real SMTP server and the Africa's Talking stand-in; the tests read the link or
the code out of what arrived, as a person would."""

import email
import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from insurehub.audit.models import AuditEvent
from insurehub.core.errors import ApplicationError
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.notifications.tests.servers import AfricasTalkingStandIn, SMTPServer
from insurehub.users import account_tokens, services
from insurehub.users import privacy as users_privacy
from insurehub.users.models import AccountToken, AccountTokenPurpose, User
from insurehub.users.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

STRONG = "plum-orbit-cascade-917"
NEWER = "quartz-lantern-meadow-402"
PHONE = "+254712345678"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PUBLIC_BASE_URL = "https://app.insurehub.example"
    settings.PASSWORD_RESET_MIN_RESPONSE_SECONDS = 0.01
    settings.ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR = 3
    settings.ACCOUNT_MESSAGES_PER_IP_PER_HOUR = 30


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        yield server


@pytest.fixture
def sms(settings):
    with AfricasTalkingStandIn() as stand_in:
        settings.SMS_PROVIDER = "africastalking"
        settings.AFRICASTALKING_BASE_URL = stand_in.url
        settings.AFRICASTALKING_API_KEY = stand_in.api_key
        settings.AFRICASTALKING_USERNAME = "insurehub"
        yield stand_in


def mails(smtp, to: str) -> list[dict]:
    """The messages delivered to `to`: subject and decoded text."""
    found = []
    for raw in smtp.messages:
        if to in raw["to"]:
            message = email.message_from_string(raw["data"])
            text = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
            found.append({"subject": message["Subject"], "text": text})
    return found


def link_token(text: str, route: str) -> str:
    match = re.search(rf"https://app\.insurehub\.example{route}\?token=([A-Za-z0-9_\-]+)", text)
    assert match, text
    return match.group(1)


def sms_codes(stand_in, number: str) -> list[str]:
    return [
        re.search(r"\b(\d{6})\b", request["form"]["message"][0]).group(1)
        for request in stand_in.requests
        if request["form"]["to"][0] == number
    ]


def login(api_client, address, password=TEST_PASSWORD):
    return api_client.post("/api/auth/login/", {"email": address, "password": password}, format="json")


def ask_reset(api_client, address, **extra):
    return api_client.post("/api/auth/password-reset/", {"email": address}, format="json", **extra)


def confirm_reset(api_client, token, password=STRONG):
    return api_client.post("/api/auth/password-reset/confirm/", {"token": token, "password": password}, format="json")


def without_request_id(body: dict) -> dict:
    return {key: value for key, value in body.items() if key != "request_id"}


# --- password reset ---------------------------------------------------------------------------


class TestPasswordReset:
    def test_the_link_sets_a_new_password_and_ends_every_session(self, api_client, make_user, smtp):
        user = make_user(email="rosa@example.test")
        sessions = [login(api_client, "rosa@example.test").json() for _ in range(2)]

        asked = ask_reset(api_client, "Rosa@Example.test")
        assert asked.status_code == 202, asked.content
        [mail] = mails(smtp, "rosa@example.test")
        assert mail["subject"] == "Reset your InsureHub password"
        token = link_token(mail["text"], "/reset-password")
        stored = AccountToken.objects.get(user=user, purpose=AccountTokenPurpose.RESET_PASSWORD)
        assert token not in stored.token_hash and stored.token_hash != token  # only a keyed hash is kept
        assert abs(stored.expires_at - stored.created_at - timedelta(minutes=30)) < timedelta(seconds=1)

        done = confirm_reset(api_client, token)
        assert done.status_code == 200, done.content
        assert done.json()["sessions_revoked"] >= 2
        for session in sessions:
            assert_problem(api_client.post("/api/auth/refresh/", {"refresh": session["refresh"]}), 401)
        outstanding = OutstandingToken.objects.filter(user=user)
        assert outstanding.count() >= 2
        assert BlacklistedToken.objects.filter(token__in=outstanding).count() == outstanding.count()
        user.refresh_from_db()
        assert user.tokens_valid_after is not None  # earlier access tokens are refused too
        assert_problem(login(api_client, "rosa@example.test"), 401)
        assert login(api_client, "rosa@example.test", STRONG).status_code == 200
        assert [m["subject"] for m in mails(smtp, "rosa@example.test")][-1] == "Your InsureHub password was changed"
        actions = set(AuditEvent.objects.filter(object_id=str(user.pk)).values_list("action", flat=True))
        assert {"auth.password_reset_requested", "auth.password_reset"} <= actions

    def test_an_unknown_or_inactive_address_gets_the_same_answer_and_nothing_is_sent(self, api_client, make_user, smtp):
        make_user(email="known@example.test")
        make_user(email="gone@example.test", is_active=False)
        known = ask_reset(api_client, "known@example.test")
        unknown = ask_reset(api_client, "nobody@example.test")
        inactive = ask_reset(api_client, "gone@example.test")
        assert known.status_code == unknown.status_code == inactive.status_code == 202
        assert known.json() == unknown.json() == inactive.json()
        assert known["Content-Type"] == unknown["Content-Type"]
        assert [raw["to"] for raw in smtp.messages] == [["known@example.test"]]
        assert AccountToken.objects.count() == 1
        assert AuditEvent.objects.filter(action="auth.password_reset_requested").count() == 3

    def test_a_token_works_once(self, api_client, make_user, smtp):
        make_user(email="once@example.test")
        ask_reset(api_client, "once@example.test")
        token = link_token(mails(smtp, "once@example.test")[0]["text"], "/reset-password")
        assert confirm_reset(api_client, token).status_code == 200
        body = assert_problem(confirm_reset(api_client, token, NEWER), 400)
        assert body["type"] == "/problems/invalid_token"
        assert login(api_client, "once@example.test", STRONG).status_code == 200

    def test_expired_used_forged_and_superseded_tokens_answer_the_same_problem(self, api_client, make_user, smtp):
        make_user(email="t@example.test")
        for _ in range(2):
            ask_reset(api_client, "t@example.test")
        first, second = (link_token(m["text"], "/reset-password") for m in mails(smtp, "t@example.test"))
        AccountToken.objects.filter(used_at__isnull=True).update(expires_at=timezone.now() - timedelta(seconds=1))
        expired = assert_problem(confirm_reset(api_client, second), 400)
        superseded = assert_problem(confirm_reset(api_client, first), 400)
        forged = assert_problem(confirm_reset(api_client, second[:-4] + "AAAA"), 400)
        garbage = assert_problem(confirm_reset(api_client, "x"), 400)
        assert without_request_id(expired) == without_request_id(superseded) == without_request_id(forged)
        assert without_request_id(forged) == without_request_id(garbage)
        assert expired["errors"] == [{"field": "token", "message": expired["detail"], "code": "invalid"}]
        assert login(api_client, "t@example.test").status_code == 200  # nothing changed
        reasons = [e.changes["reason"] for e in AuditEvent.objects.filter(action="auth.password_reset_refused")]
        assert sorted(reasons) == ["expired", "unknown_token", "unknown_token", "used"]

    def test_a_weak_password_is_refused_and_the_token_still_works(self, api_client, make_user, smtp):
        make_user(email="weak@example.test", name="Weak Person")
        ask_reset(api_client, "weak@example.test")
        token = link_token(mails(smtp, "weak@example.test")[0]["text"], "/reset-password")
        for weak in ("12345", "password123", "weak@example.test"):
            body = assert_problem(confirm_reset(api_client, token, weak), 400)
            assert {e["field"] for e in body["errors"]} == {"password"}, body
        assert login(api_client, "weak@example.test").status_code == 200
        assert confirm_reset(api_client, token).status_code == 200

    def test_an_inactive_account_cannot_use_a_link_sent_before_it_was_deactivated(self, api_client, make_user, smtp):
        user = make_user(email="late@example.test")
        ask_reset(api_client, "late@example.test")
        token = link_token(mails(smtp, "late@example.test")[0]["text"], "/reset-password")
        User.objects.filter(pk=user.pk).update(is_active=False)
        assert assert_problem(confirm_reset(api_client, token), 400)["type"] == "/problems/invalid_token"
        user.refresh_from_db()
        assert user.check_password(TEST_PASSWORD)

    def test_erasure_deletes_the_accounts_tokens(self, api_client, make_user, smtp):
        user = make_user(email="erase@example.test")
        ask_reset(api_client, "erase@example.test")
        token = link_token(mails(smtp, "erase@example.test")[0]["text"], "/reset-password")
        users_privacy.erase(user)
        assert not AccountToken.objects.filter(user=user).exists()
        assert_problem(confirm_reset(api_client, token), 400)

    def test_a_password_change_voids_open_reset_links(self, api_client, make_user, smtp):
        user = make_user(email="pc@example.test")
        ask_reset(api_client, "pc@example.test")
        token = link_token(mails(smtp, "pc@example.test")[0]["text"], "/reset-password")
        changed = client_for(user).post(
            "/api/auth/password/change/", {"old_password": TEST_PASSWORD, "new_password": NEWER}, format="json"
        )
        assert changed.status_code == 200
        assert_problem(confirm_reset(api_client, token), 400)
        assert login(api_client, "pc@example.test", NEWER).status_code == 200

    def test_a_reset_ends_a_sign_in_lockout(self, api_client, make_user, smtp, settings):
        make_user(email="locked@example.test")
        for _ in range(settings.LOGIN_LOCKOUT_AFTER):
            login(api_client, "locked@example.test", "wrong-password")
        assert_problem(login(api_client, "locked@example.test"), 429)
        ask_reset(api_client, "locked@example.test")
        confirm_reset(api_client, link_token(mails(smtp, "locked@example.test")[0]["text"], "/reset-password"))
        assert login(api_client, "locked@example.test", STRONG).status_code == 200

    def test_requests_are_limited_per_address_known_or_not(self, api_client, make_user, smtp, settings):
        settings.ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR = 2
        make_user(email="many@example.test")
        for address in ("many@example.test", "ghost@example.test"):
            assert [ask_reset(api_client, address).status_code for _ in range(2)] == [202, 202]
            body = assert_problem(ask_reset(api_client, address), 429)
            assert body["type"] == "/problems/too_many_requests" and 0 < body["retry_after"] <= 3600
        assert len(mails(smtp, "many@example.test")) == 2
        assert ask_reset(api_client, "other@example.test").status_code == 202  # another address is not limited

    def test_requests_are_limited_per_ip(self, api_client, settings, smtp):
        settings.ACCOUNT_MESSAGES_PER_IP_PER_HOUR = 3
        statuses = [ask_reset(api_client, f"a{i}@example.test", REMOTE_ADDR="10.0.0.9").status_code for i in range(4)]
        assert statuses == [202, 202, 202, 429]
        assert ask_reset(api_client, "a9@example.test", REMOTE_ADDR="10.0.0.10").status_code == 202

    @pytest.mark.parametrize(
        "url, payload, field",
        [
            ("/api/auth/password-reset/", {}, "email"),
            ("/api/auth/password-reset/", {"email": "not-an-address"}, "email"),
            ("/api/auth/password-reset/", {"email": "a@example.test", "role": "admin"}, "role"),
            ("/api/auth/password-reset/confirm/", {"token": "abc"}, "password"),
            ("/api/auth/password-reset/confirm/", {"password": STRONG}, "token"),
            ("/api/auth/password-reset/confirm/", {"token": "a" * 129, "password": STRONG}, "token"),
            ("/api/auth/verify-email/confirm/", {}, "token"),
        ],
    )
    def test_bad_input_is_a_field_error(self, api_client, url, payload, field, smtp):
        body = assert_problem(api_client.post(url, payload, format="json"), 400)
        assert field in {e["field"] for e in body["errors"]}
        assert not smtp.messages and not AccountToken.objects.exists()


# --- e-mail verification -------------------------------------------------------------------------


class TestEmailVerification:
    def test_registration_sends_a_link_that_verifies_the_address_once(self, api_client, smtp):
        registered = api_client.post(
            "/api/auth/register/", {"email": "new@example.test", "password": STRONG}, format="json"
        )
        assert registered.status_code == 202
        assert User.objects.get(email="new@example.test").email_verified is False
        [mail] = mails(smtp, "new@example.test")
        token = link_token(mail["text"], "/verify-email")
        confirmed = api_client.post("/api/auth/verify-email/confirm/", {"token": token}, format="json")
        assert confirmed.status_code == 200, confirmed.content
        assert confirmed.json()["email_verified"] is True
        assert User.objects.get(email="new@example.test").email_verified
        again = api_client.post("/api/auth/verify-email/confirm/", {"token": token}, format="json")
        assert assert_problem(again, 400)["type"] == "/problems/invalid_token"
        assert AuditEvent.objects.filter(action="auth.email_verified").count() == 1

    def test_registering_a_taken_address_tells_its_holder_with_a_reset_link(self, api_client, make_user, smtp):
        holder = make_user(email="held@example.test")
        answer = api_client.post(
            "/api/auth/register/", {"email": "held@example.test", "password": STRONG}, format="json"
        )
        assert answer.status_code == 202
        [mail] = mails(smtp, "held@example.test")
        assert "tried to create an InsureHub account" in mail["text"]
        token = link_token(mail["text"], "/reset-password")
        new_password = "violet-harbour-lantern-42"
        reset = api_client.post(
            "/api/auth/password-reset/confirm/", {"token": token, "password": new_password}, format="json"
        )
        assert reset.status_code == 200, reset.content
        holder.refresh_from_db()
        assert holder.check_password(new_password)
        assert not AccountToken.objects.filter(purpose=AccountTokenPurpose.VERIFY_EMAIL).exists()

    def test_a_failed_registration_sends_nothing(self, api_client, smtp):
        assert_problem(api_client.post("/api/auth/register/", {"email": "w@example.test", "password": "1"}), 400)
        assert not smtp.messages and not AccountToken.objects.exists()

    def test_the_signed_in_user_asks_for_a_new_link_and_the_old_one_stops_working(self, make_user, smtp):
        user = make_user(email="v@example.test")
        api = client_for(user)
        assert api.post("/api/auth/verify-email/").status_code == 202
        assert api.post("/api/auth/verify-email/").status_code == 202
        old, new = (link_token(m["text"], "/verify-email") for m in mails(smtp, "v@example.test"))
        assert_problem(api.post("/api/auth/verify-email/confirm/", {"token": old}, format="json"), 400)
        user.refresh_from_db()
        assert not user.email_verified
        assert api.post("/api/auth/verify-email/confirm/", {"token": new}, format="json").status_code == 200
        assert_problem(api.post("/api/auth/verify-email/"), 409)

    def test_links_are_limited_per_user(self, make_user, smtp, settings):
        settings.ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR = 2
        api = client_for(make_user())
        assert [api.post("/api/auth/verify-email/").status_code for _ in range(3)] == [202, 202, 429]
        assert len(smtp.messages) == 2

    def test_an_expired_link_changes_nothing(self, api_client, make_user, smtp):
        user = make_user(email="exp@example.test")
        client_for(user).post("/api/auth/verify-email/")
        token = link_token(mails(smtp, "exp@example.test")[0]["text"], "/verify-email")
        AccountToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        assert_problem(api_client.post("/api/auth/verify-email/confirm/", {"token": token}, format="json"), 400)
        user.refresh_from_db()
        assert not user.email_verified

    def test_every_role_may_ask_for_its_own_link_and_anonymous_may_not(self, actors, smtp):
        AccessMatrix(actors).assert_write(
            lambda client: client.post("/api/auth/verify-email/"), expected=dict.fromkeys(actors, 202)
        )
        assert {to for raw in smtp.messages for to in raw["to"]} == {u.email for u in actors.values()}


# --- phone verification ----------------------------------------------------------------------


class TestPhoneVerification:
    def test_a_texted_code_verifies_the_number_once(self, make_user, sms):
        user = make_user(phone=PHONE)
        api = client_for(user)
        assert api.post("/api/auth/verify-phone/").status_code == 202
        [code] = sms_codes(sms, PHONE)
        assert sms.requests[0]["headers"]["apiKey"] == sms.api_key
        assert api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json").status_code == 200
        user.refresh_from_db()
        assert user.phone_verified
        AccountToken.objects.update(used_at=None)  # even if it were open again, the number is verified
        assert_problem(api.post("/api/auth/verify-phone/"), 409)
        assert AuditEvent.objects.filter(action__in=["auth.phone_code_sent", "auth.phone_verified"]).count() == 2

    def test_a_used_code_does_not_work_again(self, make_user, sms):
        user = make_user(phone=PHONE)
        api = client_for(user)
        api.post("/api/auth/verify-phone/")
        [code] = sms_codes(sms, PHONE)
        assert api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json").status_code == 200
        User.objects.filter(pk=user.pk).update(phone_verified=False)
        body = assert_problem(api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json"), 400)
        assert body["type"] == "/problems/invalid_code"

    def test_five_wrong_codes_void_the_code(self, make_user, sms, settings):
        user = make_user(phone=PHONE)
        api = client_for(user)
        api.post("/api/auth/verify-phone/")
        [code] = sms_codes(sms, PHONE)
        wrong = f"{(int(code) + 1) % 10**6:06d}"
        left = []
        for _ in range(settings.PHONE_CODE_MAX_ATTEMPTS):
            body = assert_problem(api.post("/api/auth/verify-phone/confirm/", {"code": wrong}, format="json"), 400)
            left.append(body["attempts_left"])
        assert left == [4, 3, 2, 1, 0]
        # The right code no longer works either.
        assert_problem(api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json"), 400)
        user.refresh_from_db()
        assert not user.phone_verified
        # A new code does.
        api.post("/api/auth/verify-phone/")
        new_code = sms_codes(sms, PHONE)[-1]
        assert api.post("/api/auth/verify-phone/confirm/", {"code": new_code}, format="json").status_code == 200

    def test_too_many_codes_are_refused_per_account_and_per_number(self, make_user, sms, settings):
        user = make_user(phone=PHONE)
        api = client_for(user)
        assert [api.post("/api/auth/verify-phone/").status_code for _ in range(4)] == [202, 202, 202, 429]
        assert len(sms_codes(sms, PHONE)) == 3
        # Another account with the same number cannot send it more codes this hour either.
        other = client_for(make_user(phone=PHONE))
        assert_problem(other.post("/api/auth/verify-phone/"), 429)
        assert len(sms.requests) == 3

    def test_an_expired_code_does_not_work(self, make_user, sms):
        user = make_user(phone=PHONE)
        api = client_for(user)
        api.post("/api/auth/verify-phone/")
        [code] = sms_codes(sms, PHONE)
        token = AccountToken.objects.get()
        assert abs(token.expires_at - token.created_at - timedelta(minutes=10)) < timedelta(seconds=1)
        AccountToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
        assert_problem(api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json"), 400)
        user.refresh_from_db()
        assert not user.phone_verified

    def test_a_new_number_is_unverified_and_the_old_numbers_code_does_not_verify_it(self, make_user, sms):
        user = make_user(phone=PHONE, phone_verified=True)
        api = client_for(user)
        assert api.patch("/api/auth/me/", {"phone": "+254700000001"}, format="json").json()["phone_verified"] is False
        api.post("/api/auth/verify-phone/")
        [code] = sms_codes(sms, "+254700000001")
        api.patch("/api/auth/me/", {"phone": "+254700000002"}, format="json")
        assert_problem(api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json"), 400)
        user.refresh_from_db()
        assert not user.phone_verified

    def test_without_a_number_there_is_nothing_to_verify(self, make_user, sms):
        body = assert_problem(client_for(make_user(phone="")).post("/api/auth/verify-phone/"), 400)
        assert body["errors"][0]["field"] == "phone"
        assert not sms.requests

    @pytest.mark.parametrize("code", ["12345", "1234567", "abcdef", "", None])
    def test_a_malformed_code_is_a_field_error(self, make_user, sms, code):
        user = make_user(phone=PHONE)
        api = client_for(user)
        api.post("/api/auth/verify-phone/")
        body = assert_problem(api.post("/api/auth/verify-phone/confirm/", {"code": code}, format="json"), 400)
        assert body["errors"][0]["field"] == "code"
        assert AccountToken.objects.get().attempts == 0

    def test_every_role_acts_on_its_own_number_only_and_anonymous_not_at_all(self, actors, sms):
        User.objects.update(phone=PHONE)
        AccessMatrix(actors).assert_write(
            lambda client: client.post("/api/auth/verify-phone/confirm/", {"code": "000000"}, format="json"),
            expected=dict.fromkeys(actors, 400),  # nobody has a code yet
        )


# --- change of e-mail --------------------------------------------------------------------------


def ask_change(api, new_email, password=TEST_PASSWORD):
    return api.post("/api/auth/email/change/", {"new_email": new_email, "password": password}, format="json")


class TestEmailChange:
    def test_the_address_changes_when_the_new_addresss_link_is_opened(self, api_client, make_user, smtp):
        user = make_user(email="old@example.test")
        api = client_for(user)
        asked = ask_change(api, "New@Example.test")
        assert asked.status_code == 202, asked.content
        user.refresh_from_db()
        assert user.email == "old@example.test"  # not yet
        [link_mail] = mails(smtp, "new@example.test")
        [notice] = mails(smtp, "old@example.test")
        assert "new@example.test" in notice["text"]
        token = link_token(link_mail["text"], "/verify-email")
        confirmed = api_client.post("/api/auth/verify-email/confirm/", {"token": token}, format="json")
        assert confirmed.status_code == 200, confirmed.content
        assert confirmed.json() == {
            "detail": "Your e-mail address is confirmed.",
            "email": "new@example.test",
            "email_verified": True,
        }
        user.refresh_from_db()
        assert (user.email, user.email_verified) == ("new@example.test", True)
        assert "no longer signs in" in mails(smtp, "old@example.test")[-1]["text"]
        assert login(api_client, "new@example.test").status_code == 200
        assert_problem(login(api_client, "old@example.test"), 401)
        assert_problem(api_client.post("/api/auth/verify-email/confirm/", {"token": token}, format="json"), 400)
        changed = AuditEvent.objects.get(action="auth.email_changed")
        assert changed.changes["email"] == ["old@example.test", "new@example.test"]

    def test_an_address_in_use_answers_the_same_and_changes_nothing(self, make_user, smtp):
        make_user(email="taken@example.test")
        user = make_user(email="me@example.test")
        api = client_for(user)
        taken = ask_change(api, "taken@example.test")
        free = ask_change(api, "free@example.test")
        assert taken.status_code == free.status_code == 202
        assert taken.json() == free.json()
        [in_use] = mails(smtp, "taken@example.test")
        assert "?token=" not in in_use["text"]
        assert len(mails(smtp, "me@example.test")) == 2  # the current address is told either way
        assert list(AccountToken.objects.filter(purpose=AccountTokenPurpose.CHANGE_EMAIL).values_list("target")) == [
            ("free@example.test",)
        ]
        user.refresh_from_db()
        assert user.email == "me@example.test"

    def test_an_address_taken_before_the_link_is_opened_is_a_conflict(self, api_client, make_user, smtp):
        user = make_user(email="slow@example.test")
        ask_change(client_for(user), "wanted@example.test")
        token = link_token(mails(smtp, "wanted@example.test")[0]["text"], "/verify-email")
        make_user(email="wanted@example.test")
        assert_problem(api_client.post("/api/auth/verify-email/confirm/", {"token": token}, format="json"), 409)
        user.refresh_from_db()
        assert user.email == "slow@example.test"

    def test_wrong_password_same_address_and_bad_input_change_nothing(self, make_user, smtp):
        user = make_user(email="mine@example.test")
        api = client_for(user)
        wrong = assert_problem(ask_change(api, "x@example.test", "not-my-password"), 400)
        assert wrong["errors"][0]["field"] == "password"
        same = assert_problem(ask_change(api, "MINE@example.test"), 400)
        assert same["errors"][0]["field"] == "new_email"
        bad = assert_problem(ask_change(api, "not-an-address"), 400)
        assert bad["errors"][0]["field"] == "new_email"
        assert not smtp.messages and not AccountToken.objects.exists()
        assert AuditEvent.objects.filter(action="auth.email_change_refused").count() == 1

    def test_a_verification_link_for_the_old_address_does_not_verify_the_new_one(self, api_client, make_user, smtp):
        user = make_user(email="first@example.test")
        api = client_for(user)
        api.post("/api/auth/verify-email/")
        verify_old = link_token(mails(smtp, "first@example.test")[0]["text"], "/verify-email")
        User.objects.filter(pk=user.pk).update(email="second@example.test")
        assert_problem(api_client.post("/api/auth/verify-email/confirm/", {"token": verify_old}, format="json"), 400)
        user.refresh_from_db()
        assert not user.email_verified

    def test_anonymous_callers_are_refused(self, api_client, smtp):
        for url in ("/api/auth/email/change/", "/api/auth/verify-email/", "/api/auth/verify-phone/"):
            assert_problem(api_client.post(url, {}, format="json"), 401)
        assert_problem(api_client.post("/api/auth/verify-phone/confirm/", {"code": "123456"}, format="json"), 401)


# --- races (PostgreSQL) ---------------------------------------------------------------------------


def _race(count, action):
    results, barrier = [], threading.Barrier(count)

    def run():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            results.append(action())
        except Exception as exc:
            results.append(getattr(exc, "code", type(exc).__name__))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_a_reset_token_used_at_once_by_several_requests_works_for_one(make_user, smtp):
    user = make_user(email="race@example.test")
    secret = account_tokens.new_link_secret()
    AccountToken.objects.create(
        user=user,
        purpose=AccountTokenPurpose.RESET_PASSWORD,
        token_hash=account_tokens.link_hash(secret),
        expires_at=timezone.now() + timedelta(minutes=30),
    )
    passwords = iter([f"{word}-orbit-cascade-917" for word in ("plum", "pear", "fig", "lime")])
    lock = threading.Lock()

    def confirm():
        with lock:
            password = next(passwords)
        services.password_reset_confirm(token=secret, password=password)
        return password

    results = _race(4, confirm)
    winners = [r for r in results if r.endswith("-917")]
    assert len(winners) == 1 and sorted(set(results) - set(winners)) == ["invalid_token"], results
    user.refresh_from_db()
    assert user.check_password(winners[0])
    assert AuditEvent.objects.filter(action="auth.password_reset").count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_concurrent_wrong_codes_never_count_past_the_limit(make_user, settings):
    user = make_user(phone=PHONE)
    AccountToken.objects.create(
        user=user,
        purpose=AccountTokenPurpose.VERIFY_PHONE,
        token_hash=account_tokens.code_hash(user.pk, "424242"),
        target=PHONE,
        expires_at=timezone.now() + timedelta(minutes=10),
    )
    results = _race(8, lambda: services.phone_verification_confirm(user=User.objects.get(pk=user.pk), code="000000"))
    assert set(results) == {"invalid_code"}, results
    token = AccountToken.objects.get()
    assert token.attempts == settings.PHONE_CODE_MAX_ATTEMPTS and token.used_at is not None
    with pytest.raises(ApplicationError):
        services.phone_verification_confirm(user=User.objects.get(pk=user.pk), code="424242")
