"""The web application's language, remembered per user: chosen at sign-up or on /api/auth/me/,
by each user for themselves only, audited, and refused when it is not one the app speaks."""

import pytest

from insurehub.audit.models import AuditEvent
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.users.models import Language, User

pytestmark = pytest.mark.django_db

STRONG = "plum-orbit-cascade-917"


def test_every_signed_in_user_sets_their_own_language_and_nobody_else_s(actors):
    expected = {name: 200 for name in actors}
    AccessMatrix(actors).assert_write(
        lambda client: client.patch("/api/auth/me/", {"language": "sw"}, format="json"), expected=expected
    )
    # Each changed only themselves: every actor now reads Swahili, and each change is theirs in the audit log.
    for user in actors.values():
        user.refresh_from_db()
        assert user.language == Language.SWAHILI
        event = AuditEvent.objects.get(action="user.updated", object_id=str(user.pk))
        assert event.actor_id == user.pk
        assert event.changes == {"language": ["en", "sw"]}


def test_the_users_api_does_not_set_another_user_s_language(actors):
    target = actors["owner"]
    body = assert_problem(
        client_for(actors["admin"]).patch(f"/api/users/{target.pk}/", {"language": "sw"}, format="json"), 400
    )
    assert body["errors"][0]["field"] == "language"
    target.refresh_from_db()
    assert target.language == Language.ENGLISH


def test_me_shows_the_language(make_user):
    user = make_user(language=Language.SWAHILI)
    assert client_for(user).get("/api/auth/me/").json()["language"] == "sw"


@pytest.mark.parametrize("value", ["fr", "", "EN", None, 3])
def test_a_language_the_app_does_not_speak_is_refused(make_user, value):
    user = make_user()
    body = assert_problem(client_for(user).patch("/api/auth/me/", {"language": value}, format="json"), 400)
    assert body["errors"][0]["field"] == "language"
    user.refresh_from_db()
    assert user.language == Language.ENGLISH


def test_registration_keeps_the_language_chosen_before_it(api_client):
    response = api_client.post(
        "/api/auth/register/", {"email": "amani@example.test", "password": STRONG, "language": "sw"}, format="json"
    )
    assert response.status_code == 202, response.content
    user = User.objects.get(email="amani@example.test")
    assert user.language == Language.SWAHILI
    assert AuditEvent.objects.get(action="user.created", object_id=str(user.pk)).changes["language"] == "sw"


def test_registration_defaults_to_english_and_refuses_an_unknown_language(api_client):
    response = api_client.post("/api/auth/register/", {"email": "b@example.test", "password": STRONG}, format="json")
    assert response.status_code == 202 and User.objects.get(email="b@example.test").language == "en"
    body = assert_problem(
        api_client.post(
            "/api/auth/register/", {"email": "c@example.test", "password": STRONG, "language": "de"}, format="json"
        ),
        400,
    )
    assert body["errors"][0]["field"] == "language"
    assert not User.objects.filter(email="c@example.test").exists()
