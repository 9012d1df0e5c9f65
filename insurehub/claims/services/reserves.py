"""Reserves: what the insurer expects to pay per cost type, changed within the actor's authority
and always with a reason."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import guards
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
    CostType,
    Reserve,
    ReserveChange,
)
from insurehub.claims.permissions import (
    can_set_reserve,
    require,
)
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.core import locking
from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.users.models import User


@transaction.atomic
def reserve_set(*, claim: Claim, cost_type: str, amount: Decimal, reason: str, actor: User) -> Reserve:
    """Set a cost type's reserve (within the actor's reserve authority), recording why."""
    require(can_set_reserve(actor, claim), "Reserves are internal.")
    claim = _lock(claim)
    if claim.status not in OPEN_STATUSES:
        raise ApplicationError("claim_not_open", f"Reserves of a {claim.status} claim are closed.", status=409)
    amount = money(amount)
    if amount < 0:
        raise ApplicationError(
            "negative_reserve",
            "A reserve cannot be negative.",
            errors=[{"field": "amount", "message": "Must be 0 or more.", "code": "min_value"}],
        )
    limit = guards.authority_limit(actor, kind="reserve")
    if amount > limit:
        raise ApplicationError(
            "above_authority", f"Reserves above {limit} {claim.currency} need a supervisor.", status=403
        )
    before = facts_of(claim)
    reserve, _ = locking.locked(Reserve).get_or_create(
        claim=claim, cost_type=cost_type, defaults={"currency": claim.currency}
    )
    if amount < reserve.paid:
        raise ApplicationError("below_paid", f"{reserve.paid} has already been paid from this reserve.", status=409)
    previous = reserve.amount
    reserve.amount = amount
    reserve.save(update_fields=["amount", "updated_at"])
    ReserveChange.objects.create(
        reserve=reserve, previous_amount=previous, new_amount=amount, reason=reason, actor=actor, at=timezone.now()
    )
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=actor,
        action="claim.reserve_changed",
        target=claim,
        changes={"cost_type": cost_type, "amount": [previous, amount], "reason": reason},
    )
    _event(
        claim,
        "claim.updated",
        internal=True,
        reserve=cost_type,
        context={"before": before, "after": facts_of(claim), "actor": actor},
    )
    return reserve


COST_TYPES = CostType.values
