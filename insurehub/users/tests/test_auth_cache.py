"""The signed-in user comes from the process's cache (users/auth_cache.py), and every change that
matters reaches the very next request: each test signs in, makes a request (the user is now
cached), changes the account through the API, and checks the next request with the same token."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from rest_framework.request import Request
from rest_framework.test import APIClient

from insurehub.core.roles import Department, Role
from insurehub.core.testing import assert_problem, client_for
from insurehub.users import auth_cache
from insurehub.users.authentication import JWTAuthentication
from insurehub.users.models import User
from insurehub.users.tests.factories import TEST_PASSWORD, StaffFactory, UserFactory

NEW_PASSWORD = "plum-orbit-cascade-917"


def signed_in(user) -> tuple[APIClient, dict]:
    client = APIClient()
    response = client.post("/api/auth/login/", {"email": user.email, "password": TEST_PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    tokens = response.json()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert client.get("/api/auth/me/").status_code == 200  # now cached in this process
    return client, tokens


@pytest.fixture
def admin(db):
    return UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.mark.django_db
class TestCachedUser:
    def test_a_cached_user_costs_no_query_and_no_decryption(self):
        user = StaffFactory(phone="+254700000001", national_id="12345678", address="Nairobi")
        client, tokens = signed_in(user)
        request = RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
        with CaptureQueriesContext(connection) as queries:
            authenticated, _ = JWTAuthentication().authenticate(Request(request))
        assert len(queries) == 0
        assert authenticated.pk == user.pk and authenticated.role == Role.AGENT
        personal = {"phone", "national_id", "date_of_birth", "address", "password"}
        assert personal <= authenticated.get_deferred_fields()
        # A view that needs a personal field reads it from the database (here, /me shows the phone).
        assert client.get("/api/auth/me/").json()["phone"] == "+254700000001"

    def test_each_request_gets_its_own_instance(self):
        user = StaffFactory()
        _, tokens = signed_in(user)
        request = RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
        first, _ = JWTAuthentication().authenticate(Request(request))
        first.role = Role.ADMIN  # a view changing its copy changes no one else's
        second, _ = JWTAuthentication().authenticate(Request(request))
        assert second is not first and second.role == Role.AGENT

    def test_deactivation_refuses_the_next_request(self, admin):
        user = StaffFactory()
        client, _ = signed_in(user)
        assert client_for(admin).delete(f"/api/users/{user.pk}/").status_code in (200, 204)
        assert_problem(client.get("/api/auth/me/"), 401)

    def test_role_change_shows_on_the_next_request(self, admin):
        user = StaffFactory()
        client, _ = signed_in(user)
        assert client.get("/api/audit/").status_code == 403  # only admins read the audit log
        response = client_for(admin).patch(
            f"/api/users/{user.pk}/", {"role": Role.SUPERVISOR, "department": Department.MOTOR}, format="json"
        )
        assert response.status_code == 200, response.content
        assert client.get("/api/auth/me/").json()["role"] == Role.SUPERVISOR
        response = client_for(admin).patch(f"/api/users/{user.pk}/", {"role": Role.ADMIN}, format="json")
        assert response.status_code == 200, response.content
        assert client.get("/api/audit/").status_code == 200  # the new role's rights at once

    def test_logout_refuses_the_next_request(self):
        client, tokens = signed_in(StaffFactory())
        assert client.post("/api/auth/logout/", {"refresh": tokens["refresh"]}, format="json").status_code == 204
        assert_problem(client.get("/api/auth/me/"), 401)

    def test_password_change_refuses_the_other_sessions_next_request(self):
        user = StaffFactory()
        other, _ = signed_in(user)
        current, _ = signed_in(user)
        response = current.post(
            "/api/auth/password/change/", {"old_password": TEST_PASSWORD, "new_password": NEW_PASSWORD}, format="json"
        )
        assert response.status_code == 200, response.content
        assert_problem(other.get("/api/auth/me/"), 401)
        assert_problem(current.get("/api/auth/me/"), 401)

    def test_any_save_of_the_user_counts_from_the_next_request(self):
        """The admin site and the services both save the model: a change there is seen at once."""
        user = StaffFactory()
        client, _ = signed_in(user)
        row = User.objects.get(pk=user.pk)
        row.is_active = False
        row.save(update_fields=["is_active"])
        assert_problem(client.get("/api/auth/me/"), 401)

    def test_a_lost_version_is_a_miss_not_a_stale_hit(self):
        """The shared cache lost the version (evicted, Redis restarted): the user is read again."""
        user = StaffFactory()
        client, _ = signed_in(user)
        User.objects.filter(pk=user.pk).update(role=Role.ASSESSOR)  # no save(): the version stays
        cache.delete(auth_cache.version_key(user.pk))
        assert client.get("/api/auth/me/").json()["role"] == Role.ASSESSOR

    def test_a_deleted_user_is_refused(self):
        user = StaffFactory()
        client, _ = signed_in(user)
        User.objects.get(pk=user.pk).delete()
        assert_problem(client.get("/api/auth/me/"), 401)
