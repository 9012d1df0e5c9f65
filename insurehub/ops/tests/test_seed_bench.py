"""seed_bench: the bench's data holds together (its rollups equal the raw tables', every role has
work) on SQLite (executemany, rollups.rebuild) and on PostgreSQL (COPY, indexes rebuilt,
rollups.rebuild_in_sql)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F

from insurehub.assessments.models import Assessment
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimSettlement, ClaimStatusHistory
from insurehub.core.roles import Role
from insurehub.dashboard import rollups
from insurehub.users.models import User

pytestmark = pytest.mark.django_db


def _seed(claims: int) -> str:
    out = io.StringIO()
    call_command(
        "seed_bench", claims=claims, customers=30, agents=8, assessors=4, batch_size=150, no_vacuum=True, stdout=out
    )
    return out.getvalue()


def test_seeded_rollups_equal_the_raw_tables_and_every_role_has_work():
    out = _seed(400)
    assert "400 claims" in out
    assert Claim.objects.count() == 400
    assert rollups.verify() == {}
    agent = User.objects.get(email="bench-agent@insurehub.test")
    assert agent.role == Role.AGENT
    assert Claim.objects.filter(assigned_agent=agent, status__in=OPEN_STATUSES).exists()
    for assessor in User.objects.filter(role=Role.ASSESSOR, email__startswith="bench-assessor-"):
        assert Claim.objects.filter(assigned_assessor=assessor, status__in=OPEN_STATUSES).exists()
    # Each claim's agent works in its department; settled claims are paid; decided ones have their decision.
    assert not Claim.objects.exclude(assigned_agent=None).exclude(department=F("assigned_agent__department")).exists()
    settled = Claim.objects.filter(status__in=["settled", "closed"])
    assert ClaimSettlement.objects.filter(status="paid").count() == settled.count()
    decided = Claim.objects.filter(status__in=["approved", "settlement", "settled", "closed", "rejected"])
    assert ClaimStatusHistory.objects.count() == decided.count()
    assert Assessment.objects.filter(status="in_progress").exists()
    assert Claim.objects.filter(status__in=OPEN_STATUSES, sla_due_at__isnull=True).count() == 0


def test_seeding_again_adds_claims_and_keeps_the_indexes():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'claims_claim'")
            indexes = cursor.fetchone()[0]
    _seed(200)
    _seed(100)
    assert Claim.objects.count() == 300
    assert Claim.objects.values("claim_number").distinct().count() == 300
    assert rollups.verify() == {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'claims_claim'")
            assert cursor.fetchone()[0] == indexes
            cursor.execute("SHOW session_replication_role")
            assert cursor.fetchone()[0] == "origin"
