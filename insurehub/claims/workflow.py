"""The claims workflow of DESIGN.md section 5: which state may follow which, and who may move it.

    draft -> submitted -> under_review -> assessment -> approved | rejected
    approved -> settlement -> settled -> closed
    withdrawn from any state before approved; closed | rejected -> under_review (reopen)

Guards that need more than the graph (an assessment completed before approval, an amount within
the approver's authority) live in claims.guards; other apps add theirs there.
"""

from insurehub.claims.models import ClaimStatus as S
from insurehub.core.roles import Role

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
