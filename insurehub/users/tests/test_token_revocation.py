"""Tokens that hold under races and die when they should: a refresh token rotates exactly once
however many requests race with it (both the API's and the browser session's refresh), a
refresh token used again later ends its whole sign-in, and sign-out and a password change
refuse access tokens at once, not only refresh tokens."""

import threading

import pytest
from django.db import connection
from django.test import override_settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import assert_problem
from insurehub.users.api.session_cookie import REFRESH_COOKIE
from insurehub.users.tests.factories import TEST_PASSWORD
from insurehub.users.tests.test_session_cookie import REFRESH, browser, csrf, sign_in

STRONG = "plum-orbit-cascade-917"
PARALLEL = 10


def login(email: str) -> dict:
    response = APIClient().post("/api/auth/login/", {"email": email, "password": TEST_PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def refresh(token: str):
    return APIClient().post("/api/auth/refresh/", {"refresh": token}, format="json")


def me(access: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get("/api/auth/me/")


def live_refresh_tokens(user) -> int:
    return OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True).count()


def in_parallel(work, count: int = PARALLEL) -> list:
    """Run `work()` in `count` threads released together; each thread closes its own connection."""
    barrier, results, lock = threading.Barrier(count), [], threading.Lock()

    def run():
        try:
            barrier.wait()
            result = work()
            with lock:
                results.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@needs_postgresql
@pytest.mark.django_db(transaction=True)
class TestParallelRefresh:
    def test_ten_parallel_refreshes_of_one_token_mint_one_token(self, make_user):
        user = make_user(email="race@example.test")
        first = login("race@example.test")["refresh"]
        responses = in_parallel(lambda: refresh(first))
        codes = sorted(r.status_code for r in responses)
        assert codes == [200] + [401] * (PARALLEL - 1), codes
        winner = next(r.json() for r in responses if r.status_code == 200)
        # One chain, one live refresh token: the winner's, which keeps working (a race is not a theft).
        assert live_refresh_tokens(user) == 1
        assert me(winner["access"]).status_code == 200
        assert refresh(winner["refresh"]).status_code == 200

    def test_ten_parallel_cookie_refreshes_set_one_new_cookie(self, make_user):
        make_user(email="tabs@example.test")
        client = browser()
        assert sign_in(client, "tabs@example.test").status_code == 200
        headers = csrf(client)
        cookies = {name: morsel.value for name, morsel in client.cookies.items()}

        def cookie_refresh():
            tab = browser()
            for name, value in cookies.items():
                tab.cookies[name] = value
            return tab.post(REFRESH, **headers)

        responses = in_parallel(cookie_refresh)
        codes = sorted(r.status_code for r in responses)
        assert codes == [200] + [401] * (PARALLEL - 1), codes
        winner = next(r for r in responses if r.status_code == 200)
        assert winner.cookies[REFRESH_COOKIE].value != cookies[REFRESH_COOKIE]


@pytest.mark.django_db
class TestReuse:
    @override_settings(JWT_REFRESH_REUSE_GRACE_SECONDS=0)
    def test_a_refresh_token_used_again_ends_its_sign_in(self, make_user):
        user = make_user(email="stolen@example.test")
        other_session = login("stolen@example.test")
        first = login("stolen@example.test")
        rotated = refresh(first["refresh"]).json()
        assert_problem(refresh(first["refresh"]), 401)  # the copy is replayed
        # The chain the copy belongs to is over: its current refresh and its access tokens.
        assert_problem(refresh(rotated["refresh"]), 401)
        assert_problem(me(rotated["access"]), 401)
        assert_problem(me(first["access"]), 401)
        assert AuditEvent.objects.filter(action="auth.refresh_reused", actor=user).exists()
        # Another sign-in of the same account is not touched.
        assert me(other_session["access"]).status_code == 200
        assert refresh(other_session["refresh"]).status_code == 200

    def test_a_second_use_within_the_grace_is_refused_but_ends_nothing(self, make_user):
        make_user(email="twice@example.test")
        first = login("twice@example.test")
        rotated = refresh(first["refresh"]).json()
        assert_problem(refresh(first["refresh"]), 401)
        assert me(rotated["access"]).status_code == 200
        assert refresh(rotated["refresh"]).status_code == 200

    def test_a_forged_or_unknown_refresh_token_is_401(self, make_user):
        assert_problem(refresh("not-a-token"), 401)
        tokens = login(make_user(email="f@example.test").email)
        assert_problem(refresh(tokens["access"]), 401)  # an access token is not a refresh token


@pytest.mark.django_db
class TestAccessTokensRevoked:
    def test_logout_refuses_the_access_tokens_of_that_sign_in(self, make_user):
        make_user(email="out@example.test")
        other = login("out@example.test")
        first = login("out@example.test")
        rotated = refresh(first["refresh"]).json()
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {rotated['access']}")
        assert client.post("/api/auth/logout/", {"refresh": rotated["refresh"]}, format="json").status_code == 204
        body = assert_problem(me(rotated["access"]), 401)
        assert "revoked" in body["detail"]
        assert_problem(me(first["access"]), 401)  # minted earlier in the same sign-in
        assert me(other["access"]).status_code == 200

    def test_cookie_logout_refuses_the_sessions_access_token(self, make_user):
        make_user(email="cookie-out@example.test")
        client = browser()
        access = sign_in(client, "cookie-out@example.test").json()["access"]
        assert me(access).status_code == 200
        assert client.post("/api/auth/session/logout/", **csrf(client)).status_code == 204
        assert_problem(me(access), 401)

    def test_password_change_refuses_access_tokens_at_once(self, make_user):
        """Within the same second too (tokens_valid_after alone compares whole seconds)."""
        make_user(email="pw@example.test")
        other = login("pw@example.test")
        current = login("pw@example.test")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {current['access']}")
        response = client.post(
            "/api/auth/password/change/", {"old_password": TEST_PASSWORD, "new_password": STRONG}, format="json"
        )
        assert response.status_code == 200, response.content
        assert_problem(me(current["access"]), 401)
        assert_problem(me(other["access"]), 401)
