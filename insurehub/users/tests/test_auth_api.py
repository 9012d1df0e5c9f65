"""Auth endpoints: register, login (with slow-down and lockout), refresh rotation, logout,
password change, me, notification preferences, and the bad input each must refuse."""

from datetime import timedelta

import pytest
from django.test import override_settings
from rest_framework_simplejwt.tokens import AccessToken

from insurehub.audit.models import AuditEvent
from insurehub.core.roles import Role
from insurehub.core.testing import assert_problem, client_for
from insurehub.users.models import User
from insurehub.users.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

STRONG = "plum-orbit-cascade-917"


def login(api_client, email, password=TEST_PASSWORD, **extra):
    return api_client.post("/api/auth/login/", {"email": email, "password": password}, format="json", **extra)


class TestRegister:
    def test_registers_a_customer_and_answers_check_your_email(self, api_client):
        response = api_client.post(
            "/api/auth/register/", {"email": "New@Example.test", "password": STRONG, "name": "Nia"}, format="json"
        )
        assert response.status_code == 202, response.content
        assert set(response.json()) == {"detail", "email"} and response.json()["email"] == "new@example.test"
        user = User.objects.get(email="new@example.test")
        assert user.role == Role.CUSTOMER and user.check_password(STRONG)
        assert AuditEvent.objects.filter(action="user.created", object_id=str(user.pk)).exists()
        assert login(api_client, "new@example.test", STRONG).status_code == 200  # then signs in

    def test_a_customer_cannot_choose_another_role(self, api_client):
        response = api_client.post(
            "/api/auth/register/", {"email": "x@example.test", "password": STRONG, "role": "admin"}, format="json"
        )
        body = assert_problem(response, 400)
        assert body["errors"] == [{"field": "role", "message": "Unknown field.", "code": "unknown_field"}]
        assert not User.objects.filter(email="x@example.test").exists()

    def test_weak_password_is_refused_with_field_errors(self, api_client):
        body = assert_problem(
            api_client.post("/api/auth/register/", {"email": "w@example.test", "password": "12345"}, format="json"),
            400,
        )
        assert {e["field"] for e in body["errors"]} == {"password"}
        assert not User.objects.filter(email="w@example.test").exists()

    def test_a_taken_address_answers_exactly_as_a_new_one_and_changes_nothing(self, api_client, make_user):
        taken = make_user(email="taken@example.test")
        password_hash = taken.password
        new = api_client.post("/api/auth/register/", {"email": "fresh@example.test", "password": STRONG}, format="json")
        again = api_client.post(
            "/api/auth/register/", {"email": "TAKEN@example.test", "password": STRONG, "name": "Eve"}, format="json"
        )
        assert new.status_code == again.status_code == 202
        assert again.json()["detail"] == new.json()["detail"] and set(again.json()) == set(new.json())
        assert User.objects.filter(email__iexact="taken@example.test").count() == 1
        taken.refresh_from_db()
        assert taken.password == password_hash and taken.name != "Eve"  # nothing about the account changed
        assert AuditEvent.objects.filter(action="auth.registration_attempt", object_id=str(taken.pk)).exists()

    def test_the_per_address_limit_is_the_same_for_a_taken_and_a_new_address(self, api_client, make_user, settings):
        from django.core.cache import cache

        cache.clear()
        settings.ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR = 2
        make_user(email="taken@example.test")
        for email in ("taken@example.test", "free@example.test"):
            answers = [
                api_client.post("/api/auth/register/", {"email": email, "password": STRONG}, format="json").status_code
                for _ in range(3)
            ]
            assert answers == [202, 202, 429], (email, answers)
        assert User.objects.filter(email="free@example.test").count() == 1

    def test_a_weak_password_is_refused_the_same_for_a_taken_address(self, api_client, make_user):
        make_user(email="taken@example.test")
        for email in ("taken@example.test", "free@example.test"):
            body = assert_problem(api_client.post("/api/auth/register/", {"email": email, "password": "12345"}), 400)
            assert {e["field"] for e in body["errors"]} == {"password"}

    @pytest.mark.parametrize(
        "payload, field",
        [
            ({"email": "not-an-email", "password": STRONG}, "email"),
            ({"email": "a@example.test", "password": STRONG, "name": "n" * 151}, "name"),
            ({"email": "a@example.test", "password": 12345678901}, None),
            ({"email": ["a@example.test"], "password": STRONG}, "email"),
            ({"password": STRONG}, "email"),
        ],
    )
    def test_bad_input_is_refused(self, api_client, payload, field):
        response = api_client.post("/api/auth/register/", payload, format="json")
        if field is None:  # a number where a string is expected is coerced by DRF, then fails validation
            assert response.status_code in (400, 202)
            return
        body = assert_problem(response, 400)
        assert field in {e["field"] for e in body["errors"]}
        assert User.objects.count() == 0

    def test_malformed_json_is_a_400(self, api_client):
        response = api_client.generic(
            "POST", "/api/auth/register/", '{"email": "a@example.test",', content_type="application/json"
        )
        body = assert_problem(response, 400)
        assert body["type"] == "/problems/parse_error"

    def test_unsupported_media_type_is_a_415(self, api_client):
        response = api_client.generic("POST", "/api/auth/register/", "email=a", content_type="text/plain")
        assert_problem(response, 415)

    def test_unslashed_path_works_too(self, api_client):
        response = api_client.post("/api/auth/register", {"email": "u@example.test", "password": STRONG}, format="json")
        assert response.status_code == 202


class TestLogin:
    def test_login_returns_tokens_and_user_and_is_audited(self, api_client, make_user):
        user = make_user(email="l@example.test")
        response = login(api_client, "L@example.test")
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"access", "refresh", "user"}
        assert body["user"]["id"] == str(user.pk)
        assert AuditEvent.objects.filter(action="auth.login", actor=user).exists()
        user.refresh_from_db()
        assert user.last_login is not None

    def test_wrong_password_and_unknown_email_look_the_same(self, api_client, make_user):
        make_user(email="l@example.test")
        wrong = assert_problem(login(api_client, "l@example.test", "nope"), 401)
        unknown = assert_problem(login(api_client, "ghost@example.test", "nope"), 401)
        assert wrong["detail"] == unknown["detail"]
        assert AuditEvent.objects.filter(action="auth.login_failed").count() == 2

    def test_inactive_user_cannot_login(self, api_client, make_user):
        make_user(email="off@example.test", is_active=False)
        assert_problem(login(api_client, "off@example.test"), 401)

    @override_settings(LOGIN_SLOWDOWN_AFTER=3, LOGIN_LOCKOUT_AFTER=100)
    def test_repeated_failures_slow_the_account_down(self, api_client, make_user):
        make_user(email="s@example.test")
        for _ in range(3):
            assert login(api_client, "s@example.test", "bad").status_code == 401
        # Even the right password must now wait: answered 429 in the error shape.
        response = login(api_client, "s@example.test")
        body = assert_problem(response, 429)
        assert body["type"] == "/problems/login_throttled"
        assert body["retry_after"] >= 1

    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=4, LOGIN_LOCKOUT_SECONDS=900)
    def test_account_locks_after_too_many_failures(self, api_client, make_user):
        make_user(email="k@example.test")
        for _ in range(4):
            login(api_client, "k@example.test", "bad")
        body = assert_problem(login(api_client, "k@example.test"), 429)
        assert 890 <= body["retry_after"] <= 900
        # Other accounts are not affected by this account's lock.
        make_user(email="k2@example.test")
        assert login(api_client, "k2@example.test", REMOTE_ADDR="10.9.9.9").status_code == 200

    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=100, LOGIN_IP_LOCKOUT_AFTER=5)
    def test_one_ip_failing_across_accounts_is_locked(self, api_client, make_user):
        make_user(email="victim@example.test")
        for n in range(5):
            login(api_client, f"guess{n}@example.test", "bad", REMOTE_ADDR="192.0.2.7")
        assert_problem(login(api_client, "victim@example.test", REMOTE_ADDR="192.0.2.7"), 429)
        assert login(api_client, "victim@example.test", REMOTE_ADDR="192.0.2.8").status_code == 200


class TestTokens:
    def test_refresh_rotates_and_the_old_refresh_token_is_dead(self, api_client, make_user):
        make_user(email="r@example.test")
        first = login(api_client, "r@example.test").json()["refresh"]
        rotated = api_client.post("/api/auth/refresh/", {"refresh": first}, format="json")
        assert rotated.status_code == 200, rotated.content
        assert rotated.json()["refresh"] != first
        replay = api_client.post("/api/auth/refresh/", {"refresh": first}, format="json")
        assert_problem(replay, 401)

    def test_logout_blacklists_the_refresh_token(self, api_client, make_user):
        user = make_user(email="o@example.test")
        tokens = login(api_client, "o@example.test").json()
        client = client_for(user)
        assert client.post("/api/auth/logout/", {"refresh": tokens["refresh"]}, format="json").status_code == 204
        assert_problem(api_client.post("/api/auth/refresh/", {"refresh": tokens["refresh"]}, format="json"), 401)
        assert AuditEvent.objects.filter(action="auth.logout", actor=user).exists()

    def test_cannot_logout_someone_elses_token(self, api_client, make_user):
        make_user(email="a1@example.test")
        intruder = make_user(email="a2@example.test")
        tokens = login(api_client, "a1@example.test").json()
        assert_problem(client_for(intruder).post("/api/auth/logout/", {"refresh": tokens["refresh"]}), 401)
        assert api_client.post("/api/auth/refresh/", {"refresh": tokens["refresh"]}).status_code == 200

    @pytest.mark.parametrize("header", ["Bearer not.a.token", "Bearer ", "Token abc", "Bearer a.b.c"])
    def test_missing_or_garbage_token_is_401(self, api_client, header):
        api_client.credentials(HTTP_AUTHORIZATION=header)
        assert_problem(api_client.get("/api/auth/me/"), 401)

    def test_no_token_is_401_with_www_authenticate(self, api_client):
        response = api_client.get("/api/auth/me/")
        assert_problem(response, 401)
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_expired_token_is_401(self, api_client, make_user):
        user = make_user()
        token = AccessToken.for_user(user)
        token.set_exp(lifetime=-timedelta(seconds=1))
        api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        assert_problem(api_client.get("/api/auth/me/"), 401)

    def test_tampered_token_is_401(self, api_client, make_user):
        user = make_user(role=Role.CUSTOMER)
        admin = make_user(role=Role.ADMIN, is_staff=True)
        header, _payload, signature = str(AccessToken.for_user(user)).split(".")
        forged_payload = str(AccessToken.for_user(admin)).split(".")[1]
        api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {header}.{forged_payload}.{signature}")
        assert_problem(api_client.get("/api/auth/me/"), 401)

    def test_access_token_lifetime_is_fifteen_minutes(self, make_user):
        token = AccessToken.for_user(make_user())
        assert token["exp"] - token["iat"] == 15 * 60


class TestPasswordChange:
    def test_changes_password_and_revokes_every_session(self, api_client, make_user):
        user = make_user(email="p@example.test")
        session_a = login(api_client, "p@example.test").json()
        session_b = login(api_client, "p@example.test").json()
        client = client_for(user)
        response = client.post(
            "/api/auth/password/change/", {"old_password": TEST_PASSWORD, "new_password": STRONG}, format="json"
        )
        assert response.status_code == 200, response.content
        assert response.json()["sessions_revoked"] >= 2
        for session in (session_a, session_b):
            assert_problem(api_client.post("/api/auth/refresh/", {"refresh": session["refresh"]}), 401)
        # Access tokens issued before the change are refused too.
        old = client_for(None)
        old.credentials(HTTP_AUTHORIZATION=f"Bearer {session_a['access']}")
        user.refresh_from_db()
        user.tokens_valid_after += timedelta(seconds=1)  # the change happened after the token's second
        user.save(update_fields=["tokens_valid_after"])
        assert_problem(old.get("/api/auth/me/"), 401)
        assert login(api_client, "p@example.test", STRONG).status_code == 200
        assert AuditEvent.objects.filter(action="auth.password_changed", actor=user).exists()

    def test_wrong_old_password_changes_nothing(self, make_user):
        user = make_user()
        response = client_for(user).post(
            "/api/auth/password/change/", {"old_password": "wrong", "new_password": STRONG}, format="json"
        )
        body = assert_problem(response, 400)
        assert body["errors"][0]["field"] == "old_password"
        user.refresh_from_db()
        assert user.check_password(TEST_PASSWORD)

    def test_new_password_must_pass_the_validators(self, make_user):
        user = make_user()
        response = client_for(user).post(
            "/api/auth/password/change/", {"old_password": TEST_PASSWORD, "new_password": "password"}, format="json"
        )
        assert_problem(response, 400)
        user.refresh_from_db()
        assert user.check_password(TEST_PASSWORD)


class TestMe:
    def test_get_and_patch_own_profile(self, make_user):
        user = make_user(name="Old")
        client = client_for(user)
        assert client.get("/api/auth/me/").json()["email"] == user.email
        response = client.patch("/api/auth/me/", {"name": "New Name", "phone": "+254711000000"}, format="json")
        assert response.status_code == 200
        assert response.json()["name"] == "New Name"
        event = AuditEvent.objects.get(action="user.updated", object_id=str(user.pk))
        assert event.changes == {"name": ["Old", "New Name"], "phone": ["(redacted)", "(redacted)"]}

    @pytest.mark.parametrize(
        "payload",
        [
            {"role": "admin"},
            {"department": "motor"},
            {"is_active": False},
            {"certification_level": 5},
            {"email": "x@y.z"},
        ],
    )
    def test_customer_cannot_escalate_or_change_protected_fields(self, make_user, payload):
        user = make_user(role=Role.CUSTOMER)
        body = assert_problem(client_for(user).patch("/api/auth/me/", payload, format="json"), 400)
        assert body["errors"][0]["code"] == "read_only"
        user.refresh_from_db()
        assert user.role == Role.CUSTOMER and user.is_active and not user.department

    def test_unknown_field_and_overlong_value_change_nothing(self, make_user):
        user = make_user(name="Keep")
        client = client_for(user)
        assert_problem(client.patch("/api/auth/me/", {"nickname": "x"}, format="json"), 400)
        assert_problem(client.patch("/api/auth/me/", {"name": "x" * 151}, format="json"), 400)
        assert_problem(client.patch("/api/auth/me/", {"name": "ok", "phone": "9" * 40}, format="json"), 400)
        user.refresh_from_db()
        assert user.name == "Keep"


class TestNotificationPreferences:
    URL = "/api/auth/me/notification-preferences/"

    def test_defaults_cover_every_channel_and_topic(self, make_user):
        body = client_for(make_user()).get(self.URL).json()
        prefs = {(p["channel"], p["topic"]): p["enabled"] for p in body["preferences"]}
        assert len(prefs) == 3 * 9
        assert prefs[("email", "claim_updates")] is True
        assert prefs[("email", "marketing")] is False
        assert prefs[("sms", "security")] is True

    def test_put_changes_only_what_is_given(self, make_user):
        user = make_user()
        client = client_for(user)
        response = client.put(
            self.URL, {"preferences": [{"channel": "sms", "topic": "claim_updates", "enabled": True}]}, format="json"
        )
        assert response.status_code == 200
        prefs = {(p["channel"], p["topic"]): p["enabled"] for p in response.json()["preferences"]}
        assert prefs[("sms", "claim_updates")] is True
        assert prefs[("email", "claim_updates")] is True
        assert AuditEvent.objects.filter(action="user.notification_preferences_changed").count() == 1

    @pytest.mark.parametrize(
        "payload",
        [
            {"preferences": [{"channel": "pigeon", "topic": "claim_updates", "enabled": True}]},
            {"preferences": [{"channel": "sms", "topic": "claim_updates", "enabled": "maybe"}]},
            {"preferences": []},
            {"preferences": "all"},
            {
                "preferences": [
                    {"channel": "sms", "topic": "claim_updates", "enabled": True},
                    {"channel": "sms", "topic": "claim_updates", "enabled": False},
                ]
            },
        ],
    )
    def test_bad_preferences_change_nothing(self, make_user, payload):
        user = make_user()
        assert_problem(client_for(user).put(self.URL, payload, format="json"), 400)
        assert not user.notification_preferences.exists()
