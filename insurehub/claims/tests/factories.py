"""Claims for other tests: `file_claim(policy=..., by=...)` goes through the real FNOL service,
so history, rollups and flags are what production would have; `accept_offer(settlement)` is the
customer's acceptance every approved settlement needs before it is paid."""

from datetime import timedelta

from django.utils import timezone

from insurehub.claims.services import claim_create, settlement_respond
from insurehub.policies.tests.factories import PolicyFactory


def file_claim(*, policy=None, by=None, customer=None, days_ago: int = 2, **kwargs):
    if policy is None:
        policy = PolicyFactory(customer=customer) if customer is not None else PolicyFactory()
    kwargs.setdefault("incident_date", timezone.now() - timedelta(days=days_ago))
    kwargs.setdefault("description", "Rear-ended at a junction; bumper and boot lid damaged.")
    return claim_create(policy=policy, filed_by=by or policy.customer, **kwargs)


def accept_offer(settlement, *, by=None, note: str = ""):
    """The claim's customer accepts the approved settlement (the offer), through the service, as
    they must before it is paid; `by` staff records it for them (with a `note`)."""
    customer = settlement.claim.customer
    if by is not None and not note:
        note = "Accepted by phone."
    return settlement_respond(settlement=settlement, decided_by=by or customer, decision="accepted", note=note)
