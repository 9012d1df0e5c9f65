"""claim_create validates a new claim as full_clean() does, without the queries whose answer it knows
(the policy's own customer and vehicle, a fresh id, the check constraints a new claim passes)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insurehub.claims.models import Claim
from insurehub.claims.services import claim_create
from insurehub.claims.services.fnol import CHECKED_ON_CREATE
from insurehub.policies.tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db


def _policy():
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(start_date=start, end_date=start + datetime.timedelta(days=364))


def _file(policy, **kwargs):
    return claim_create(
        policy=policy,
        filed_by=policy.customer,
        incident_date=timezone.now() - datetime.timedelta(days=1),
        description="Reversed into a bollard at the mall.",
        **kwargs,
    )


def test_the_check_constraints_passed_on_creation_are_the_claims_own():
    # A constraint added to Claim must be looked at in fnol._validate_new (and added to the list).
    assert sorted(c.name for c in Claim._meta.constraints) == sorted(CHECKED_ON_CREATE)


def test_a_negative_estimate_is_refused_by_the_constraint_as_full_clean_would():
    policy = _policy()
    with pytest.raises(ValidationError) as caught:
        _file(policy, estimated_cost=Decimal("-1.00"))
    assert any("claims_estimate_not_negative" in m for m in caught.value.messages), caught.value.messages
    assert not Claim.objects.exists()


def test_fields_are_still_validated():
    policy = _policy()
    with pytest.raises(ValidationError) as caught:
        _file(policy, incident_latitude=Decimal("91"))
    assert "incident_latitude" in caught.value.message_dict


def test_filing_reads_no_related_rows_to_validate_the_claim():
    policy = _policy()
    with CaptureQueriesContext(connection) as ctx:
        claim = _file(policy, estimated_cost=Decimal("85000"))
    assert claim.customer_id == policy.customer_id
    existence = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT 1 AS")]
    # Only the claim number's uniqueness is asked (a sequence behind imported numbers is refused cleanly).
    assert len(existence) == 1 and "claim_number" in existence[0], existence
    assert not [q for q in ctx.captured_queries if '"_check"' in q["sql"]]
