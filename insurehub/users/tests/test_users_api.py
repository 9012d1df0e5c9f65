"""/api/users/: admins manage users; supervisors see their department's staff; others themselves."""

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.core.roles import Department, Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.users.models import User
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STRONG = "plum-orbit-cascade-917"


def test_access_matrix_for_a_customer(actors):
    target = actors["owner"]
    AccessMatrix(actors).assert_read(
        visible={"owner", "admin"},
        object_id=target.pk,
        detail_url=f"/api/users/{target.pk}/",
        list_url="/api/users/",
    )


def test_access_matrix_for_a_motor_agent(actors):
    target = actors["agent"]
    AccessMatrix(actors).assert_read(
        visible={"agent", "supervisor", "admin"},
        object_id=target.pk,
        detail_url=f"/api/users/{target.pk}/",
        list_url="/api/users/",
    )


def test_only_admins_may_change_users(actors):
    target = actors["agent_other_dept"]
    url = f"/api/users/{target.pk}/"
    AccessMatrix(actors).assert_write(
        lambda client: client.patch(url, {"certification_level": 2}, format="json"),
        expected={"admin": 200, "agent_other_dept": 403, "supervisor_other_dept": 403},
    )
    target.refresh_from_db()
    assert target.certification_level == 2


def test_only_admins_may_create_users(actors):
    payload = {"email": "new-agent@example.test", "password": STRONG, "role": "agent", "department": "motor"}
    expected = {name: 403 for name in actors}
    expected["admin"] = 201
    AccessMatrix(actors).assert_write(
        lambda client: client.post("/api/users/", payload, format="json"), expected=expected
    )
    created = User.objects.get(email="new-agent@example.test")
    assert created.role == Role.AGENT and created.department == Department.MOTOR
    assert AuditEvent.objects.filter(action="user.created", actor=actors["admin"], object_id=str(created.pk)).exists()


def test_admin_creates_staff_with_validation(actors):
    admin = client_for(actors["admin"])
    missing_department = {"email": "s@example.test", "password": STRONG, "role": "assessor"}
    body = assert_problem(admin.post("/api/users/", missing_department, format="json"), 400)
    assert body["errors"][0]["field"] == "department"
    bad_level = {**missing_department, "department": "motor", "certification_level": 9}
    assert_problem(admin.post("/api/users/", bad_level, format="json"), 400)
    bad_role = {**missing_department, "department": "motor", "role": "emperor"}
    assert_problem(admin.post("/api/users/", bad_role, format="json"), 400)
    assert not User.objects.filter(email="s@example.test").exists()


def test_admin_changes_role_and_the_change_is_audited(actors):
    target = actors["other_customer"]
    response = client_for(actors["admin"]).patch(
        f"/api/users/{target.pk}/", {"role": "agent", "department": "motor"}, format="json"
    )
    assert response.status_code == 200, response.content
    event = AuditEvent.objects.get(action="user.updated", object_id=str(target.pk))
    assert event.changes["role"] == ["customer", "agent"]


def test_deactivation_ends_sessions_and_keeps_the_row(actors, api_client):
    target = actors["other_customer"]
    tokens = api_client.post(
        "/api/auth/login/", {"email": target.email, "password": "correct-horse-battery-staple"}, format="json"
    ).json()
    assert client_for(actors["admin"]).delete(f"/api/users/{target.pk}/").status_code == 204
    target.refresh_from_db()
    assert target.is_active is False
    assert_problem(api_client.post("/api/auth/refresh/", {"refresh": tokens["refresh"]}, format="json"), 401)


def test_admin_cannot_deactivate_or_demote_self(actors):
    admin = actors["admin"]
    client = client_for(admin)
    assert_problem(client.delete(f"/api/users/{admin.pk}/"), 409)
    assert_problem(client.patch(f"/api/users/{admin.pk}/", {"role": "agent", "department": "motor"}), 409)


def test_list_filters_and_search(actors):
    client = client_for(actors["admin"])
    body = client.get("/api/users/", {"role": "assessor"}).json()
    assert {u["email"] for u in body["results"]} == {"assessor@example.test", "assessor2@example.test"}
    body = client.get("/api/users/", {"search": "health"}).json()
    assert {u["email"] for u in body["results"]} == {"agent-health@example.test", "supervisor-health@example.test"}
    assert_problem(client.get("/api/users/", {"role": "emperor"}), 400)


def test_list_uses_a_fixed_number_of_queries(actors):
    client = client_for(actors["admin"])
    assert_constant_queries(client, "/api/users/", grow=lambda: UserFactory.create_batch(15), max_queries=3)
