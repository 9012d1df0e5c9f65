"""Bulk actions: each claim in its own transaction (its own lock, guard, history and audit entry),
one result per claim."""

from insurehub.claims.permissions import (
    can_manage_claims,
)
from insurehub.claims.selectors import claims_visible_to
from insurehub.claims.services.assignment import claim_assign
from insurehub.claims.services.workflow import claim_transition
from insurehub.core.errors import ApplicationError
from insurehub.users.models import User

BULK_MAX_CLAIMS = 200


def _bulk_apply(*, claim_ids: list, actor: User, act) -> list[dict]:
    """Run `act(claim)` for each claim the actor may see, each in its own transaction (so its own
    row lock, guard, history and audit entry): one refusal never undoes the others. Returns one
    result per requested id, in the order asked, duplicates dropped."""
    if not can_manage_claims(actor):
        raise ApplicationError("permission_denied", "Your role may not act on claims in bulk.", status=403)
    ids = list(dict.fromkeys(claim_ids))
    if not ids or len(ids) > BULK_MAX_CLAIMS:
        raise ApplicationError(
            "invalid_selection",
            f"Select between 1 and {BULK_MAX_CLAIMS} claims.",
            errors=[{"field": "claims", "message": f"1 to {BULK_MAX_CLAIMS} claims.", "code": "invalid"}],
        )
    visible = {claim.pk: claim for claim in claims_visible_to(actor).filter(pk__in=ids)}
    results = []
    for claim_id in ids:
        claim = visible.get(claim_id)
        if claim is None:
            results.append(
                {
                    "claim": claim_id,
                    "claim_number": None,
                    "ok": False,
                    "status": 404,
                    "code": "not_found",
                    "detail": "Not found.",
                }
            )
            continue
        try:
            done = act(claim)
        except ApplicationError as exc:
            results.append(
                {
                    "claim": claim_id,
                    "claim_number": claim.claim_number,
                    "ok": False,
                    "status": exc.status,
                    "code": exc.code,
                    "detail": exc.message,
                }
            )
            continue
        results.append(
            {
                "claim": claim_id,
                "claim_number": done.claim_number,
                "ok": True,
                "status": 200,
                "code": "ok",
                "detail": done.status,
            }
        )
    return results


def claims_bulk_transition(*, claim_ids: list, to_status: str, actor: User, reason: str = "") -> list[dict]:
    """Move many claims to `to_status`, each under its own lock, guard and audit entry."""
    return _bulk_apply(
        claim_ids=claim_ids,
        actor=actor,
        act=lambda claim: claim_transition(claim=claim, to_status=to_status, actor=actor, reason=reason),
    )


def claims_bulk_assign(
    *, claim_ids: list, assigned_by: User, agent=..., assessor=..., auto_assessor: bool = False, reason: str = ""
) -> list[dict]:
    """Assign an agent and/or an assessor (or the least-loaded qualified one) to many claims."""
    return _bulk_apply(
        claim_ids=claim_ids,
        actor=assigned_by,
        act=lambda claim: claim_assign(
            claim=claim,
            assigned_by=assigned_by,
            agent=agent,
            assessor=assessor,
            auto_assessor=auto_assessor,
            reason=reason,
        ),
    )
