"""A claim's facts as the read models count them (the dashboard rollups), taken before and after
each change and handed to the subscribers of the claim's event in its context (`before`, `after`).
The claims app says what a claim is; it does not know who counts it."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from insurehub.claims.models import OPEN_STATUSES, Claim, Reserve

ZERO = Decimal("0")


@dataclass(frozen=True)
class ClaimFacts:
    department: str
    status: str
    priority: str
    estimated: Decimal
    reserve_open: Decimal
    submitted_day: date | None
    sla_day: date | None
    # The claim's assessor (an assessor's own figures are counted per assessor) and the day it was created.
    assessor_id: object = None
    created_day: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def day_of(value) -> date | None:
    """The calendar day (in the default time zone) a moment falls on; None for None."""
    return timezone.localdate(value, timezone.get_default_timezone()) if value else None


def facts_of(claim: Claim, *, new: bool = False) -> ClaimFacts:
    """The claim's facts now; `new`: a claim created in this transaction (it has no reserves yet,
    so they are not read)."""
    reserve_open = ZERO
    if claim.pk and not new:
        totals = Reserve.objects.filter(claim_id=claim.pk, closed_at__isnull=True).aggregate(
            amount=Sum("amount"), paid=Sum("paid")
        )
        reserve_open = (totals["amount"] or ZERO) - (totals["paid"] or ZERO)
    return ClaimFacts(
        department=claim.department,
        status=claim.status,
        priority=claim.priority,
        estimated=claim.estimated_cost or ZERO,
        reserve_open=reserve_open,
        submitted_day=day_of(claim.submitted_at),
        sla_day=day_of(claim.sla_due_at),
        assessor_id=claim.assigned_assessor_id,
        created_day=day_of(claim.created_at),
    )
