"""What every claims service shares: the claim's row lock (first in the lock order,
insurehub/core/locking.py) and its events, whose audiences come from the claim's visibility rule
(permissions.py), so they cannot drift from it."""

from insurehub.claims.models import (
    Claim,
)
from insurehub.claims.permissions import (
    claim_audience,
    claim_staff_audience,
)
from insurehub.core.locking import lock_one
from insurehub.realtime.events import emit

# Event audiences come from the claim's visibility rule (permissions.py), so they cannot drift from it.
audience = claim_audience


staff_audience = claim_staff_audience


def _event(
    claim: Claim, type_: str, *, internal: bool = False, context: dict | None = None, notices=(), **data
) -> None:
    emit(
        type_,
        {
            "claim_id": str(claim.pk),
            "claim_number": claim.claim_number,
            "status": claim.status,
            "priority": claim.priority,
            "department": claim.department,
            **data,
        },
        staff_audience(claim) if internal else audience(claim),
        context={"claim": claim, **(context or {})},
        notices=notices,
    )


def _lock(claim: Claim) -> Claim:
    """The claim's row, first in the lock order (insurehub/core/locking.py): claim -> settlement ->
    reserve -> transaction -> policy. Every service here locks the claim before any of those."""
    return lock_one(claim, select_related=("policy", "customer"))
