import pytest
from django.core.management import call_command

from insurehub.alerts.models import Alert
from insurehub.audit.selectors import audit_chain_verify
from insurehub.claims.models import Claim, ClaimStatus
from insurehub.dashboard import rollups

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_claims_in_every_state_and_is_idempotent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # seed_demo commits: alerts follow the filings
        call_command("seed_demo")
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert statuses == set(ClaimStatus.values)
    assert Claim.objects.values("department").distinct().count() >= 3
    assert Alert.objects.filter(status="open").exists()
    count = Claim.objects.count()
    call_command("seed_demo")
    assert Claim.objects.count() == count
    assert rollups.verify() == {}
    assert audit_chain_verify()[1] is None
