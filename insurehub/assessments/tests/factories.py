"""Assessments for other tests: claims taken through the real services to the assessment
stage, photos drawn with Pillow (distinct patterns, optional EXIF), estimate lines."""

import io
import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from PIL import Image, ImageDraw

from insurehub.claims.models import ClaimStatus
from insurehub.claims.services import claim_assign, claim_create, claim_transition
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
    with EXIF orientation, device tags and a GPS position."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        x1, y1 = x0 + rng.randrange(4, size[0]), y0 + rng.randrange(4, size[1])
        draw.rectangle([x0, y0, x1, y1], fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0110] = "Phone 12"  # Model
        exif[0x0132] = "2026:01:15 10:30:00"  # DateTime
        exif[0x8825] = {1: "S", 2: (1.0, 17.0, 30.0), 3: "E", 4: (36.0, 49.0, 12.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"exif": exif} if len(exif) else {}))
    return buffer.getvalue()


def lines(*items) -> list[dict]:
    """lines(("part", "Rear bumper", "1", "25000"), ("labour", "Fit bumper", "3", "1500"), tax_rate="16")"""
    out = []
    for kind, description, a, b in items:
        if kind == "labour":
            out.append({"kind": kind, "description": description, "hours": Decimal(a), "rate": Decimal(b)})
        else:
            out.append({"kind": kind, "description": description, "quantity": Decimal(a), "unit_price": Decimal(b)})
    return out
