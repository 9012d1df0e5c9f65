"""Claims for other tests: `file_claim(policy=..., by=...)` goes through the real FNOL service,
so history, rollups and flags are what production would have."""

from datetime import timedelta

from django.utils import timezone

from insurehub.claims.services import claim_create
from insurehub.policies.tests.factories import PolicyFactory


def file_claim(*, policy=None, by=None, customer=None, days_ago: int = 2, **kwargs):
    if policy is None:
        policy = PolicyFactory(customer=customer) if customer is not None else PolicyFactory()
    kwargs.setdefault("incident_date", timezone.now() - timedelta(days=days_ago))
    kwargs.setdefault("description", "Rear-ended at a junction; bumper and boot lid damaged.")
    return claim_create(policy=policy, filed_by=by or policy.customer, **kwargs)
