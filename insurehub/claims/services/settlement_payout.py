"""A settlement's money leaving, or not: what claims does when payments says a payout succeeded or
failed (`payout.succeeded` / `payout.failed`, subscribed in ClaimsConfig.ready(), run in payments'
transaction so the payout and its claim change together or not at all).

Lock order: payments holds the payout (a transaction row) when it emits, and the claim, settlement and
reserve are locked after it here. It is the one place that order is reversed, and it cannot deadlock:
nothing locks an existing payout after its claim (settlement_pay creates the payout under the claim's
lock; the payout's results arrive only after that commit)."""

from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims.facts import facts_of
from insurehub.claims.models import Claim, ClaimCommunication, ClaimSettlement, ClaimStatus, Reserve
from insurehub.claims.services.claim_row import _event
from insurehub.claims.services.workflow import _move
from insurehub.core import locking, web_links
from insurehub.core.locking import lock_objects
from insurehub.realtime import events
from insurehub.realtime.events import Notice


def _settlement_of(event: events.Event) -> tuple[Claim, ClaimSettlement] | None:
    payout = event.context.get("payout")
    if payout is None:
        return None
    found = ClaimSettlement.objects.filter(paid_transaction_id=payout.pk).first()
    if found is None:
        return None  # not a settlement's payout (a refund)
    claim, settlement = lock_objects(
        (Claim, found.claim_id), found, select_related={Claim: ("policy", "customer", "assigned_agent")}
    )
    if settlement.status != ClaimSettlement.Status.APPROVED:
        return None  # recorded already
    return claim, settlement


def settlement_payout_succeeded(event: events.Event) -> None:
    """The settlement's money has left: the settlement is paid and the claim settled."""
    found = _settlement_of(event)
    if found is None:
        return
    claim, settlement = found
    payout = event.context["payout"]
    settlement.status = ClaimSettlement.Status.PAID
    settlement.save(update_fields=["status", "updated_at"])
    receipt = f" (receipt {payout.receipt_number})" if payout.receipt_number else ""
    _move(
        claim,
        ClaimStatus.SETTLED,
        actor=event.context.get("actor"),
        reason=f"paid {settlement.amount} to {settlement.payee}{receipt}",
        service=True,
        action="claim.settled",
        changes={"amount": settlement.amount, "transaction": payout.pk, "receipt": payout.receipt_number},
        context={"settled_amount": settlement.amount},
    )


def settlement_payout_failed(event: events.Event) -> None:
    """The settlement's money did not leave: the reserve is given back, the settlement closed as
    rejected with the reason, and the claim (still in settlement) goes back to its agent, who is told,
    to propose the settlement again (another method, corrected details)."""
    found = _settlement_of(event)
    if found is None:
        return
    claim, settlement = found
    payout = event.context["payout"]
    before = facts_of(claim)
    reserve = locking.locked(Reserve).filter(claim=claim, cost_type=settlement.cost_type).first()
    if reserve is not None:
        reserve.paid -= settlement.amount
        reserve.save(update_fields=["paid", "updated_at"])
    settlement.status = ClaimSettlement.Status.REJECTED
    settlement.save(update_fields=["status", "updated_at"])
    now = timezone.now()
    reason = f"Payout {payout.reference} of {settlement.amount} {settlement.currency} failed: {payout.failure_reason}"
    # On the claim's timeline (an internal note), by whoever paid it.
    author = payout.payout_created_by or settlement.approved_by or settlement.proposed_by
    ClaimCommunication.objects.create(
        claim=claim,
        channel=ClaimCommunication.Channel.NOTE,
        direction=ClaimCommunication.Direction.INTERNAL,
        party=ClaimCommunication.Party.INSURER,
        subject="Settlement payout failed",
        body=f"{reason}. The settlement is closed; propose it again to pay.",
        author=author,
        at=now,
    )
    claim.last_activity_at = now
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=event.context.get("actor"),
        action="claim.settlement_payout_failed",
        target=claim,
        changes={"amount": settlement.amount, "transaction": payout.pk, "reason": payout.failure_reason},
    )
    agents = {user for user in (claim.assigned_agent, settlement.proposed_by) if user is not None}
    _event(
        claim,
        "claim.updated",
        internal=True,
        settlement="payout_failed",
        settlement_id=str(settlement.pk),
        reason=payout.failure_reason,
        context={"before": before, "after": facts_of(claim), "actor": event.context.get("actor")},
        notices=[
            Notice(
                recipient=agent,
                topic="claim_updates",
                kind="claim.settlement_payout_failed",
                title=f"The settlement payout on {claim.claim_number} failed.",
                body=f"{payout.failure_reason.rstrip('.')}. Propose the settlement again to pay it.",
                link=web_links.claim_page(claim.pk),
            )
            for agent in sorted(agents, key=lambda user: str(user.pk))
        ],
    )


def subscribe() -> None:
    events.subscribe("payout.succeeded", settlement_payout_succeeded, phase=events.IN_TRANSACTION)
    events.subscribe("payout.failed", settlement_payout_failed, phase=events.IN_TRANSACTION)
