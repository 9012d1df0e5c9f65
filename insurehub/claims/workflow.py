"""The claims workflow of DESIGN.md section 5: which state may follow which, and who may move it.

    draft -> submitted -> under_review -> assessment -> approved | rejected
    approved -> settlement -> settled -> closed
    withdrawn from any state before approved; closed | rejected -> under_review (reopen)

Guards that need more than the graph (an assessment completed before approval, an amount within
the approver's authority, a settlement proposed before the claim is in settlement) live in
claims.guards; other apps add theirs there. `MACHINE` (core/state_machine.py) makes every move:
graph, permission and guards checked, then the status, the `ClaimStatusHistory` row, the audit
entry and one `claim.status_changed` event, in the service's transaction.
"""

from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import notices
from insurehub.claims.facts import facts_of
from insurehub.claims.models import Claim, ClaimStatusHistory
from insurehub.claims.models import ClaimStatus as S
from insurehub.claims.permissions import claim_audience
from insurehub.core.roles import Role
from insurehub.core.state_machine import StateMachine, Transition
from insurehub.realtime.events import Notice, emit

TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.UNDER_REVIEW, S.WITHDRAWN},
    S.UNDER_REVIEW: {S.ASSESSMENT, S.REJECTED, S.WITHDRAWN},
    S.ASSESSMENT: {S.APPROVED, S.REJECTED, S.WITHDRAWN},
    S.APPROVED: {S.SETTLEMENT},
    S.REJECTED: {S.UNDER_REVIEW},
    S.SETTLEMENT: {S.SETTLED},
    S.SETTLED: {S.CLOSED},
    S.CLOSED: {S.UNDER_REVIEW},
    S.WITHDRAWN: set(),
}

STAFF = {Role.AGENT, Role.SUPERVISOR, Role.ADMIN}
# Who may move a claim into each state (customers only their own claim, by the selector).
ALLOWED_ROLES: dict[str, set[str]] = {
    S.SUBMITTED: {Role.CUSTOMER, *STAFF},
    S.UNDER_REVIEW: STAFF,
    S.ASSESSMENT: STAFF,
    S.APPROVED: STAFF,
    S.REJECTED: STAFF,
    S.SETTLEMENT: STAFF,
    S.SETTLED: STAFF,
    S.CLOSED: STAFF,
    S.WITHDRAWN: {Role.CUSTOMER, *STAFF},
}
# Moves that only the settlement service makes (it pays first).
SERVICE_ONLY = {(S.SETTLEMENT, S.SETTLED)}


def allowed_from(status: str) -> list[str]:
    return sorted(TRANSITIONS.get(status, set()))


def allowed_for(status: str, role: str | None = None) -> list[str]:
    """The moves a caller may ask for: the graph less service-only moves, and, given a role,
    only the states that role may move a claim into (what a UI offers as buttons)."""
    return [
        to
        for to in allowed_from(status)
        if (status, to) not in SERVICE_ONLY and (role is None or role in ALLOWED_ROLES.get(to, set()))
    ]


def record_history(claim: Claim, *, from_status: str, to_status: str, actor, reason: str = "", at=None) -> None:
    ClaimStatusHistory.objects.create(
        claim=claim,
        from_status=from_status,
        to_status=to_status,
        actor=actor if actor else None,
        reason=reason[:500],
        at=at or timezone.now(),
    )


def status_notice(claim: Claim, previous: str, reason: str = "") -> Notice:
    """What the customer is told of a move of their claim."""
    return Notice(
        recipient=claim.customer,
        topic="claim_updates",
        kind="claim.status_changed",
        **notices.status_changed(claim, previous=previous, reason=reason),
    )


def _history(move: Transition) -> None:
    record_history(
        move.obj, from_status=move.source, to_status=move.target, actor=move.actor, reason=move.reason, at=move.at
    )


def _status_changed(move: Transition, *, before, context: dict | None = None) -> None:
    """The move's one event: the claim's facts before and after for the rollups, the people to
    tell (the customer, and whoever the move assigned) for the notifications."""
    claim = move.obj
    emit(
        "claim.status_changed",
        {
            "claim_id": str(claim.pk),
            "claim_number": claim.claim_number,
            "status": claim.status,
            "priority": claim.priority,
            "department": claim.department,
            "previous": move.source,
            "reason": move.reason,
        },
        claim_audience(claim),
        context={"claim": claim, "before": before, "after": facts_of(claim), "actor": move.actor, **(context or {})},
        notices=[*move.notices, status_notice(claim, move.source, move.reason)],
    )


MACHINE = StateMachine(
    name="claim",
    moves=TRANSITIONS,
    service_only=SERVICE_ONLY,
    may=lambda actor, claim, to: actor.role in ALLOWED_ROLES.get(to, set()),
    history=_history,
    event=_status_changed,
    audit=audit_record,
)

# Targets whose guards need nothing from the caller (no amount, no reason): while one refuses, a UI
# should not offer the move (an approved claim moves to settlement by proposing a settlement).
INPUT_FREE_GUARDED = {S.SETTLEMENT}


def offered_for(claim: Claim, actor) -> list[str]:
    """`allowed_for` for this claim and caller, less the moves a guard that needs no input refuses
    now: the buttons a claim page shows (`allowed_transitions`)."""
    role = getattr(actor, "role", None)
    return [
        to
        for to in allowed_for(claim.status, role)
        if to not in INPUT_FREE_GUARDED or not MACHINE.refusals(claim, actor, to, {})
    ]
