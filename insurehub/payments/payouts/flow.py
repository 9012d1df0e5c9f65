"""A payout on its way: sent to its provider after commit, its result recorded once.

The provider is called outside any transaction: the payout is first claimed for sending (its stage
moves READY -> SENT and is committed), then sent, then the answer recorded. A payout is never sent
twice: a send whose answer was lost stays SENT and the transaction status query (payouts_sweep) learns
what became of it. Results are applied under the payout's lock (refund -> payout -> refunded payment:
the lock order); a result for a payout already final changes nothing (`duplicate`)."""

import logging
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core.db import retry_on_conflict, side_effect
from insurehub.core.errors import ApplicationError
from insurehub.core.locking import lock_objects, lock_one
from insurehub.payments import daraja
from insurehub.payments.models import Direction, Method, PayoutStage, Refund, Transaction, TransactionStatus
from insurehub.payments.payouts.providers import MpesaB2CProvider, SendResult, provider_for
from insurehub.payments.services import _record_payload, card_refund_send, payout_failed, payout_succeeded

logger = logging.getLogger(__name__)


def _lock_payout(payout_id) -> Transaction:
    """Lock a payout with what a result changes besides it, in the lock order: its refund, the payout,
    the payment it refunds."""
    found = Transaction.objects.get(pk=payout_id)
    refund = Refund.objects.filter(payout_id=payout_id).first()
    _, payout, _ = lock_objects(refund, found, (Transaction, found.refund_of_id) if found.refund_of_id else None)
    return payout


def payout_send(*, payout_id) -> str:
    """Hand a ready payout to its provider (a task, after the commit that made it ready). Returns what
    happened: "sent", "refused", "unknown" (no answer: the status query will tell), "skipped"."""

    @transaction.atomic
    def claim() -> Transaction | None:
        payout = lock_one(Transaction, payout_id)
        if (
            payout.direction != Direction.OUT
            or payout.status != TransactionStatus.PENDING
            or payout.payout_stage != PayoutStage.READY
        ):
            return None
        if payout.method == Method.MPESA:
            payout.payout_stage = PayoutStage.SENT
            payout.sent_at = timezone.now()
            payout.save(update_fields=["payout_stage", "sent_at", "updated_at"])
        return payout

    payout = retry_on_conflict(claim, label="payments.payout_claim")
    if payout is None:
        return "skipped"
    if payout.method == Method.CARD:
        outcome, _ = card_refund_send(payout=payout)
        return {"succeeded": "sent"}.get(outcome, outcome)
    side_effect("payout.send")
    result = provider_for(payout.method).send(payout)
    return retry_on_conflict(lambda: _record_send(payout.pk, result), label="payments.payout_sent")


@transaction.atomic
def _record_send(payout_id, result: SendResult) -> str:
    payout = _lock_payout(payout_id)
    if payout.status != TransactionStatus.PENDING:
        return "skipped"  # its result came first
    if result.accepted:
        if result.provider_reference:
            payout.provider_reference = result.provider_reference
        payout.payout_stage = result.stage
        _record_payload(payout, "send", result.raw)
        payout.save()
        audit_record(actor=None, action="payment.payout_sent", target=payout, changes={"stage": result.stage})
        return "sent"
    if result.unknown:
        _record_payload(payout, "send_unanswered", {"error": result.reason})
        payout.save()
        logger.warning("payout send unanswered", extra={"payout": str(payout.pk), "error": result.reason})
        return "unknown"
    payout_failed(payout, reason=result.reason)
    return "refused"


# --- M-Pesa B2C callbacks ----------------------------------------------------------------


def _result_of(payload: dict) -> dict:
    result = payload.get("Result") if isinstance(payload, dict) else None
    if not isinstance(result, dict) or (not result.get("OriginatorConversationID") and not result.get("ReferenceData")):
        raise ApplicationError("malformed_callback", "Not an M-Pesa B2C result.")
    return result


def _mpesa_payout_for(reference: str) -> Transaction:
    found = Transaction.objects.filter(
        reference=str(reference).strip().upper(), method=Method.MPESA, direction=Direction.OUT
    ).first()
    if found is None:
        logger.warning("B2C result for an unknown payout", extra={"reference": reference})
        raise ApplicationError("unknown_payout", "No M-Pesa payout has this OriginatorConversationID.", status=404)
    return found


@transaction.atomic
def b2c_result_record(*, payload: dict) -> str:
    """Apply Daraja's B2C result: ResultCode 0 pays the payout (with its TransactionReceipt), any other
    code fails it with ResultDesc. Idempotent: a repeat, or a result for a payout already final, changes
    nothing (`duplicate`). A result whose ConversationID is not the one Daraja gave us for the payout is
    refused (409 `conversation_mismatch`), as is one for a payout never sent (409 `payout_not_sent`)."""
    result = _result_of(payload)
    found = _mpesa_payout_for(result.get("OriginatorConversationID", ""))
    payout = _lock_payout(found.pk)
    conversation = str(result.get("ConversationID") or "")
    if payout.provider_reference and conversation != payout.provider_reference:
        raise ApplicationError("conversation_mismatch", "This result's ConversationID is not the payout's.", status=409)
    if payout.status != TransactionStatus.PENDING:
        return "duplicate"
    if payout.payout_stage != PayoutStage.SENT:
        raise ApplicationError("payout_not_sent", "This payout was never sent to M-Pesa.", status=409)
    _record_payload(payout, "result", payload)
    raw_code = result.get("ResultCode")
    try:
        if raw_code is None:
            raise ValueError("no ResultCode")
        code = int(raw_code)
    except (TypeError, ValueError) as exc:
        raise ApplicationError("malformed_callback", "The result has no numeric ResultCode.") from exc
    if code != 0:
        payout_failed(payout, reason=f"M-Pesa: {result.get('ResultDesc', 'the payout failed')} ({code})")
        return "failed"
    params = daraja.result_parameters(result)
    try:
        sent = Decimal(str(params.get("TransactionAmount")))
    except InvalidOperation:
        sent = None
    if sent is None or not sent.is_finite() or sent != payout.amount:
        # Money left, but not what we asked: recorded as paid with the discrepancy audited for finance.
        audit_record(
            actor=None, action="payment.payout_amount_mismatch", target=payout,
            changes={"expected": payout.amount, "sent": str(params.get("TransactionAmount"))},
        )  # fmt: skip
    receipt = str(params.get("TransactionReceipt") or result.get("TransactionID") or "")
    payout_succeeded(payout, receipt=receipt)
    return "paid"


@transaction.atomic
def b2c_timeout_record(*, payload: dict) -> str:
    """Daraja's queue timeout: the request was not processed in time. Not a failure (M-Pesa may still
    have paid): the payout is asked about by the status query at once."""
    result = _result_of(payload)
    found = _mpesa_payout_for(result.get("OriginatorConversationID", ""))
    payout = _lock_payout(found.pk)
    if payout.status != TransactionStatus.PENDING:
        return "duplicate"
    _record_payload(payout, "queue_timeout", payload)
    # Due for the status query now (the sweep asks about SENT payouts whose sent_at is old enough).
    payout.sent_at = timezone.now() - timedelta(minutes=settings.MPESA_B2C_QUERY_AFTER_MINUTES)
    payout.save()
    transaction.on_commit(lambda: _ask(found.pk))
    return "queried"


def _ask(payout_id) -> None:
    payout = Transaction.objects.get(pk=payout_id)
    if payout.status == TransactionStatus.PENDING and payout.payout_stage == PayoutStage.SENT:
        MpesaB2CProvider().status(payout)


@transaction.atomic
def b2c_status_result_record(*, payload: dict) -> str:
    """Apply the answer to a transaction status query about a payout (its reference is the query's
    Occasion): "Completed" pays it with its ReceiptNo; another TransactionStatus fails it; ResultCode
    non-zero (M-Pesa has no such transaction) fails a payout sent long enough ago: it never left."""
    result = _result_of(payload)
    reference = daraja.reference_data(result).get("Occasion") or ""
    found = _mpesa_payout_for(reference)
    payout = _lock_payout(found.pk)
    if payout.status != TransactionStatus.PENDING:
        return "duplicate"
    if payout.payout_stage != PayoutStage.SENT:
        raise ApplicationError("payout_not_sent", "This payout was never sent to M-Pesa.", status=409)
    _record_payload(payout, "status", payload)
    params = daraja.result_parameters(result)
    code = str(result.get("ResultCode", ""))
    if code == "0" and str(params.get("TransactionStatus", "")).lower() == "completed":
        payout_succeeded(payout, receipt=str(params.get("ReceiptNo") or ""))
        return "paid"
    if code == "0":
        payout_failed(payout, reason=f"M-Pesa: the payout is {params.get('TransactionStatus', 'not completed')}")
        return "failed"
    waited = timezone.now() - timedelta(minutes=settings.MPESA_B2C_QUERY_AFTER_MINUTES)
    if payout.sent_at is None or payout.sent_at <= waited:
        payout_failed(payout, reason=f"M-Pesa has no record of the payout: {result.get('ResultDesc', code)}")
        return "failed"
    payout.save()
    return "still_pending"


def payouts_sweep(*, older_than_minutes: int | None = None) -> dict:
    """Periodic: send M-Pesa payouts left READY (the process stopped before sending), and ask about
    those SENT whose result has not come (the answer arrives at the status-result callback)."""
    minutes = older_than_minutes if older_than_minutes is not None else settings.MPESA_B2C_QUERY_AFTER_MINUTES
    cutoff = timezone.now() - timedelta(minutes=minutes)
    report = {"sent": 0, "asked": 0, "unanswered": 0}
    pending = Transaction.objects.filter(method=Method.MPESA, direction=Direction.OUT, status=TransactionStatus.PENDING)
    for payout in pending.filter(payout_stage=PayoutStage.READY, updated_at__lt=cutoff).order_by("created_at")[:200]:
        if payout_send(payout_id=payout.pk) == "sent":
            report["sent"] += 1
    provider = MpesaB2CProvider()
    for payout in pending.filter(payout_stage=PayoutStage.SENT, sent_at__lte=cutoff).order_by("sent_at")[:200]:
        report["asked" if provider.status(payout) else "unanswered"] += 1
    return report
