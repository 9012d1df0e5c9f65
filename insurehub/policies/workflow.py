"""The policy lifecycle on the one state-machine helper (core/state_machine.py):

    quote -> pending_payment -> active -> lapsed -> active (reinstated) | expired
    active -> expired;  quote | pending_payment | active -> cancelled

Each action (accept, activate, ...) is one service in policies.services, allowed from the states
`ACTIONS` names; its move writes a WorkflowStage row (the policy's history), an audit entry
`policy.<action>` and one `policy.status_changed` event, in the service's transaction.
"""

from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.state_machine import StateMachine, Transition
from insurehub.policies.models import Policy
from insurehub.policies.models import PolicyStatus as S
from insurehub.policies.permissions import policy_audience
from insurehub.realtime.events import emit
from insurehub.workflows.services import stage_enter

# action -> (the states it is allowed from, the state it leads to)
ACTIONS: dict[str, tuple[frozenset[str], str]] = {
    "accept": (frozenset({S.QUOTE}), S.PENDING_PAYMENT),
    "activate": (frozenset({S.PENDING_PAYMENT}), S.ACTIVE),
    "cancel": (frozenset({S.QUOTE, S.PENDING_PAYMENT, S.ACTIVE}), S.CANCELLED),
    "lapse": (frozenset({S.ACTIVE}), S.LAPSED),
    "expire": (frozenset({S.ACTIVE, S.LAPSED}), S.EXPIRED),
    "reinstate": (frozenset({S.LAPSED}), S.ACTIVE),
}
# Renewing makes a new quote; the policy itself does not move.
RENEWABLE = frozenset({S.ACTIVE, S.EXPIRED})
ALLOWED: dict[str, frozenset[str]] = {action: sources for action, (sources, _) in ACTIONS.items()} | {
    "renew": RENEWABLE
}


def _moves() -> dict[str, set[str]]:
    moves: dict[str, set[str]] = {status: set() for status in S.values}
    for sources, target in ACTIONS.values():
        for source in sources:
            moves[source].add(target)
    return moves


def check_action(policy: Policy, action: str) -> None:
    """The error a policy answers when `action` is not allowed from its status."""
    if policy.status not in ALLOWED[action]:
        raise ApplicationError(
            "illegal_transition",
            f"A {policy.get_status_display().lower()} policy cannot be {action}ed.".replace("eed", "ed"),
            status=409,
            extra={"current_status": policy.status, "allowed_from": sorted(ALLOWED[action])},
        )


def _history(move: Transition) -> None:
    stage_enter(subject=move.obj, stage=move.target, actor=move.actor, note=move.reason)


def event(policy: Policy, type_: str, *, context: dict | None = None, notices=(), **extra) -> None:
    emit(
        type_,
        {"policy_id": str(policy.pk), "policy_number": policy.policy_number, "status": policy.status, **extra},
        policy_audience(policy),
        context={"policy": policy, **(context or {})},
        notices=notices,
    )


def _status_changed(move: Transition, *, event_action: str) -> None:
    """Its context carries the `action` and `actor` (the payments app makes the instalments of an
    accepted policy in the same transaction)."""
    event(
        move.obj,
        "policy.status_changed",
        previous=move.source,
        context={"action": event_action, "actor": move.actor},
        notices=move.notices,
    )


MACHINE = StateMachine(
    name="policy",
    moves=_moves(),
    history=_history,
    event=_status_changed,
    audit=audit_record,
)
