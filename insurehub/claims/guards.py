"""Guards on claim transitions that need data beyond the workflow graph.

A guard is `fn(claim, actor, payload) -> str | None`: None lets the transition through, a string
is the reason it may not happen (answered 409). Apps register theirs:

    from insurehub.claims import guards
    guards.register("approved", my_check)

Built in: approval needs a completed assessment (`claim.assessment_completed_at`, which the
assessments app sets when an assessment is completed) and an approved amount within the approver's
authority (CLAIM_AUTHORITY_LIMITS; above it a supervisor or admin must approve); `settlement`
needs a settlement proposed (settlement_propose makes the move once it has recorded one).
The guards are the claims state machine's (claims.workflow.MACHINE), which checks them on every move.
"""

from decimal import Decimal

from django.conf import settings

from insurehub.claims.models import ClaimSettlement
from insurehub.claims.workflow import MACHINE
from insurehub.core.state_machine import Guard


def register(to_status: str, guard: Guard) -> None:
    MACHINE.guard(to_status, guard)


def check(claim, actor, to_status: str, payload: dict) -> list[str]:
    return MACHINE.refusals(claim, actor, to_status, payload)


def authority_limit(user, *, kind: str = "approval") -> Decimal:
    limits = settings.CLAIM_AUTHORITY_LIMITS if kind == "approval" else settings.CLAIM_RESERVE_LIMITS
    return Decimal(str(limits.get(user.role, "0")))


def _assessment_completed(claim, actor, payload) -> str | None:
    if claim.assessment_completed_at is None:
        return "the claim's assessment must be completed before it is approved"
    return None


def _approved_amount(claim, actor, payload) -> str | None:
    amount = payload.get("approved_amount")
    if amount is None:
        return "an approved amount is required"
    if amount > authority_limit(actor):
        return (
            f"{amount} {claim.currency} is above your authority ({authority_limit(actor)}); a supervisor must approve"
        )
    if claim.policy_id and amount > claim.policy.sum_insured:
        return f"the approved amount exceeds the sum insured ({claim.policy.sum_insured})"
    return None


def _settlement_proposed(claim, actor, payload) -> str | None:
    pending = (ClaimSettlement.Status.PROPOSED, ClaimSettlement.Status.APPROVED)
    if not ClaimSettlement.objects.filter(claim=claim, status__in=pending).exists():
        return "a settlement must be proposed before the claim is in settlement"
    return None


register("approved", _assessment_completed)
register("approved", _approved_amount)
register("settlement", _settlement_proposed)
