"""seed_demo's year of history: claims spread over the months in every state, each one's story in
order and inside its policy's cover, the rollups equal to the raw rows, idempotent."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.audit.selectors import audit_chain_verify
from insurehub.claims.models import Claim, ClaimStatus, ClaimStatusHistory
from insurehub.core.testing import client_for
from insurehub.dashboard import rollups
from insurehub.users.models import User

pytestmark = pytest.mark.django_db


def test_a_year_of_history(settings):
    """One seed (it takes a while), every check on it."""
    settings.DEMO_HISTORY_CLAIMS = 60
    call_command("seed_demo")
    seeded = Claim.objects.filter(customer__email__startswith="demo.customer")
    _a_year_of_claims_in_every_state(seeded)
    _each_story_is_in_order_and_inside_cover(seeded)
    _rollups_match_and_the_dashboard_has_trends()
    count = Claim.objects.count()
    call_command("seed_demo")
    assert Claim.objects.count() == count


def _a_year_of_claims_in_every_state(seeded):
    now = timezone.now()
    assert seeded.count() == 60
    ages = [(now - claim.created_at).days for claim in seeded]
    assert max(ages) > 180 and min(ages) < 30
    assert len({claim.created_at.strftime("%Y-%m") for claim in seeded}) >= 8
    finished = {"closed", "settled", "rejected", "withdrawn"}
    assert finished <= set(seeded.values_list("status", flat=True))
    assert set(Claim.objects.values_list("status", flat=True)) == set(ClaimStatus.values)
    old = [claim for claim in seeded if (now - claim.created_at).days > 90]
    assert sum(claim.status in finished for claim in old) / len(old) > 0.7


def _each_story_is_in_order_and_inside_cover(seeded):
    now = timezone.now()
    for claim in seeded.select_related("policy"):
        steps = list(ClaimStatusHistory.objects.filter(claim=claim).order_by("id").values_list("at", flat=True))
        assert steps == sorted(steps), claim.claim_number
        assert all(at <= now for at in steps)
        assert claim.incident_date <= claim.created_at
        assert claim.policy.start_date <= timezone.localdate(claim.incident_date) <= claim.policy.end_date
        if claim.settled_at:
            assert claim.submitted_at < claim.settled_at <= now
        if claim.closed_at and claim.settled_at:
            assert claim.settled_at <= claim.closed_at


def _rollups_match_and_the_dashboard_has_trends():
    assert rollups.verify() == {}
    assert audit_chain_verify()[1] is None
    assert Alert.objects.filter(kind="sla_breached", status="open").exists()
    admin = User.objects.get(email="admin@insurehub.test")
    start = timezone.localdate() - timedelta(days=364)
    trend = client_for(admin).get("/api/dashboard/trend/", {"from": start}).json()
    assert sum(day["new"] for day in trend["days"]) >= 60
    assert sum(day["settled"] for day in trend["days"]) > 5
