"""What the web application's alerts page relies on: acknowledged alerts say who acknowledged
them, for any number of alerts in the same number of queries."""

import pytest

from insurehub.alerts.services import alert_acknowledge, alert_raise
from insurehub.claims.tests.factories import file_claim
from insurehub.core.testing import assert_constant_queries, client_for
from insurehub.dashboard.tests.test_dashboard import policy_for
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ALERTS = "/api/dashboard/alerts/"


def test_acknowledged_alerts_name_who_acknowledged_them(actors):
    claim = file_claim(policy=policy_for(actors["owner"]))
    alert = alert_raise(kind="high_value", severity="high", title="High value", claim=claim)
    alert_acknowledge(alert=alert, user=actors["supervisor"])
    client = client_for(actors["agent"])
    (row,) = [a for a in client.get(ALERTS, {"status": "acknowledged"}).json()["results"] if a["id"] == str(alert.pk)]
    assert row["acknowledged_by"] == str(actors["supervisor"].pk)
    assert row["acknowledged_by_name"] == (actors["supervisor"].name or actors["supervisor"].email)
    open_alert = alert_raise(kind="stalled", severity="low", title="Stalled", claim=claim)
    (row,) = [a for a in client.get(ALERTS).json()["results"] if a["id"] == str(open_alert.pk)]
    assert row["acknowledged_by_name"] is None


def test_acknowledged_alerts_list_in_a_fixed_number_of_queries(actors):
    claim = file_claim(policy=policy_for(actors["owner"]))

    def grow():
        for n in range(3):
            alert = alert_raise(kind=f"test_{n}", severity="medium", title=f"Alert {n}", claim=claim)
            alert_acknowledge(alert=alert, user=UserFactory(role="supervisor", department="motor"))

    grow()
    assert_constant_queries(
        client_for(actors["supervisor"]), ALERTS, params={"status": "acknowledged"}, grow=grow, max_queries=8
    )
