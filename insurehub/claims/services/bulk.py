"""Bulk actions: each claim in its own transaction (its own lock, guard, history and audit entry),
one result per claim.

A result says what happened to that claim: `ok`; `skipped` (nothing to do, with the reason as its
`code`: e.g. the reserve already holds more than the rule asks); or an error (the `status` and
`code` the claim alone would have answered, `not_found` for a claim the caller cannot see)."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from insurehub.audit.services import audit_record
from insurehub.catastrophes.selectors import catastrophes_visible_to
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimCommunication, Reserve
from insurehub.claims.permissions import (
    can_manage_claims,
)
from insurehub.claims.selectors import claims_visible_to
from insurehub.claims.services.assignment import claim_assign
from insurehub.claims.services.claim_row import _lock
from insurehub.claims.services.communications import communication_add
from insurehub.claims.services.reserves import reserve_set
from insurehub.claims.services.workflow import claim_transition
from insurehub.core import i18n
from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.users.models import User

BULK_MAX_CLAIMS = 200
# All the open claims of a catastrophe event in one call (a flood's day of claims), each still in its
# own transaction; above this the caller selects claims (200 a call) instead.
BULK_MAX_EVENT_CLAIMS = 500

OK, SKIPPED, ERROR = "ok", "skipped", "error"
OUTCOMES = [(OK, "Done"), (SKIPPED, "Nothing to do"), (ERROR, "Refused")]


class SkipError(Exception):
    """Nothing to do for this claim, and why (`code`, `detail`): reported as `skipped`."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _result(claim_id, claim_number, outcome: str, status: int, code: str, detail: str, **more) -> dict:
    return {
        "claim": claim_id,
        "claim_number": claim_number,
        "ok": outcome == OK,
        "outcome": outcome,
        "status": status,
        "code": code,
        "detail": detail,
        **more,
    }


def _require_manager(actor: User) -> None:
    if not can_manage_claims(actor):
        raise ApplicationError("permission_denied", "Your role may not act on claims in bulk.", status=403)


def _selection(claim_ids: list, *, most: int = BULK_MAX_CLAIMS) -> list:
    ids = list(dict.fromkeys(claim_ids))
    if not ids or len(ids) > most:
        raise ApplicationError(
            "invalid_selection",
            f"Select between 1 and {BULK_MAX_CLAIMS} claims.",
            errors=[{"field": "claims", "message": f"1 to {BULK_MAX_CLAIMS} claims.", "code": "invalid"}],
        )
    return ids


def _bulk_apply(
    *, claim_ids: list, actor: User, act: Callable[[Claim], str | dict], most: int = BULK_MAX_CLAIMS
) -> list[dict]:
    """Run `act(claim)` for each claim the actor may see, each in its own transaction (so its own
    row lock, guard, history and audit entry): one refusal never undoes the others. Returns one
    result per requested id, in the order asked, duplicates dropped. `act` answers the result's
    `detail` (or a dict of `detail` and more fields), raises `SkipError` when there is nothing to do, or
    an ApplicationError the claim alone would have answered."""
    _require_manager(actor)
    ids = _selection(claim_ids, most=most)
    claims = {
        claim.pk: claim for claim in claims_visible_to(actor).filter(pk__in=ids).select_related("policy", "customer")
    }
    return [_apply_one(claim_id, claims.get(claim_id), act) for claim_id in ids]


def _apply_one(claim_id, claim: Claim | None, act) -> dict:
    if claim is None:
        return _result(claim_id, None, ERROR, 404, "not_found", "Not found.")
    try:
        done = act(claim)
    except SkipError as skip:
        return _result(claim_id, claim.claim_number, SKIPPED, 200, skip.code, skip.detail)
    except ApplicationError as exc:
        return _result(claim_id, claim.claim_number, ERROR, exc.status, exc.code, exc.message)
    more = done if isinstance(done, dict) else {"detail": done}
    return _result(claim_id, claim.claim_number, OK, 200, "ok", **more)


def claims_bulk_transition(*, claim_ids: list, to_status: str, actor: User, reason: str = "") -> list[dict]:
    """Move many claims to `to_status`, each under its own lock, guard and audit entry."""
    return _bulk_apply(
        claim_ids=claim_ids,
        actor=actor,
        act=lambda claim: claim_transition(claim=claim, to_status=to_status, actor=actor, reason=reason).status,
    )


def claims_bulk_assign(
    *, claim_ids: list, assigned_by: User, agent=..., assessor=..., auto_assessor: bool = False, reason: str = ""
) -> list[dict]:
    """Assign an agent and/or an assessor (or the least-loaded qualified one) to many claims."""
    return _bulk_apply(
        claim_ids=claim_ids,
        actor=assigned_by,
        act=lambda claim: (
            claim_assign(
                claim=claim,
                assigned_by=assigned_by,
                agent=agent,
                assessor=assessor,
                auto_assessor=auto_assessor,
                reason=reason,
            ).status
        ),
    )


# --- Reserves by rule ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReserveRule:
    """How much to reserve for `cost_type` on each claim.

    `basis="fixed"`: `amount` on every claim. `basis="estimate"`: `percent` of the claim's current
    estimate (`estimated_cost`: the customer's figure at filing, replaced by the assessor's completed
    estimate), rounded to the cent, then raised to `floor` and lowered to `cap` when given; a claim
    with no estimate gets the `floor`, or is skipped (`no_estimate`) without one. With `only_raise`
    (the default) a reserve already above the figure is left alone (`skipped: would_lower`): a rule
    for a whole event never undoes a handler's closer look at one claim."""

    cost_type: str
    basis: str
    amount: Decimal | None = None
    percent: Decimal | None = None
    floor: Decimal | None = None
    cap: Decimal | None = None
    only_raise: bool = True

    def target(self, claim: Claim) -> Decimal:
        if self.basis == "fixed":
            return money(self.amount or 0)
        if claim.estimated_cost is None:
            if self.floor is None:
                raise SkipError("no_estimate", "The claim has no estimate yet and the rule has no floor.")
            return money(self.floor)
        figure = money(claim.estimated_cost * (self.percent or 0) / Decimal(100))
        if self.floor is not None:
            figure = max(figure, money(self.floor))
        if self.cap is not None:
            figure = min(figure, money(self.cap))
        return figure

    def describe(self) -> dict:
        return {
            key: (str(value) if isinstance(value, Decimal) else value)
            for key, value in self.__dict__.items()
            if value is not None
        }


def _reserve_by_rule(claim: Claim, *, rule: ReserveRule, reason: str, actor: User) -> dict:
    with transaction.atomic():
        claim = _lock(claim)
        if claim.status not in OPEN_STATUSES:
            raise SkipError("claim_not_open", f"Reserves of a {claim.status} claim are closed.")
        target = rule.target(claim)
        current = Reserve.objects.filter(claim=claim, cost_type=rule.cost_type).values_list("amount", flat=True).first()
        current = money(current) if current is not None else None
        if current == target:
            raise SkipError("unchanged", f"The reserve is already {target} {claim.currency}.")
        if rule.only_raise and current is not None and current > target:
            raise SkipError("would_lower", f"The reserve ({current} {claim.currency}) is above the rule's {target}.")
        reserve_set(claim=claim, cost_type=rule.cost_type, amount=target, reason=reason, actor=actor)
    return {
        "detail": f"{rule.cost_type} reserve set to {target} {claim.currency}.",
        "amount": f"{target:.2f}",
        "previous_amount": None if current is None else f"{current:.2f}",
    }


def event_claims(*, actor: User, catastrophe_id) -> list:
    """The ids of the open claims of a catastrophe event that the actor may see (at most
    BULK_MAX_EVENT_CLAIMS), oldest claim number first; 404 for an event the actor cannot see."""
    if not catastrophes_visible_to(actor).filter(pk=catastrophe_id).exists():
        raise ApplicationError("not_found", "No such catastrophe event.", status=404)
    ids = list(
        claims_visible_to(actor)
        .filter(catastrophe_id=catastrophe_id, status__in=OPEN_STATUSES)
        .order_by("claim_number")
        .values_list("pk", flat=True)[: BULK_MAX_EVENT_CLAIMS + 1]
    )
    if len(ids) > BULK_MAX_EVENT_CLAIMS:
        raise ApplicationError(
            "too_many_claims",
            f"The event has more than {BULK_MAX_EVENT_CLAIMS} open claims: select them in the list, "
            f"{BULK_MAX_CLAIMS} at a time.",
            errors=[{"field": "catastrophe", "message": "Too many open claims for one call.", "code": "too_many"}],
        )
    return ids


def claims_bulk_reserve(
    *, actor: User, rule: ReserveRule, reason: str, claim_ids: list | None = None, catastrophe_id=None
) -> list[dict]:
    """Set one cost type's reserve by `rule` on many claims (the selected ones, or every open claim of
    a catastrophe event the actor may see), each under its own lock, within the actor's reserve
    authority (above it the claim answers `above_authority`: a supervisor must set it), audited per
    claim, and the call itself audited with its rule and counts."""
    _require_manager(actor)
    most = BULK_MAX_CLAIMS
    if catastrophe_id is not None:
        claim_ids, most = event_claims(actor=actor, catastrophe_id=catastrophe_id), BULK_MAX_EVENT_CLAIMS
    results = (
        _bulk_apply(
            claim_ids=claim_ids or [],
            actor=actor,
            act=lambda claim: _reserve_by_rule(claim, rule=rule, reason=reason, actor=actor),
            most=most,
        )
        if claim_ids or catastrophe_id is None
        else []  # an event with no open claim the actor may see: nothing to do
    )
    _audit_call(
        actor,
        "claims.bulk_reserve",
        results,
        rule=rule.describe(),
        reason=reason,
        catastrophe=None if catastrophe_id is None else str(catastrophe_id),
    )
    return results


def _audit_call(actor: User, action: str, results: list[dict], **changes) -> None:
    counts = {outcome: sum(1 for r in results if r["outcome"] == outcome) for outcome in (OK, SKIPPED, ERROR)}
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=action,
            object_type="claims.claim",
            changes={**changes, "counts": counts, "claims": [str(r["claim"]) for r in results if r["ok"]]},
        )


# --- Messages to customers -------------------------------------------------------------------------


@dataclass(frozen=True)
class BulkMessage:
    """What to tell each claim's customer: the English text, and optionally the Kiswahili one that
    customers who chose Kiswahili get instead. The notification then goes by each customer's own
    preferences for claim updates (in-app, e-mail, SMS)."""

    body: str
    subject: str = ""
    body_sw: str = ""
    subject_sw: str = ""
    channel: str = ClaimCommunication.Channel.EMAIL

    def text_for(self, customer) -> tuple[str, str, str]:
        language = i18n.language_of(customer)
        if language == i18n.SWAHILI and self.body_sw.strip():
            return self.subject_sw or self.subject, self.body_sw, language
        return self.subject, self.body, i18n.ENGLISH


def _message_one(claim: Claim, *, message: BulkMessage, actor: User) -> dict:
    customer = claim.customer
    if not customer.is_active:
        raise SkipError("customer_inactive", "The customer's account is closed: there is no one to tell.")
    subject, body, language = message.text_for(customer)
    entry = communication_add(
        claim=claim,
        author=actor,
        channel=message.channel,
        direction=ClaimCommunication.Direction.OUTBOUND,
        party=ClaimCommunication.Party.CUSTOMER,
        subject=subject,
        body=body,
    )
    return {"detail": f"Sent in {'Kiswahili' if language == i18n.SWAHILI else 'English'}.", "communication": entry.pk}


def claims_bulk_message(*, claim_ids: list, message: BulkMessage, actor: User) -> list[dict]:
    """Write to the customers of many claims: per claim a communication on the claim (outbound, to the
    customer) and a notification in their language through their preferences, each in its own
    transaction and audited; the call itself audited with its counts."""
    results = _bulk_apply(
        claim_ids=claim_ids, actor=actor, act=lambda claim: _message_one(claim, message=message, actor=actor)
    )
    _audit_call(actor, "claims.bulk_message", results, channel=message.channel, subject=message.subject[:200])
    return results
