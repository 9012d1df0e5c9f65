"""Assessments for other tests: claims taken through the real services to the assessment
stage, photos drawn with Pillow (distinct patterns, optional EXIF), estimate lines."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from insurehub.claims.models import ClaimStatus
from insurehub.claims.services import claim_assign, claim_create, claim_transition
from insurehub.documents.tests.samples import picture
from insurehub.policies.tests.factories import PolicyFactory


def claim_for_assessment(*, customer, agent, assessor=None, status=ClaimStatus.ASSESSMENT, vehicle_value=None):
    """A claim of `customer` handled by `agent` (motor), with `assessor` assigned, moved to `status`."""
    policy = PolicyFactory(customer=customer)
    if vehicle_value is not None:
        policy.vehicle.estimated_value = Decimal(vehicle_value)
        policy.vehicle.save(update_fields=["estimated_value"])
    claim = claim_create(
        policy=policy,
        filed_by=customer,
        incident_date=timezone.now() - timedelta(days=2),
        description="Rear-ended at a junction; bumper and boot lid damaged.",
    )
    claim = claim_assign(claim=claim, assigned_by=agent, agent=agent, assessor=assessor)
    path = [ClaimStatus.UNDER_REVIEW, ClaimStatus.ASSESSMENT]
    for step in path[: path.index(status) + 1] if status in path else []:
        claim = claim_transition(claim=claim, to_status=step, actor=agent)
    return claim


def photo_bytes(
    *, seed: int = 1, size=(64, 48), fmt: str = "JPEG", orientation: int | None = None, gps: bool = False
) -> bytes:
    """A picture of random coloured rectangles (its own perceptual hash per seed), optionally
    with EXIF orientation, device tags and a GPS position (documents' test picture)."""
    return picture(seed=seed, size=size, fmt=fmt, orientation=orientation, exif=gps)


def lines(*items) -> list[dict]:
    """lines(("part", "Rear bumper", "1", "25000"), ("labour", "Fit bumper", "3", "1500"), tax_rate="16")"""
    out = []
    for kind, description, a, b in items:
        if kind == "labour":
            out.append({"kind": kind, "description": description, "hours": Decimal(a), "rate": Decimal(b)})
        else:
            out.append({"kind": kind, "description": description, "quantity": Decimal(a), "unit_price": Decimal(b)})
    return out
