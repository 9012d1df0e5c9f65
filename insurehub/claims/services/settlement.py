"""Settlements: proposed within the cover and the approval, approved by someone else within their
authority (maker-checker), rejected with a reason, or paid from the open reserve. Proposing the
first moves an approved claim into settlement; paying settles it (both through the state machine).
An approved settlement is an offer to the customer: they accept or decline it (settlement_respond;
staff may record their answer on their behalf), and only an accepted offer is paid."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import guards, notices, workflow
from insurehub.claims.facts import facts_of
from insurehub.claims.models import (
    Claim,
    ClaimSettlement,
    ClaimStatus,
    Reserve,
)
from insurehub.claims.permissions import (
    answers_for_customer,
    can_answer_settlement_offer,
    can_propose_settlement,
    require,
)
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.claims.services.workflow import _move
from insurehub.core import locking
from insurehub.core.errors import ApplicationError
from insurehub.core.locking import lock_objects, lock_one
from insurehub.core.money import money
from insurehub.core.roles import Role
from insurehub.payments.models import Transaction
from insurehub.payments.services import payout_create
from insurehub.realtime.events import Notice
from insurehub.users.models import User


def _settlement_ceiling(claim: Claim) -> Decimal:
    excess = Decimal(claim.policy.policy_type.coverage_details.get("excess", {}).get("amount", "0"))
    ceiling = claim.policy.sum_insured - excess
    if claim.approved_amount is not None:
        ceiling = min(ceiling, claim.approved_amount)
    return ceiling


@transaction.atomic
def settlement_propose(
    *, claim: Claim, amount: Decimal, payee: str, method: str, cost_type: str, proposed_by: User, note: str = ""
) -> ClaimSettlement:
    require(can_propose_settlement(proposed_by, claim), "Only agents, supervisors and admins settle claims.")
    claim = _lock(claim)
    if claim.status not in (ClaimStatus.APPROVED, ClaimStatus.SETTLEMENT):
        raise ApplicationError("not_approved", "Only an approved claim is settled.", status=409)
    amount = money(amount)
    ceiling = _settlement_ceiling(claim)
    if amount > ceiling:
        raise ApplicationError(
            "above_policy_limit",
            f"The settlement may be at most {ceiling} {claim.currency} (cover limit less excess, within approval).",
            errors=[{"field": "amount", "message": f"At most {ceiling}.", "code": "max_value"}],
        )
    try:
        with transaction.atomic():
            settlement = ClaimSettlement.objects.create(
                claim=claim,
                amount=amount,
                currency=claim.currency,
                payee=payee,
                method=method,
                cost_type=cost_type,
                proposed_by=proposed_by,
                note=note,
            )
    except IntegrityError as exc:
        raise ApplicationError(
            "settlement_open", "This claim already has a settlement awaiting approval or payment.", status=409
        ) from exc
    if claim.status == ClaimStatus.APPROVED:
        # The first settlement moves the claim (guarded: a settlement proposed), like any move.
        _move(claim, ClaimStatus.SETTLEMENT, actor=proposed_by, reason="settlement proposed")
    audit_record(
        actor=proposed_by, action="claim.settlement_proposed", target=claim, changes={"amount": amount, "payee": payee}
    )
    return settlement


@transaction.atomic
def settlement_approve(*, settlement: ClaimSettlement, approved_by: User) -> ClaimSettlement:
    settlement = lock_one(ClaimSettlement, settlement.pk, select_related=("claim",))
    if settlement.status != ClaimSettlement.Status.PROPOSED:
        raise ApplicationError("not_proposed", f"This settlement is {settlement.status}.", status=409)
    limit = guards.authority_limit(approved_by)
    if settlement.amount > limit:
        raise ApplicationError(
            "above_authority",
            f"{settlement.amount} is above your authority ({limit}); a supervisor must approve.",
            status=403,
        )
    if settlement.proposed_by_id == approved_by.pk and approved_by.role != Role.ADMIN:
        raise ApplicationError("maker_checker", "Someone other than the proposer must approve.", status=403)
    settlement.status = ClaimSettlement.Status.APPROVED
    settlement.approved_by = approved_by
    settlement.approved_at = timezone.now()
    settlement.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit_record(
        actor=approved_by,
        action="claim.settlement_approved",
        target=settlement.claim,
        changes={"amount": settlement.amount},
    )
    claim = settlement.claim
    # Approved, it is an offer: the customer is asked to answer it.
    offered = Notice(
        recipient=claim.customer,
        topic="claim_updates",
        kind="claim.settlement_offered",
        **notices.settlement_offered(claim, amount=settlement.amount, currency=settlement.currency),
    )
    _event(claim, "claim.updated", settlement="approved", settlement_id=str(settlement.pk), notices=[offered])
    return settlement


@transaction.atomic
def settlement_respond(
    *, settlement: ClaimSettlement, decided_by: User, decision: str, reason: str = "", note: str = ""
) -> ClaimSettlement:
    """The customer's answer to an approved offer: `accepted` (it may then be paid) or `declined`
    with a reason (the offer is closed and the claim goes back to its agent for another). Staff of
    the claims desk may record the customer's answer on their behalf (e.g. by phone) with a `note`
    saying how they got it; that is audited as such. The claim's agent is told either way."""
    claim, settlement = lock_objects(
        (Claim, settlement.claim_id), settlement, select_related={Claim: ("customer", "assigned_agent")}
    )
    require(can_answer_settlement_offer(decided_by, claim), "Only the customer or the claims desk answer an offer.")
    if decision not in ClaimSettlement.Decision.values:
        raise ApplicationError("validation_error", f"Unknown decision {decision!r}.")
    if settlement.status != ClaimSettlement.Status.APPROVED:
        raise ApplicationError(
            "not_offered", f"This settlement is {settlement.status}: there is no offer to answer.", status=409
        )
    if settlement.customer_decision:
        raise ApplicationError(
            "already_answered", f"The customer has already {settlement.customer_decision} this offer.", status=409
        )
    on_behalf = answers_for_customer(decided_by, claim)
    if decision == ClaimSettlement.Decision.DECLINED and not reason.strip():
        raise ApplicationError(
            "reason_required",
            "Say why the offer is declined.",
            errors=[{"field": "reason", "message": "Required when declining.", "code": "required"}],
        )
    if on_behalf and not note.strip():
        raise ApplicationError(
            "note_required",
            "Say how the customer gave their answer (e.g. by phone, when).",
            errors=[{"field": "note", "message": "Required when answering for the customer.", "code": "required"}],
        )
    now = timezone.now()
    settlement.customer_decision = decision
    settlement.customer_decision_reason = reason.strip()
    settlement.customer_decision_note = note.strip() if on_behalf else ""
    settlement.customer_decided_at = now
    settlement.customer_decided_by = decided_by
    fields = ["customer_decision", "customer_decision_reason", "customer_decision_note", "customer_decided_at"]
    fields += ["customer_decided_by", "updated_at"]
    if decision == ClaimSettlement.Decision.DECLINED:
        # Declined, the offer is closed so that the agent can propose another.
        settlement.status = ClaimSettlement.Status.REJECTED
        fields.append("status")
    settlement.full_clean()
    settlement.save(update_fields=fields)
    claim.last_activity_at = now
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=decided_by,
        action=f"claim.settlement_{decision}" + ("_on_behalf" if on_behalf else ""),
        target=claim,
        changes={
            "settlement": str(settlement.pk),
            "amount": settlement.amount,
            "decision": decision,
            "reason": settlement.customer_decision_reason,
            "on_behalf_of_customer": on_behalf,
            "note": settlement.customer_decision_note,
        },
    )
    agent = claim.assigned_agent or settlement.proposed_by
    told = [
        Notice(
            recipient=agent,
            topic="claim_updates",
            kind=f"claim.settlement_{decision}",
            **notices.settlement_answered(
                claim, decision=decision, reason=settlement.customer_decision_reason, on_behalf=on_behalf
            ),
        )
    ]
    _event(claim, "claim.updated", settlement=decision, settlement_id=str(settlement.pk), notices=told)
    return settlement


@transaction.atomic
def settlement_reject(*, settlement: ClaimSettlement, rejected_by: User, reason: str) -> ClaimSettlement:
    """Turn down a proposed or approved (not yet paid) settlement, so another may be proposed."""
    # It writes the claim too: the claim first, then the settlement (the lock order).
    claim, settlement = lock_objects((Claim, settlement.claim_id), settlement)
    if settlement.status not in (ClaimSettlement.Status.PROPOSED, ClaimSettlement.Status.APPROVED):
        raise ApplicationError("settlement_closed", f"This settlement is {settlement.status}.", status=409)
    if settlement.paid_transaction_id is not None:
        raise ApplicationError(
            "payout_pending", "This settlement's payout is on its way; it cannot be turned down.", status=409
        )
    if not reason.strip():
        raise ApplicationError(
            "reason_required",
            "Say why the settlement is turned down.",
            errors=[{"field": "reason", "message": "Required when rejecting.", "code": "required"}],
        )
    previous = settlement.status
    settlement.status = ClaimSettlement.Status.REJECTED
    settlement.save(update_fields=["status", "updated_at"])
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=rejected_by,
        action="claim.settlement_rejected",
        target=claim,
        changes={"amount": settlement.amount, "status": [previous, settlement.status], "reason": reason},
    )
    _event(claim, "claim.updated", settlement="rejected")
    return settlement


@transaction.atomic
def settlement_pay(*, settlement: ClaimSettlement, paid_by: User) -> ClaimSettlement:
    """Pay an approved settlement from the claim's open reserve: an outgoing payout is recorded (and,
    after commit, sent by its provider), the reserve drawn down. The claim moves to settled only when
    the money has left (payments' `payout.succeeded`, settlement_payout.py); a failed payout gives the
    reserve back and returns the settlement to the agent."""
    # claim -> settlement -> reserve -> (new transaction): the lock order, as reserve_set and the
    # transitions take the claim before its reserves.
    claim, settlement = lock_objects(
        (Claim, settlement.claim_id), settlement, select_related={Claim: ("policy", "customer")}
    )
    if settlement.status != ClaimSettlement.Status.APPROVED:
        raise ApplicationError("not_approved", "Only an approved settlement is paid.", status=409)
    if settlement.paid_transaction_id is not None:
        raise ApplicationError("payout_pending", "This settlement's payout is already on its way.", status=409)
    if settlement.customer_decision != ClaimSettlement.Decision.ACCEPTED:
        raise ApplicationError(
            "not_accepted", "The customer has not accepted this offer; record their acceptance first.", status=409
        )
    # Paying settles the claim: the move is checked (graph, role, guards) before any money moves.
    workflow.MACHINE.check(claim, ClaimStatus.SETTLED, by=paid_by, service=True)
    before = facts_of(claim)
    reserve = locking.locked(Reserve).filter(claim=claim, cost_type=settlement.cost_type).first()
    open_amount = reserve.open_amount if reserve else Decimal("0")
    if reserve is None or settlement.amount > open_amount:
        raise ApplicationError(
            "above_reserve",
            f"The open {settlement.cost_type} reserve is {open_amount}; raise it before paying {settlement.amount}.",
            status=409,
        )

    def attach(payout: Transaction) -> None:  # before the payout's event: its readers see it through the settlement
        settlement.paid_transaction = payout  # approved with a payout: the money is on its way
        settlement.save(update_fields=["paid_transaction", "updated_at"])

    # payments records the outgoing money (its audit entry and event) in this transaction, by the
    # settlement's own method (a cheque stays a cheque).
    txn = payout_create(
        amount=settlement.amount,
        currency=settlement.currency,
        method=settlement.method,
        customer=claim.customer,
        policy=claim.policy,
        payee=settlement.payee,
        phone=claim.customer.phone,  # M-Pesa pays the customer's registered number
        created_by=paid_by,
        reason=f"settlement of claim {claim.claim_number}",
        attach=attach,
    )
    reserve.paid += settlement.amount
    reserve.save(update_fields=["paid", "updated_at"])
    claim.last_activity_at = timezone.now()
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=paid_by,
        action="claim.settlement_paying",
        target=claim,
        changes={"amount": settlement.amount, "transaction": txn.pk, "stage": txn.payout_stage},
    )
    _event(
        claim,
        "claim.updated",
        settlement="paying",
        settlement_id=str(settlement.pk),
        context={"before": before, "after": facts_of(claim), "actor": paid_by},
    )
    return settlement
