"""The web app's cookie session: sign in sets an httpOnly refresh cookie, refresh rotates it,
logout revokes it, and each of them needs the CSRF token (the browser sends the cookie by itself)."""

from datetime import timedelta

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import assert_problem
from insurehub.users.api.session_cookie import REFRESH_COOKIE, SIGNED_IN_COOKIE
from insurehub.users.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

SESSION = "/api/auth/session/"
REFRESH = "/api/auth/session/refresh/"
LOGOUT = "/api/auth/session/logout/"


def browser() -> APIClient:
    """A client that, like a browser, carries cookies and gets CSRF checked (the test client skips it otherwise)."""
    return APIClient(enforce_csrf_checks=True)


def csrf(client: APIClient) -> dict:
    response = client.get("/api/auth/session/csrf/")
    assert response.status_code == 200
    token = response.json()["csrf_token"]
    assert client.cookies["csrftoken"].value
    return {"HTTP_X_CSRFTOKEN": token}


def sign_in(client: APIClient, email: str, password: str = TEST_PASSWORD):
    return client.post(SESSION, {"email": email, "password": password}, format="json", **csrf(client))


def me(access: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get("/api/auth/me/")


class TestSignIn:
    def test_answers_access_and_user_and_puts_the_refresh_token_in_a_strict_httponly_cookie(self, make_user):
        user = make_user(email="agent@example.test")
        client = browser()
        response = sign_in(client, "agent@example.test")
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"access", "user"}  # no refresh token where a script could read it
        assert body["user"]["id"] == str(user.pk)
        assert me(body["access"]).json()["id"] == str(user.pk)
        cookie = response.cookies[REFRESH_COOKIE]
        assert cookie.value
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Strict"
        assert cookie["path"] == "/api/auth/"
        assert cookie["max-age"] == int(timedelta(days=7).total_seconds())
        assert not cookie["secure"]  # tests and development run over http
        hint = response.cookies[SIGNED_IN_COOKIE]  # tells the app there is a session to restore
        assert hint.value == "1" and not hint["httponly"] and hint["path"] == "/" and hint["samesite"] == "Strict"
        assert AuditEvent.objects.filter(action="auth.login", actor=user).count() == 1

    @override_settings(AUTH_REFRESH_COOKIE_SECURE=True)
    def test_the_cookie_is_secure_outside_development(self, make_user):
        make_user(email="agent@example.test")
        response = sign_in(browser(), "agent@example.test")
        assert response.cookies[REFRESH_COOKIE]["secure"] is True
        assert response.cookies[SIGNED_IN_COOKIE]["secure"] is True

    def test_without_the_csrf_token_nothing_happens(self, make_user):
        user = make_user(email="agent@example.test")
        client = browser()
        client.get("/api/auth/session/csrf/")  # the cookie alone is not enough: the header must match it
        response = client.post(SESSION, {"email": "agent@example.test", "password": TEST_PASSWORD}, format="json")
        body = assert_problem(response, 403)
        assert body["type"] == "/problems/csrf_failed"
        assert REFRESH_COOKIE not in response.cookies
        assert not AuditEvent.objects.filter(action="auth.login", actor=user).exists()

    def test_a_csrf_header_that_does_not_match_the_cookie_is_refused(self, make_user):
        make_user(email="agent@example.test")
        client = browser()
        csrf(client)
        response = client.post(
            SESSION,
            {"email": "agent@example.test", "password": TEST_PASSWORD},
            format="json",
            HTTP_X_CSRFTOKEN="x" * 64,
        )
        assert_problem(response, 403)

    def test_wrong_password_is_the_login_services_401_and_sets_no_cookie(self, make_user):
        make_user(email="agent@example.test")
        response = sign_in(browser(), "agent@example.test", "not-the-password")
        body = assert_problem(response, 401)
        assert body["detail"] == "Email or password is incorrect."
        assert REFRESH_COOKIE not in response.cookies
        assert AuditEvent.objects.filter(action="auth.login_failed").count() == 1

    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=2)
    def test_the_login_services_lockout_applies(self, make_user):
        make_user(email="agent@example.test")
        client = browser()
        for _ in range(2):
            assert_problem(sign_in(client, "agent@example.test", "wrong"), 401)
        body = assert_problem(sign_in(client, "agent@example.test"), 429)
        assert body["detail"].startswith("Too many failed sign-in attempts. Try again in")

    @pytest.mark.parametrize(
        "payload, field",
        [({"email": "agent@example.test"}, "password"), ({"email": "nope", "password": "x"}, "email")],
    )
    def test_bad_input_gets_field_errors(self, make_user, payload, field):
        client = browser()
        body = assert_problem(client.post(SESSION, payload, format="json", **csrf(client)), 400)
        assert field in {error["field"] for error in body["errors"]}


class TestRefresh:
    def test_rotates_the_cookie_and_answers_a_new_access_token(self, make_user):
        user = make_user(email="agent@example.test")
        client = browser()
        sign_in(client, "agent@example.test")
        first_cookie = client.cookies[REFRESH_COOKIE].value
        response = client.post(REFRESH, **csrf(client))
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"access", "user"}
        assert body["user"]["id"] == str(user.pk)
        assert me(body["access"]).status_code == 200
        rotated = response.cookies[REFRESH_COOKIE]
        assert rotated.value and rotated.value != first_cookie
        assert rotated["httponly"] is True and rotated["samesite"] == "Strict"

    def test_an_old_cookie_is_refused_after_rotation(self, make_user):
        make_user(email="agent@example.test")
        client = browser()
        sign_in(client, "agent@example.test")
        stolen = client.cookies[REFRESH_COOKIE].value
        assert client.post(REFRESH, **csrf(client)).status_code == 200
        replay = browser()
        replay.cookies[REFRESH_COOKIE] = stolen
        response = replay.post(REFRESH, **csrf(replay))
        body = assert_problem(response, 401)
        assert body["type"] == "/problems/no_session"
        assert response.cookies[REFRESH_COOKIE].value == ""  # the dead cookie is cleared
        assert response.cookies[REFRESH_COOKIE]["max-age"] == 0
        assert response.cookies[SIGNED_IN_COOKIE]["max-age"] == 0

    def test_without_a_cookie_is_401(self):
        client = browser()
        body = assert_problem(client.post(REFRESH, **csrf(client)), 401)
        assert body["detail"] == "Not signed in."

    def test_a_garbage_cookie_is_401(self):
        client = browser()
        client.cookies[REFRESH_COOKIE] = "not-a-token"
        assert_problem(client.post(REFRESH, **csrf(client)), 401)

    def test_without_the_csrf_token_the_cookie_is_not_rotated(self, make_user):
        make_user(email="agent@example.test")
        client = browser()
        sign_in(client, "agent@example.test")
        cookie = client.cookies[REFRESH_COOKIE].value
        response = client.post(REFRESH)
        assert_problem(response, 403)
        assert REFRESH_COOKIE not in response.cookies
        assert client.cookies[REFRESH_COOKIE].value == cookie
        assert client.post(REFRESH, **csrf(client)).status_code == 200  # still a live session

    def test_a_deactivated_user_cannot_refresh(self, make_user):
        user = make_user(email="agent@example.test")
        client = browser()
        sign_in(client, "agent@example.test")
        user.is_active = False
        user.save(update_fields=["is_active"])
        assert_problem(client.post(REFRESH, **csrf(client)), 401)

    def test_a_password_change_ends_the_cookie_session(self, make_user):
        make_user(email="agent@example.test")
        client = browser()
        access = sign_in(client, "agent@example.test").json()["access"]
        other = APIClient()
        other.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
        changed = other.post(
            "/api/auth/password/change/",
            {"old_password": TEST_PASSWORD, "new_password": "plum-orbit-cascade-917"},
            format="json",
        )
        assert changed.status_code == 200, changed.content
        assert_problem(client.post(REFRESH, **csrf(client)), 401)


class TestLogout:
    def test_revokes_the_refresh_token_and_clears_the_cookie(self, make_user):
        user = make_user(email="agent@example.test")
        client = browser()
        sign_in(client, "agent@example.test")
        cookie = client.cookies[REFRESH_COOKIE].value
        response = client.post(LOGOUT, **csrf(client))
        assert response.status_code == 204
        assert response.cookies[REFRESH_COOKIE].value == ""
        assert response.cookies[REFRESH_COOKIE]["max-age"] == 0
        assert response.cookies[REFRESH_COOKIE]["path"] == "/api/auth/"
        assert response.cookies[SIGNED_IN_COOKIE]["max-age"] == 0
        assert AuditEvent.objects.filter(action="auth.logout", actor=user).count() == 1
        replay = browser()
        replay.cookies[REFRESH_COOKIE] = cookie
        assert_problem(replay.post(REFRESH, **csrf(replay)), 401)

    def test_without_a_session_it_still_answers_204(self):
        client = browser()
        assert client.post(LOGOUT, **csrf(client)).status_code == 204
        assert not AuditEvent.objects.filter(action="auth.logout").exists()

    def test_without_the_csrf_token_the_session_stays(self, make_user):
        make_user(email="agent@example.test")
        client = browser()
        sign_in(client, "agent@example.test")
        assert_problem(client.post(LOGOUT), 403)
        assert client.post(REFRESH, **csrf(client)).status_code == 200
