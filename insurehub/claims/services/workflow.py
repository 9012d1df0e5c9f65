"""The claim's moves (DESIGN.md section 5), one service each over one `_move` on the state
machine (claims/workflow.py): graph, permission and guards checked, then the status, its history
row, the audit entry and one `claim.status_changed` event, under the claim's row lock."""

from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction

from insurehub.claims import workflow
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    Claim,
    ClaimAssignment,
    ClaimStatus,
    Reserve,
)
from insurehub.claims.services.assignment import _assign, least_loaded_assessor
from insurehub.claims.services.claim_row import _lock
from insurehub.claims.services.fnol import _sla_due, _validate_incident
from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.core.state_machine import Transition
from insurehub.policies.models import PolicyStatus
from insurehub.users.models import User


def _move(
    claim: Claim,
    to_status: str,
    *,
    actor: User | None,
    reason: str = "",
    approved_amount=None,
    service: bool = False,
    action: str | None = None,
    changes: dict | None = None,
    context: dict | None = None,
    before=None,
) -> Claim:
    """Every move of a claim: lock its row (concurrent moves queue; the second sees the first one's
    result and is refused if its move is no longer allowed), then the state machine's one move
    (graph, permission, guards; status, history, audit entry, one event) with what each target
    state changes besides the status."""
    claim = _lock(claim)
    before = before or facts_of(claim)
    payload = {"approved_amount": money(approved_amount) if approved_amount is not None else None, "reason": reason}

    def prepare(move: Transition) -> None:
        if to_status == ClaimStatus.REJECTED and not reason.strip():
            raise ApplicationError(
                "reason_required",
                "Say why the claim is rejected.",
                errors=[{"field": "reason", "message": "Required when rejecting.", "code": "required"}],
            )
        now = move.at
        claim.last_activity_at = now
        if to_status == ClaimStatus.SUBMITTED:
            claim.submitted_at = now
            claim.sla_due_at = _sla_due(claim)
        if to_status == ClaimStatus.APPROVED:
            claim.approved_amount = payload["approved_amount"]
        if to_status == ClaimStatus.ASSESSMENT and claim.assigned_assessor_id is None:
            assessor = least_loaded_assessor(claim)
            if assessor is not None:
                move.notices += _assign(
                    claim,
                    role=ClaimAssignment.Role.ASSESSOR,
                    user=assessor,
                    by=actor,
                    automatic=True,
                    reason="automatic: least-loaded qualified assessor",
                )
        if to_status == ClaimStatus.SETTLED:
            claim.settled_at = now
        if to_status == ClaimStatus.CLOSED:
            claim.closed_at = now
            Reserve.objects.filter(claim=claim, closed_at__isnull=True).update(closed_at=now, updated_at=now)
        if move.source in (ClaimStatus.CLOSED, ClaimStatus.REJECTED) and to_status == ClaimStatus.UNDER_REVIEW:
            claim.closed_at = None
            Reserve.objects.filter(claim=claim).update(closed_at=None, updated_at=now)
            claim.sla_due_at = now + timedelta(hours=settings.CLAIM_SLA_HOURS[claim.priority])
        if to_status in (ClaimStatus.WITHDRAWN, ClaimStatus.REJECTED):
            # Nothing will be paid on a withdrawn or rejected claim: its reserves leave the exposure
            # figures (a reopened claim gets them back, above).
            Reserve.objects.filter(claim=claim, closed_at__isnull=True).update(closed_at=now, updated_at=now)

    approved = {"approved_amount": payload["approved_amount"]} if to_status == ClaimStatus.APPROVED else {}
    workflow.MACHINE.move(
        claim,
        to_status,
        by=actor,
        reason=reason,
        payload=payload,
        service=service,
        prepare=prepare,
        action=action,
        changes={**approved, **(changes or {})},
        before=before,
        context=context,
    )
    return claim


# One service per move (DESIGN.md section 5), each a thin name over the one `_move`. Moving into
# `settlement` and `settled` belongs to settlement_propose and settlement_pay.
@transaction.atomic
def claim_submit(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """Send a draft: filing's checks again, as they stand now (a draft may wait for days while its
    policy lapses): the policy still active, the incident still inside its cover."""
    claim = _lock(claim)
    if claim.status == ClaimStatus.DRAFT:
        policy = claim.policy
        if policy.status != PolicyStatus.ACTIVE:
            raise ApplicationError(
                "policy_not_active",
                f"Claims are sent on active policies; {policy.policy_number} is {policy.status}.",
                status=409,
            )
        _validate_incident(policy=policy, incident_date=claim.incident_date)
    return _move(claim, ClaimStatus.SUBMITTED, actor=actor, reason=reason)


@transaction.atomic
def claim_review(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """Start reviewing a submitted claim; also reopens a closed or rejected one."""
    return _move(claim, ClaimStatus.UNDER_REVIEW, actor=actor, reason=reason)


@transaction.atomic
def claim_send_to_assessment(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """The claim goes to an assessor (the least-loaded qualified one when none is assigned)."""
    return _move(claim, ClaimStatus.ASSESSMENT, actor=actor, reason=reason)


@transaction.atomic
def claim_approve(*, claim: Claim, actor: User, approved_amount, reason: str = "") -> Claim:
    """Guarded: the assessment completed, the amount within the approver's authority and the cover."""
    return _move(claim, ClaimStatus.APPROVED, actor=actor, reason=reason, approved_amount=approved_amount)


@transaction.atomic
def claim_reject(*, claim: Claim, actor: User, reason: str) -> Claim:
    return _move(claim, ClaimStatus.REJECTED, actor=actor, reason=reason)


@transaction.atomic
def claim_start_settlement(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    """Guarded: only with a settlement proposed (settlement_propose makes this move itself)."""
    return _move(claim, ClaimStatus.SETTLEMENT, actor=actor, reason=reason)


@transaction.atomic
def claim_close(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    return _move(claim, ClaimStatus.CLOSED, actor=actor, reason=reason)


@transaction.atomic
def claim_withdraw(*, claim: Claim, actor: User, reason: str = "") -> Claim:
    return _move(claim, ClaimStatus.WITHDRAWN, actor=actor, reason=reason)


BY_TARGET: dict[str, Callable[..., Claim]] = {
    ClaimStatus.SUBMITTED: claim_submit,
    ClaimStatus.UNDER_REVIEW: claim_review,
    ClaimStatus.ASSESSMENT: claim_send_to_assessment,
    ClaimStatus.REJECTED: claim_reject,
    ClaimStatus.SETTLEMENT: claim_start_settlement,
    ClaimStatus.CLOSED: claim_close,
    ClaimStatus.WITHDRAWN: claim_withdraw,
}


@transaction.atomic
def claim_transition(*, claim: Claim, to_status: str, actor: User, reason: str = "", approved_amount=None) -> Claim:
    """The transition endpoint's dispatcher: the service of the move asked for. A state no move
    leads to (or one only a service makes) is refused by the state machine as illegal."""
    if to_status == ClaimStatus.APPROVED:
        return claim_approve(claim=claim, actor=actor, approved_amount=approved_amount, reason=reason)
    service = BY_TARGET.get(to_status)
    if service is None:
        return _move(claim, to_status, actor=actor, reason=reason)
    return service(claim=claim, actor=actor, reason=reason)
