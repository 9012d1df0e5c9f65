import pytest

from insurehub.analytics.models import UserActivity
from insurehub.audit.services import audit_record
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.users.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_logins_and_key_actions_are_recorded_but_failures_and_noise_are_not(api_client, make_user):
    user = make_user(email="u@example.test")
    api_client.post("/api/auth/login/", {"email": "u@example.test", "password": TEST_PASSWORD})
    api_client.post("/api/auth/login/", {"email": "u@example.test", "password": "wrong"})
    audit_record(actor=user, action="claim.created", object_type="claims.claim", object_id="c1")
    audit_record(actor=user, action="user.notification_preferences_changed", target=user)
    assert list(UserActivity.objects.filter(user=user).order_by("at").values_list("action", flat=True)) == [
        "auth.login",
        "claim.created",
    ]


def test_summary_per_user_day_and_action(actors):
    for name in ("agent", "agent", "owner"):
        audit_record(actor=actors[name], action="claim.updated", object_type="claims.claim", object_id="c")
    body = client_for(actors["admin"]).get("/api/analytics/activity/").json()
    assert body["per_day"][0]["actions"] == 3 and body["per_day"][0]["users"] == 2
    assert [(u["email"], u["actions"]) for u in body["per_user"]] == [
        ("agent@example.test", 2),
        ("owner@example.test", 1),
    ]
    assert body["per_action"] == [{"action": "claim.updated", "count": 3}]
    one = client_for(actors["admin"]).get("/api/analytics/activity/", {"user": str(actors["owner"].pk)}).json()
    assert [u["email"] for u in one["per_user"]] == ["owner@example.test"]


def test_summary_is_for_admins_only(actors):
    AccessMatrix(actors).assert_write(lambda c: c.get("/api/analytics/activity/"), expected={"admin": 200}, default=403)


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-05-01T00:00:00Z", "to": "2026-04-01T00:00:00Z"},
        {"from": "2020-01-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"},
        {"from": "yesterday"},
        {"user": "not-a-uuid"},
        {"colour": "blue"},
    ],
)
def test_bad_ranges_are_refused(actors, params):
    assert_problem(client_for(actors["admin"]).get("/api/analytics/activity/", params), 400)
