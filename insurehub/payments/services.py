"""Every money movement: schedules, M-Pesa / card / bank-transfer payments, provider callbacks,
bank reconciliation and refunds. Money is Decimal; rows that money touches are locked in the one
lock order (insurehub/core/locking.py: refund -> transaction -> instalment -> policy here), so
concurrent callbacks credit exactly once and different operations never deadlock. Providers are
called outside transactions: the intent is committed first, the outcome recorded after."""

import csv
import functools
import io
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core import locking
from insurehub.core.db import retry_on_conflict, side_effect
from insurehub.core.errors import ApplicationError
from insurehub.core.locking import lock_objects, lock_one
from insurehub.core.money import money, split_evenly
from insurehub.core.roles import Role
from insurehub.core.tasks import enqueue_by_name
from insurehub.payments import cards, daraja, notices
from insurehub.payments.cancellation import cancellation_refund
from insurehub.payments.models import (
    FINAL_STATUSES,
    Direction,
    Instalment,
    Method,
    PaymentSchedule,
    PayoutStage,
    Refund,
    StatementLine,
    Transaction,
    TransactionStatus,
)
from insurehub.payments.permissions import can_decide_refund, payment_audience, payout_authority, require
from insurehub.policies.models import PaymentPlan, Policy, PolicyStatus
from insurehub.policies.services import policy_activate, policy_cancel, policy_reinstate
from insurehub.realtime.events import Notice, emit

logger = logging.getLogger(__name__)

MONTHS_PER_INSTALMENT: dict[str, int] = {PaymentPlan.MONTHLY: 1, PaymentPlan.QUARTERLY: 3}
PAYABLE_POLICY_STATUSES = {PolicyStatus.PENDING_PAYMENT, PolicyStatus.ACTIVE, PolicyStatus.LAPSED}
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# A card payment whose intent is not created yet belongs to a request still starting it for this long;
# older, that request died between its two steps.
CARD_INTENT_STARTING = timedelta(minutes=2)
CARD_INTENTS_CANCEL_TASK = "insurehub.payments.tasks.card_intents_cancel"


def new_reference() -> str:
    return "IH" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(10))


# --- schedules -----------------------------------------------------------------------


@transaction.atomic
def schedule_create(*, policy: Policy, created_by) -> PaymentSchedule:
    """Instalments whose amounts add up exactly to the premium (rounding on the last one)."""
    months = MONTHS_PER_INSTALMENT.get(policy.payment_plan, policy.policy_type.term_months)
    count = max(1, policy.policy_type.term_months // months)
    schedule = PaymentSchedule.objects.create(
        policy=policy, plan=policy.payment_plan, total=policy.premium, currency=policy.currency
    )
    Instalment.objects.bulk_create(
        Instalment(
            schedule=schedule,
            sequence=n + 1,
            due_date=policy.start_date + relativedelta(months=n * months),
            amount=amount,
        )
        for n, amount in enumerate(split_evenly(policy.premium, count))
    )
    audit_record(actor=created_by, action="payment.schedule_created", target=schedule, changes={"instalments": count})
    return schedule


# --- what is being paid ----------------------------------------------------------------


@dataclass(frozen=True)
class Payable:
    policy: Policy
    instalment: Instalment
    amount: Decimal
    currency: str


def payable_for(*, policy: Policy, instalment: Instalment | None, amount=None, currency: str | None = None) -> Payable:
    if policy.status not in PAYABLE_POLICY_STATUSES:
        raise ApplicationError("policy_not_payable", f"A {policy.status} policy takes no payment.", status=409)
    if instalment is None:
        instalment = (
            Instalment.objects.filter(schedule__policy=policy, status=Instalment.Status.DUE)
            .order_by("sequence")
            .first()
        )
        if instalment is None:
            raise ApplicationError("nothing_due", "Every instalment of this policy is paid.", status=409)
    elif instalment.schedule.policy_id != policy.pk:
        raise ApplicationError(
            "instalment_mismatch",
            "That instalment belongs to another policy.",
            errors=[{"field": "instalment", "message": "Not an instalment of this policy.", "code": "invalid"}],
        )
    elif instalment.status != Instalment.Status.DUE:
        raise ApplicationError(
            "instalment_paid", f"Instalment {instalment.sequence} is already {instalment.status}.", status=409
        )
    if currency is not None and currency != policy.currency:
        raise ApplicationError(
            "currency_mismatch",
            f"This policy is paid in {policy.currency}.",
            errors=[{"field": "currency", "message": f"Must be {policy.currency}.", "code": "invalid"}],
        )
    if amount is not None and money(amount) != instalment.amount:
        raise ApplicationError(
            "amount_mismatch",
            f"The amount due is {instalment.amount} {policy.currency}.",
            errors=[{"field": "amount", "message": f"Must be {instalment.amount}.", "code": "invalid"}],
        )
    return Payable(policy=policy, instalment=instalment, amount=instalment.amount, currency=policy.currency)


def _lock_for_payment(policy: Policy, instalment: Instalment | None) -> tuple[Policy, Instalment | None]:
    """Lock the instalment being paid, then its policy: the instalment comes first in the lock order
    (insurehub/core/locking.py), as in a callback crediting it. The policy is locked last, once the
    instalment is known: locking it and then looking for another instalment (the one read was paid
    meanwhile) took them crosswise to a reconciliation crediting that other one (a deadlock)."""
    if instalment is not None:
        due, policy = lock_objects(instalment, (Policy, policy.pk))
        return policy, due
    # The first instalment still due, locked. One being paid right now is waited for, then passed
    # over if it was paid (PostgreSQL checks the condition again on the row it locks).
    due = (
        locking.locked(Instalment)
        .filter(schedule__policy=policy, status=Instalment.Status.DUE)
        .order_by("sequence")
        .first()
    )
    return lock_one(Policy, policy.pk), due


def _new_transaction(payable: Payable, *, method: str, created_by, phone: str = "") -> Transaction:
    txn = Transaction.objects.create(
        reference=new_reference(),
        customer=payable.policy.customer,
        policy=payable.policy,
        instalment=payable.instalment,
        method=method,
        direction=Direction.IN,
        amount=payable.amount,
        currency=payable.currency,
        phone=phone,
    )
    audit_record(
        actor=created_by,
        action="payment.initiated",
        target=txn,
        changes={"method": method, "amount": txn.amount, "currency": txn.currency, "instalment": payable.instalment.pk},
    )
    return txn


def _audience(txn: Transaction) -> list[str]:
    return payment_audience(txn)  # who may read it (permissions.py)


def _record_payload(txn: Transaction, kind: str, payload) -> None:
    txn.provider_payloads = [*txn.provider_payloads, {"kind": kind, "at": timezone.now().isoformat(), "body": payload}]


def _credit(txn: Transaction, *, actor=None) -> None:
    """A locked, newly succeeded incoming transaction: pay its instalment, move the policy."""
    instalment = lock_one(Instalment, txn.instalment_id) if txn.instalment_id else None
    duplicate = instalment is not None and instalment.status != Instalment.Status.DUE
    if instalment is not None and not duplicate:
        instalment.status = Instalment.Status.PAID
        instalment.paid_at = txn.completed_at
        instalment.save(update_fields=["status", "paid_at", "updated_at"])
        _cancel_other_card_payments(instalment, paid_by=txn, actor=actor)
    emit(
        "payment.succeeded",
        {
            "transaction_id": str(txn.pk),
            "reference": txn.reference,
            "amount": str(txn.amount),
            "currency": txn.currency,
            "policy_id": str(txn.policy_id) if txn.policy_id else None,
            "method": txn.method,
        },
        _audience(txn),
        notices=[
            Notice(
                recipient=txn.customer,
                topic="payments",
                kind="payment.succeeded",
                **notices.payment_succeeded(txn),
            )
        ],
    )
    if duplicate and instalment is not None:
        # Paid twice (e.g. by M-Pesa and card): keep the money on record and queue its refund.
        Refund.objects.create(
            transaction=txn, amount=txn.amount, reason=f"instalment {instalment.sequence} was already paid",
            requested_by=txn.customer,
        )  # fmt: skip
        audit_record(
            actor=actor, action="payment.duplicate_detected", target=txn, changes={"instalment": instalment.pk}
        )
    elif txn.policy_id:
        policy = lock_one(Policy, txn.policy_id)
        if policy.status == PolicyStatus.PENDING_PAYMENT:
            policy_activate(policy=policy, actor=actor)
        elif policy.status == PolicyStatus.LAPSED and not _overdue_instalments(policy).exists():
            policy_reinstate(policy=policy)


def _overdue_instalments(policy: Policy):
    limit = timezone.localdate() - timedelta(days=settings.POLICY_GRACE_DAYS)
    return Instalment.objects.filter(schedule__policy=policy, status=Instalment.Status.DUE, due_date__lt=limit)


def _fail(txn: Transaction, *, status: str, reason: str) -> None:
    txn.status = status
    txn.failure_reason = reason[:300]
    txn.completed_at = timezone.now()
    txn.save()
    emit(
        "payment.failed",
        {"transaction_id": str(txn.pk), "reference": txn.reference, "reason": txn.failure_reason, "method": txn.method},
        _audience(txn),
        notices=[
            Notice(
                recipient=txn.customer,
                topic="payments",
                kind="payment.failed",
                **notices.payment_failed(txn),
            )
        ],
    )
    audit_record(actor=None, action="payment.failed", target=txn, changes={"status": status, "reason": reason})


def _succeed(txn: Transaction, *, receipt: str = "", actor=None) -> None:
    txn.status = TransactionStatus.SUCCEEDED
    txn.receipt_number = receipt
    txn.completed_at = timezone.now()
    txn.failure_reason = ""
    txn.save()
    audit_record(
        actor=actor, action="payment.succeeded", target=txn, changes={"receipt": receipt, "amount": txn.amount}
    )
    _credit(txn, actor=actor)


# --- M-Pesa ----------------------------------------------------------------------------


def _record_outcome(txn_id, apply) -> Transaction:
    """After a provider call: lock the payment again and `apply(txn)` what the provider said, in a
    transaction of its own that is run again after a deadlock (the provider call never is)."""

    def record() -> Transaction:
        with transaction.atomic():
            txn = lock_one(Transaction, txn_id)
            apply(txn)
            return txn

    return retry_on_conflict(record, label="payments.record_outcome")


def mpesa_callback_url() -> str:
    base = settings.MPESA_CALLBACK_BASE_URL.rstrip("/")
    return f"{base}/api/payments/mpesa/callback/?token={settings.MPESA_CALLBACK_SECRET}"


def mpesa_stk_push(
    *, policy: Policy, instalment: Instalment | None, phone: str, initiated_by, amount=None, currency=None
) -> Transaction:
    client = daraja.DarajaClient()
    if not client.configured:
        raise ApplicationError("mpesa_not_configured", "M-Pesa is not configured on this server.", status=503)
    try:
        msisdn = daraja.normalise_phone(phone)
    except ValueError as exc:
        raise ApplicationError(
            "invalid_phone", str(exc), errors=[{"field": "phone", "message": str(exc), "code": "invalid"}]
        ) from exc
    if policy.currency != "KES":
        raise ApplicationError("currency_unsupported", "M-Pesa takes Kenyan shillings only.", status=409)
    with transaction.atomic():
        policy, due = _lock_for_payment(policy, instalment)
        payable = payable_for(policy=policy, instalment=due, amount=amount, currency=currency)
        txn = _new_transaction(payable, method=Method.MPESA, created_by=initiated_by, phone=msisdn)
    # The provider is called outside our transaction: the row exists whatever happens next.
    side_effect("mpesa.stk_push")
    try:
        result = client.stk_push(
            phone=msisdn,
            amount=txn.amount,
            reference=txn.reference,  # 12 characters, Daraja's AccountReference limit; unique per payment
            description="Premium",
            callback_url=mpesa_callback_url(),
        )
    except daraja.DarajaError as exc:
        reason = f"STK push refused: {exc}"
        _record_outcome(txn.pk, lambda t: _fail(t, status=TransactionStatus.FAILED, reason=reason))
        raise ApplicationError("mpesa_unavailable", f"M-Pesa did not accept the request: {exc}", status=502) from exc

    def accepted(t: Transaction) -> None:
        t.provider_reference = result.checkout_request_id
        _record_payload(t, "stk_push", result.raw)
        t.save()

    return _record_outcome(txn.pk, accepted)


def _late_receipt(txn: Transaction, callback: dict, result_code: int) -> str:
    """A callback for a payment already settled. When the status query credited it first (Daraja's
    query answer carries no receipt), the late callback's receipt is kept; nothing is credited again."""
    receipt = str(daraja.callback_metadata(callback).get("MpesaReceiptNumber", "")) if result_code == 0 else ""
    if txn.status != TransactionStatus.SUCCEEDED or txn.receipt_number or not receipt:
        return "duplicate"
    txn.receipt_number = receipt
    txn.save(update_fields=["receipt_number", "updated_at"])
    audit_record(actor=None, action="payment.receipt_recorded", target=txn, changes={"receipt": receipt})
    return "receipt_recorded"


@transaction.atomic
def mpesa_callback_record(*, payload: dict) -> str:
    """Apply Daraja's STK callback. Idempotent: a repeat (or 20 at once) credits once."""
    try:
        callback = payload["Body"]["stkCallback"]
        checkout_id = str(callback["CheckoutRequestID"])
        result_code = int(callback["ResultCode"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ApplicationError("malformed_callback", "Not an STK callback.") from exc
    txn = locking.locked(Transaction).filter(method=Method.MPESA, provider_reference=checkout_id).first()
    if txn is None:
        logger.warning("mpesa callback for unknown checkout", extra={"checkout_request_id": checkout_id})
        raise ApplicationError("unknown_checkout", "No payment waits for this CheckoutRequestID.", status=404)
    if txn.status in FINAL_STATUSES:
        return _late_receipt(txn, callback, result_code)
    _record_payload(txn, "callback", payload)
    if result_code != 0:
        status = TransactionStatus.CANCELLED if result_code == 1032 else TransactionStatus.FAILED
        _fail(txn, status=status, reason=f"{result_code}: {callback.get('ResultDesc', '')}")
        return status
    meta = daraja.callback_metadata(callback)
    try:
        paid = Decimal(str(meta.get("Amount")))
    except InvalidOperation:
        paid = None
    if paid is None or not paid.is_finite() or paid < daraja.whole_shillings(txn.amount):
        _fail(txn, status=TransactionStatus.FAILED, reason=f"amount paid {paid} is less than {txn.amount}")
        return "amount_mismatch"
    _succeed(txn, receipt=str(meta.get("MpesaReceiptNumber", "")))
    return "credited"


def mpesa_query_stale(*, older_than_minutes: int | None = None) -> dict:
    """Periodic: ask Daraja about pushes whose callback never came."""
    minutes = older_than_minutes if older_than_minutes is not None else settings.MPESA_QUERY_AFTER_MINUTES
    cutoff = timezone.now() - timedelta(minutes=minutes)
    client = daraja.DarajaClient()
    report = {"checked": 0, "credited": 0, "failed": 0, "still_pending": 0}
    if not client.configured:
        return report
    stale = Transaction.objects.filter(
        method=Method.MPESA, status=TransactionStatus.PENDING, created_at__lt=cutoff
    ).exclude(provider_reference="")
    for txn in stale[:200]:
        report["checked"] += 1
        try:
            answer = client.stk_query(checkout_request_id=txn.provider_reference)
        except daraja.DarajaError:
            report["still_pending"] += 1
            continue
        code = str(answer.get("ResultCode", ""))
        with transaction.atomic():
            locked = lock_one(Transaction, txn.pk)
            if locked.status in FINAL_STATUSES:
                continue
            _record_payload(locked, "query", answer)
            if code == "0":
                _succeed(locked)
                report["credited"] += 1
            elif code:
                status = TransactionStatus.CANCELLED if code == "1032" else TransactionStatus.FAILED
                _fail(locked, status=status, reason=f"{code}: {answer.get('ResultDesc', '')}")
                report["failed"] += 1
            else:
                locked.save()
                report["still_pending"] += 1
    return report


# --- cards -----------------------------------------------------------------------------


def _open_card_payment(instalment: Instalment) -> Transaction | None:
    """The instalment's pending card payment, if any: the one the customer may still pay."""
    return (
        Transaction.objects.filter(
            instalment=instalment, method=Method.CARD, direction=Direction.IN, status=TransactionStatus.PENDING
        )
        .order_by("created_at")
        .first()
    )


def _cancel_card_payment(txn: Transaction, *, reason: str, actor=None) -> None:
    """A locked pending card payment that can no longer be paid: cancelled and audited (the customer, who
    is paying this instalment another way or has paid it, is not told that a payment failed)."""
    txn.status = TransactionStatus.CANCELLED
    txn.failure_reason = reason[:300]
    txn.completed_at = timezone.now()
    txn.save(update_fields=["status", "failure_reason", "completed_at", "updated_at"])
    audit_record(actor=actor, action="payment.cancelled", target=txn, changes={"reason": reason})


def card_intent_create(
    *, policy: Policy, instalment: Instalment | None, initiated_by, amount=None, currency=None
) -> tuple[Transaction, str]:
    """Start a card payment of an instalment, or hand back the one already open for it.

    An instalment has at most one pending card payment: asking again (another tab, a retry with a new
    Idempotency-Key) answers the open one and its client secret, so however often the customer asks, one card
    payment of the instalment can be collected. While the open one is being created (or the provider is
    completing it) the answer is 409 `payment_in_progress`; one the provider cancelled is replaced.
    """
    provider = cards.get_card_provider()
    with transaction.atomic():
        policy, due = _lock_for_payment(policy, instalment)
        payable = payable_for(policy=policy, instalment=due, amount=amount, currency=currency)
        txn = _open_card_payment(payable.instalment)
        if txn is not None and not txn.provider_reference and txn.created_at < timezone.now() - CARD_INTENT_STARTING:
            # Abandoned between its two steps (the process stopped): nobody can pay it.
            stale = Transaction.objects.select_for_update(no_key=True, skip_locked=True).filter(pk=txn.pk).first()
            if stale is not None:
                _cancel_card_payment(stale, reason="the card payment was never started", actor=initiated_by)
                txn = None
        created = txn is None
        if txn is None:
            txn = _new_transaction(payable, method=Method.CARD, created_by=initiated_by)
    if not created:
        if not txn.provider_reference:
            raise ApplicationError(
                "payment_in_progress", "A card payment of this instalment is starting; try again shortly.", status=409
            )
        try:
            intent = provider.retrieve_intent(intent_id=txn.provider_reference)
        except cards.CardProviderError as exc:
            raise ApplicationError("card_provider_unavailable", str(exc), status=502) from exc
        if intent.status in cards.OPEN_INTENT_STATUSES and intent.client_secret:
            return txn, intent.client_secret
        if intent.status != "canceled":
            raise ApplicationError(
                "payment_in_progress",
                "The card payment of this instalment is being completed; its result comes shortly.",
                status=409,
            )
        with transaction.atomic():
            locked = lock_one(Transaction, txn.pk)
            if locked.status == TransactionStatus.PENDING:
                _cancel_card_payment(locked, reason="the card provider cancelled the payment", actor=initiated_by)
        return card_intent_create(
            policy=policy, instalment=instalment, initiated_by=initiated_by, amount=amount, currency=currency
        )
    side_effect("card.create_intent")
    try:
        intent = provider.create_intent(amount=txn.amount, currency=txn.currency, reference=txn.reference)
    except cards.CardProviderError as exc:
        reason = str(exc)
        _record_outcome(txn.pk, lambda t: _fail(t, status=TransactionStatus.FAILED, reason=reason))
        raise ApplicationError("card_provider_unavailable", str(exc), status=502) from exc

    def accepted(t: Transaction) -> None:
        t.provider_reference = intent.id
        _record_payload(t, "intent", {k: v for k, v in intent.raw.items() if k != "client_secret"})
        t.save()

    return _record_outcome(txn.pk, accepted), intent.client_secret


def _cancel_other_card_payments(instalment: Instalment, *, paid_by: Transaction, actor=None) -> None:
    """The locked instalment was just paid by `paid_by`: its other open card payments can no longer be paid.
    They are cancelled here and at the provider after commit, so no card is charged twice for it. One locked
    right now by a request settling it is skipped (never waited for: it would be out of the lock order); that
    request finds the instalment paid."""
    others = list(
        Transaction.objects.select_for_update(no_key=True, skip_locked=True)
        .filter(instalment=instalment, method=Method.CARD, direction=Direction.IN, status=TransactionStatus.PENDING)
        .exclude(pk=paid_by.pk)
    )
    for other in others:
        _cancel_card_payment(
            other, reason=f"instalment {instalment.sequence} was paid by {paid_by.reference}", actor=actor
        )
    intent_ids = [other.provider_reference for other in others if other.provider_reference]
    if intent_ids:
        transaction.on_commit(lambda: enqueue_by_name(CARD_INTENTS_CANCEL_TASK, intent_ids))


def card_intents_cancel(*, intent_ids: list[str]) -> int:
    """Cancel card intents at the provider (outside any transaction); how many it accepted. One it refuses
    was charged already: its webhook records the money and queues the refund."""
    provider = cards.get_card_provider()
    cancelled = 0
    for intent_id in intent_ids:
        try:
            provider.cancel_intent(intent_id=intent_id)
        except cards.CardProviderError as exc:
            logger.warning("card intent not cancelled at the provider", extra={"intent": intent_id, "error": str(exc)})
            continue
        cancelled += 1
    return cancelled


@transaction.atomic
def card_webhook_record(*, event: dict) -> str:
    kind = event.get("type")
    intent = (event.get("data") or {}).get("object") or {}
    if kind not in ("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled"):
        return "ignored"
    txn = locking.locked(Transaction).filter(method=Method.CARD, provider_reference=intent.get("id", "")).first()
    if txn is None:
        raise ApplicationError("unknown_intent", "No payment waits for this intent.", status=404)
    charged_after_cancel = txn.status == TransactionStatus.CANCELLED and kind == "payment_intent.succeeded"
    if txn.status in FINAL_STATUSES and not charged_after_cancel:
        return "duplicate"
    # charged_after_cancel: we cancelled it (its instalment was paid another way) but the card was charged before
    # the provider heard: the money is recorded as received, and as a duplicate payment its refund is queued.
    _record_payload(txn, "webhook", {"id": event.get("id"), "type": kind})
    if kind == "payment_intent.succeeded":
        received = intent.get("amount_received", intent.get("amount"))
        if received is not None and int(received) < cards.minor_units(txn.amount, txn.currency):
            _fail(txn, status=TransactionStatus.FAILED, reason="amount received is less than due")
            return "amount_mismatch"
        _succeed(txn, receipt=str(intent.get("latest_charge") or ""))
        return "credited"
    error = (intent.get("last_payment_error") or {}).get("message", kind)
    _fail(
        txn, status=TransactionStatus.CANCELLED if kind.endswith("canceled") else TransactionStatus.FAILED, reason=error
    )
    return "failed"


@transaction.atomic
def card_sandbox_settle(*, txn: Transaction, succeed: bool, actor) -> Transaction:
    txn = lock_one(Transaction, txn.pk)
    if txn.method != Method.CARD or not txn.provider_reference.startswith("pi_sandbox_"):
        raise ApplicationError("not_sandbox", "Only sandbox card payments can be settled here.", status=409)
    if txn.status in FINAL_STATUSES:
        raise ApplicationError("already_settled", f"This payment is already {txn.status}.", status=409)
    instalment = lock_one(Instalment, txn.instalment_id) if txn.instalment_id else None
    if succeed and instalment is not None and instalment.status != Instalment.Status.DUE:
        # Paid meanwhile (another card payment, M-Pesa, a transfer): the bank is told the payment is
        # cancelled, as the provider is when the instalment gets paid, and charges nothing.
        _cancel_card_payment(
            txn, reason=f"instalment {instalment.sequence} is already {instalment.status}", actor=actor
        )
        return txn
    if succeed:
        _succeed(txn, receipt=f"ch_sandbox_{secrets.token_hex(6)}", actor=actor)
    else:
        _fail(txn, status=TransactionStatus.FAILED, reason="Your card was declined. (sandbox)")
    return txn


# --- bank transfer ----------------------------------------------------------------------


def bank_transfer_start(
    *, policy: Policy, instalment: Instalment | None, initiated_by, amount=None, currency=None
) -> Transaction:
    with transaction.atomic():
        policy, due = _lock_for_payment(policy, instalment)
        payable = payable_for(policy=policy, instalment=due, amount=amount, currency=currency)
        txn = _new_transaction(payable, method=Method.BANK_TRANSFER, created_by=initiated_by)
    return txn


def bank_details() -> dict:
    return {
        "bank": settings.BANK_NAME,
        "account_name": settings.BANK_ACCOUNT_NAME,
        "account_number": settings.BANK_ACCOUNT_NUMBER,
        "branch": settings.BANK_BRANCH,
        "swift": settings.BANK_SWIFT,
    }


REQUIRED_COLUMNS = {"date", "reference", "amount", "currency", "bank_reference"}


def _reconcile_line(
    *, line: int, reference: str, bank_reference: str, amount, row: dict, reconciled_by
) -> tuple[str, dict]:
    """One statement line, in one transaction: (report bucket, entry). A debit (a negative amount) is
    one of our payouts leaving (_reconcile_payout_line)."""
    if amount < 0:
        return _reconcile_payout_line(
            line=line, reference=reference, bank_reference=bank_reference, amount=-amount, row=row,
            reconciled_by=reconciled_by,
        )  # fmt: skip
    try:
        with transaction.atomic():
            if StatementLine.objects.filter(bank_reference=bank_reference).exists():
                return "already_credited", {"line": line, "bank_reference": bank_reference}
            txn = (
                locking.locked(Transaction)
                .filter(method=Method.BANK_TRANSFER, reference=reference, direction=Direction.IN)
                .first()
            )
            reason = None
            if txn is None:
                reason = "no transfer with this reference"
            elif txn.status != TransactionStatus.PENDING:
                reason = f"transfer is already {txn.status}"
            elif (row.get("currency") or "").strip().upper() != txn.currency:
                reason = f"currency is not {txn.currency}"
            elif amount != txn.amount:
                reason = f"amount {amount} differs from the {txn.amount} expected"
            if reason or txn is None:
                return "unmatched", {"line": line, "reference": reference, "reason": reason}
            StatementLine.objects.create(bank_reference=bank_reference, transaction=txn, amount=amount)
            txn.provider_reference = bank_reference
            _record_payload(txn, "statement", row)
            _succeed(txn, receipt=bank_reference, actor=reconciled_by)
            return "matched", {"line": line, "reference": reference, "transaction": str(txn.pk)}
    except IntegrityError:
        return "already_credited", {"line": line, "bank_reference": bank_reference}


def _reconcile_payout_line(
    *, line: int, reference: str, bank_reference: str, amount: Decimal, row: dict, reconciled_by
) -> tuple[str, dict]:
    """A debit line: the bank paid one of our payout file's lines. It pays the payout with that
    reference and amount once; a second line for a payout already paid is reported as `duplicate`
    (the bank may have paid twice: finance recovers it), never recorded twice."""
    try:
        with transaction.atomic():
            if StatementLine.objects.filter(bank_reference=bank_reference).exists():
                return "already_credited", {"line": line, "bank_reference": bank_reference}
            found = Transaction.objects.filter(
                method=Method.BANK_TRANSFER, reference=reference, direction=Direction.OUT
            ).first()
            if found is None:
                return "unmatched", {"line": line, "reference": reference, "reason": "no payout with this reference"}
            refund = Refund.objects.filter(payout_id=found.pk).first()
            refund, payout, _ = lock_objects(
                refund, found, (Transaction, found.refund_of_id) if found.refund_of_id else None
            )
            reason = None
            if payout.status == TransactionStatus.SUCCEEDED:
                return "duplicate", {
                    "line": line, "reference": reference, "bank_reference": bank_reference,
                    "reason": f"payout already paid (bank reference {payout.receipt_number})",
                }  # fmt: skip
            if payout.status != TransactionStatus.PENDING:
                reason = f"payout is {payout.status}"
            elif payout.payout_stage != PayoutStage.BATCHED:
                reason = "payout is in no payout file"
            elif (row.get("currency") or "").strip().upper() != payout.currency:
                reason = f"currency is not {payout.currency}"
            elif amount != payout.amount:
                reason = f"amount {amount} differs from the {payout.amount} paid out"
            if reason:
                return "unmatched", {"line": line, "reference": reference, "reason": reason}
            StatementLine.objects.create(bank_reference=bank_reference, transaction=payout, amount=-amount)
            _record_payload(payout, "statement", row)
            payout_succeeded(payout, receipt=bank_reference, provider_reference=bank_reference, actor=reconciled_by)
            return "paid_out", {"line": line, "reference": reference, "transaction": str(payout.pk)}
    except IntegrityError:
        return "already_credited", {"line": line, "bank_reference": bank_reference}


def bank_statement_reconcile(*, content: str, reconciled_by) -> dict:
    """Match statement lines (CSV: date, reference, amount, currency, bank_reference) to pending
    transfers by reference and exact amount, and debits (negative amounts) to the payouts of our
    payout files the same way. Each bank line counts at most once, ever."""
    reader = csv.DictReader(io.StringIO(content))
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise ApplicationError("bad_statement", f"The statement lacks columns: {', '.join(sorted(missing))}.")
    report: dict[str, list[dict]] = {
        "matched": [], "paid_out": [], "already_credited": [], "duplicate": [], "unmatched": []
    }  # fmt: skip
    for line_number, row in enumerate(reader, start=2):
        reference = (row.get("reference") or "").strip().upper()
        bank_reference = (row.get("bank_reference") or "").strip()
        try:
            amount = money(row.get("amount", ""))
        except (InvalidOperation, ValueError):
            report["unmatched"].append({"line": line_number, "reference": reference, "reason": "amount unreadable"})
            continue
        if not bank_reference:
            report["unmatched"].append({"line": line_number, "reference": reference, "reason": "no bank reference"})
            continue
        line: dict[str, Any] = {
            "line": line_number,
            "reference": reference,
            "bank_reference": bank_reference,
            "amount": amount,
        }
        # Each line is its own transaction, run again alone after a deadlock (not the lines before it).
        bucket, entry = retry_on_conflict(
            functools.partial(_reconcile_line, **line, row=row, reconciled_by=reconciled_by),
            label="payments.reconcile_line",
        )
        report[bucket].append(entry)
    with transaction.atomic():
        audit_record(
            actor=reconciled_by,
            action="payment.statement_reconciled",
            object_type="payments.bankstatement",
            changes={k: len(v) for k, v in report.items()},
        )
    return report


# --- refunds ----------------------------------------------------------------------------


def _refundable(txn: Transaction) -> Decimal:
    pending = Refund.objects.filter(transaction=txn, status=Refund.Status.REQUESTED).aggregate(s=Sum("amount"))["s"]
    return txn.amount - txn.refunded_amount - (pending or Decimal("0"))


@transaction.atomic
def refund_request(*, txn: Transaction, amount: Decimal, reason: str, requested_by) -> Refund:
    txn = lock_one(Transaction, txn.pk)
    if txn.direction != Direction.IN or txn.status not in (
        TransactionStatus.SUCCEEDED,
        TransactionStatus.PARTIALLY_REFUNDED,
    ):
        raise ApplicationError("not_refundable", f"A {txn.status} payment cannot be refunded.", status=409)
    amount = money(amount)
    available = _refundable(txn)
    if amount > available:
        raise ApplicationError(
            "refund_too_large",
            f"At most {available} {txn.currency} can still be refunded.",
            errors=[{"field": "amount", "message": f"At most {available}.", "code": "max_value"}],
        )
    refund = Refund.objects.create(transaction=txn, amount=amount, reason=reason, requested_by=requested_by)
    audit_record(actor=requested_by, action="payment.refund_requested", target=refund, changes={"amount": amount})
    return refund


def cancellation_refunds_request(*, policy: Policy, requested_by) -> list[Refund]:
    """The pro-rata refund of a policy being cancelled (payments/cancellation.py, the same function
    as the preview), asked for as one refund per payment it comes from; staff decide them as any
    refund. Runs inside the cancellation's transaction under its policy lock. The payments are not
    locked here (the lock order puts them before the policy): a refund request moves no money, and
    the decision re-checks each payment's remainder under its lock, so money never leaves twice."""
    quote = cancellation_refund(policy)
    refunds = []
    for txn, amount in quote.allocations:
        refund = Refund(
            transaction=txn,
            amount=amount,
            reason=f"pro-rata refund: {policy.policy_number} cancelled on {quote.on.isoformat()}",
            requested_by=requested_by,
        )
        refund.full_clean()
        refund.save()
        audit_record(
            actor=requested_by,
            action="payment.refund_requested",
            target=refund,
            changes={"amount": amount, "cancelled_policy": policy.pk, "earned": quote.earned},
        )
        refunds.append(refund)
    return refunds


def refund_decide(*, refund: Refund, approve: bool, decided_by, note: str = "") -> Refund:
    """Staff decide; whoever asked for a refund may not approve it too (maker-checker).

    No row lock is held while a card provider is called: the decision and a pending payout are
    committed first (the payment's refundable amount is taken at once, so the same money cannot be
    approved twice), then the provider is called with the payout's reference as its idempotency key,
    and its answer is recorded in a second transaction. A refusal undoes the approval (the refund is
    requested again; 502); an answer lost on the way (timeout, a stopped process) leaves the payout
    pending, and `card_refunds_reconcile` (periodic) asks the provider again with the same key."""
    require(can_decide_refund(decided_by, refund), "Assessors do not decide refunds.")
    refund = retry_on_conflict(
        lambda: _refund_decision_record(refund_id=refund.pk, approve=approve, decided_by=decided_by, note=note),
        label="payments.refund_decide",
    )
    payout = refund.payout
    if payout is None or payout.method != Method.CARD or payout.payout_stage == PayoutStage.AWAITING_APPROVAL:
        return refund  # M-Pesa goes by B2C after commit; bank by the next payout file; held ones when released
    outcome, error = card_refund_send(payout=payout, actor=decided_by)
    if outcome == "refused":
        raise ApplicationError("card_provider_unavailable", error, status=502)
    refund.refresh_from_db()
    return refund


@transaction.atomic
def _refund_decision_record(*, refund_id, approve: bool, decided_by, note: str) -> Refund:
    refund = lock_one(Refund, refund_id)
    if refund.status != Refund.Status.REQUESTED:
        raise ApplicationError("already_decided", f"This refund is already {refund.status}.", status=409)
    if approve and refund.requested_by_id == decided_by.pk and decided_by.role != Role.ADMIN:
        raise ApplicationError("maker_checker", "Another staff member must approve a refund you requested.", status=403)
    refund.decided_by = decided_by
    if not approve:
        refund.status = Refund.Status.REJECTED
        refund.save()
        audit_record(actor=decided_by, action="payment.refund_rejected", target=refund, changes={"note": note})
        return refund
    txn = lock_one(Transaction, refund.transaction_id)  # refund, then transaction: the lock order
    if refund.amount > txn.amount - txn.refunded_amount:
        raise ApplicationError("refund_too_large", "The refund exceeds what remains of the payment.", status=409)
    payout = payout_create(
        amount=refund.amount,
        currency=txn.currency,
        method=txn.method,
        customer=txn.customer,
        policy=txn.policy,
        refund_of=txn,
        phone=txn.phone,
        created_by=decided_by,
        reason=f"refund of {txn.reference}: {refund.reason}",
    )
    txn.refunded_amount += refund.amount
    txn.status = _refunded_status(txn)
    txn.save()
    refund.status = Refund.Status.APPROVED
    refund.payout = payout
    refund.save()
    audit_record(
        actor=decided_by,
        action="payment.refund_approved",
        target=refund,
        changes={"amount": refund.amount, "payout": payout.pk, "payout_status": payout.status},
    )
    # The refund is under way; `payment.refunded` is said when its payout has left (payout_succeeded,
    # or the card provider's answer).
    return refund


def _refunded_status(txn: Transaction) -> str:
    if txn.refunded_amount == txn.amount:
        return TransactionStatus.REFUNDED
    return TransactionStatus.PARTIALLY_REFUNDED if txn.refunded_amount else TransactionStatus.SUCCEEDED


def _refunded(txn: Transaction, *, refund: Refund, actor) -> None:
    """A refund of the locked payment `txn` is under way: say so, and cancel an active policy all of
    whose payments are now refunded."""
    emit(
        "payment.refunded",
        {"transaction_id": str(txn.pk), "refund_id": str(refund.pk), "amount": str(refund.amount)},
        _audience(txn),
    )
    if txn.policy_id:
        policy = lock_one(Policy, txn.policy_id)  # last in the lock order
        paid_in = Transaction.objects.filter(policy=policy, direction=Direction.IN).aggregate(
            paid=Sum("amount"), refunded=Sum("refunded_amount")
        )
        if policy.status == PolicyStatus.ACTIVE and paid_in["paid"] and paid_in["paid"] == paid_in["refunded"]:
            policy_cancel(policy=policy, cancelled_by=actor, reason="every payment was refunded")


def card_refund_send(*, payout: Transaction, actor=None) -> tuple[str, str]:
    """Ask the card provider to pay out a pending card refund (outside any transaction) and record
    its answer. Returns (outcome, error): "succeeded"; "refused" (the approval is undone, the refund
    is requested again); "unknown" (no answer: still pending, asked again by card_refunds_reconcile,
    the same idempotency key making the provider answer with the refund it made, if it made one)."""
    original = Transaction.objects.get(pk=payout.refund_of_id)  # type: ignore[misc]  # a payout refunds one
    side_effect("card.refund")
    try:
        provider_id = cards.get_card_provider().refund(
            intent_id=original.provider_reference,
            amount=payout.amount,
            currency=payout.currency,
            reference=payout.reference,
        )
    except cards.CardProviderUnreachable as exc:
        logger.warning("card refund outcome unknown", extra={"payout": str(payout.pk), "error": str(exc)})
        return "unknown", str(exc)
    except cards.CardProviderError as exc:
        error = str(exc)
        retry_on_conflict(
            lambda: _card_refund_refused(payout_id=payout.pk, reason=error, actor=actor),
            label="payments.card_refund_refused",
        )
        return "refused", error
    retry_on_conflict(
        lambda: _card_refund_succeeded(payout_id=payout.pk, provider_id=provider_id, actor=actor),
        label="payments.card_refund_succeeded",
    )
    return "succeeded", ""


@transaction.atomic
def _card_refund_succeeded(*, payout_id, provider_id: str, actor) -> None:
    payout = Transaction.objects.get(pk=payout_id)
    refund = Refund.objects.filter(payout_id=payout_id).first()
    # All three locked in the lock order before anything is written (payout_succeeded relocks the
    # payment it refunds: a row this transaction holds already).
    refund, payout, _original = lock_objects(refund, payout, (Transaction, payout.refund_of_id))
    if payout.status != TransactionStatus.PENDING:
        return  # recorded already (by the reconciliation job, or the request itself)
    # As every payout that has left: audited, `payout.succeeded`, the payee told, the refund said.
    payout_succeeded(payout, receipt=provider_id, provider_reference=provider_id, actor=actor)


@transaction.atomic
def _card_refund_refused(*, payout_id, reason: str, actor) -> None:
    payout = Transaction.objects.get(pk=payout_id)
    refund = Refund.objects.filter(payout_id=payout_id).first()
    refund, payout, original = lock_objects(refund, payout, (Transaction, payout.refund_of_id))
    if payout.status != TransactionStatus.PENDING:
        return
    payout.status = TransactionStatus.FAILED
    payout.failure_reason = reason[:300]
    payout.completed_at = timezone.now()
    payout.save()
    original.refunded_amount -= payout.amount
    original.status = _refunded_status(original)
    original.save()
    if refund is not None:
        refund.status, refund.decided_by, refund.payout = Refund.Status.REQUESTED, None, None
        refund.save()
    audit_record(
        actor=actor,
        action="payment.refund_failed",
        target=payout,
        changes={"reason": reason, "refund": refund.pk if refund else None},
    )


def card_refunds_reconcile(*, older_than_minutes: int | None = None) -> dict:
    """Periodic: card refunds approved but without a recorded answer from the provider (it did not
    answer, or the process stopped between the call and the record) are asked again, with the same
    idempotency key, and the answer recorded."""
    minutes = older_than_minutes if older_than_minutes is not None else settings.CARD_REFUND_RECONCILE_AFTER_MINUTES
    cutoff = timezone.now() - timedelta(minutes=minutes)
    report = {"checked": 0, "succeeded": 0, "refused": 0, "unknown": 0}
    pending = (
        Transaction.objects.filter(
            method=Method.CARD,
            direction=Direction.OUT,
            status=TransactionStatus.PENDING,
            refund_of__isnull=False,
            created_at__lt=cutoff,
        )
        .exclude(payout_stage=PayoutStage.AWAITING_APPROVAL)
        .order_by("created_at")
    )
    for payout in pending[:200]:
        report["checked"] += 1
        outcome, _ = card_refund_send(payout=payout)
        report[outcome] += 1
    return report


# --- payouts ----------------------------------------------------------------------------

# How money leaves: M-Pesa and bank transfer (finance pays and confirms, payout_confirm), a cheque
# (written by finance, confirmed the same way) and a card refund (only back onto the card charged).
PAYOUT_METHODS = (Method.MPESA, Method.BANK_TRANSFER, Method.CHEQUE, Method.CARD)


def payout_create(
    *,
    amount: Decimal,
    currency: str,
    method: str,
    customer,
    policy: Policy | None,
    created_by,
    reason: str,
    payee: str = "",
    phone: str = "",
    refund_of: Transaction | None = None,
    attach: Callable[[Transaction], None] | None = None,
) -> Transaction:
    """The one place outgoing money is recorded: a pending outgoing transaction, its audit entry
    (`payment.payout_created`) and its event, in the caller's transaction (refund_decide, the claims'
    settlement_pay). It locks nothing: the caller holds what it pays from (a refund and its payment;
    a claim, its settlement and reserve), locked in the one lock order. A method payments cannot pay
    with is refused (400 `payout_method_unsupported`), never swapped for another. `attach(payout)`
    runs before the audit entry and event, for the caller to link what the payout pays (a claim's
    settlement), so the event reaches everyone who may read the payout through that link."""
    if method not in PAYOUT_METHODS:
        raise ApplicationError(
            "payout_method_unsupported",
            f"Payments cannot pay out by {method!r}; use one of {', '.join(PAYOUT_METHODS)}.",
            errors=[{"field": "method", "message": "Not a payout method.", "code": "invalid_choice"}],
        )
    if method == Method.CARD and (refund_of is None or refund_of.method != Method.CARD):
        raise ApplicationError(
            "payout_method_unsupported",
            "A card payout is only a refund of a card payment (onto the card charged).",
            errors=[{"field": "method", "message": "Card only refunds a card payment.", "code": "invalid_choice"}],
        )
    amount = money(amount)
    if amount <= 0:
        raise ApplicationError(
            "invalid_amount",
            "A payout is of a positive amount.",
            errors=[{"field": "amount", "message": "Must be positive.", "code": "min_value"}],
        )
    held = created_by is not None and amount > payout_authority(created_by)
    payout = Transaction.objects.create(
        reference=new_reference(),
        customer=customer,
        policy=policy,
        method=method,
        direction=Direction.OUT,
        amount=amount,
        currency=currency,
        status=TransactionStatus.PENDING,
        refund_of=refund_of,
        phone=phone,
        payee=payee[:200],
        payout_created_by=created_by,
        payout_stage=PayoutStage.AWAITING_APPROVAL if held else _released_stage(method),
    )
    if attach is not None:
        attach(payout)
    if not held:
        _send_after_commit(payout)
    audit_record(
        actor=created_by,
        action="payment.payout_created",
        target=payout,
        changes={
            "method": method,
            "amount": amount,
            "currency": currency,
            "payee": payee,
            "reason": reason,
            "refund_of": refund_of.pk if refund_of else None,
            "stage": payout.payout_stage,
        },
    )
    emit(
        "payment.payout_created",
        {"transaction_id": str(payout.pk), "reference": payout.reference, "amount": str(payout.amount),
         "currency": payout.currency, "method": payout.method, "stage": payout.payout_stage,
         "policy_id": str(payout.policy_id) if payout.policy_id else None,
         "refund_of": str(refund_of.pk) if refund_of else None},
        _audience(payout),
    )  # fmt: skip
    return payout


PAYOUT_SEND_TASK = "insurehub.payments.tasks.payout_send"


def _released_stage(method: str) -> str:
    """Where a payout within authority (or released) goes: M-Pesa and card are sent to their provider,
    a bank payout waits for the next payout file (still READY), a cheque is written by finance."""
    return PayoutStage.CONFIRMING if method == Method.CHEQUE else PayoutStage.READY


def _send_after_commit(payout: Transaction, *, released: bool = False) -> None:
    """An M-Pesa payout is handed to B2C once the transaction that made it ready commits (a card
    refund is sent by refund_decide itself, or here once released)."""
    sends = payout.method == Method.MPESA or (released and payout.method == Method.CARD)
    if sends and payout.payout_stage == PayoutStage.READY:
        transaction.on_commit(lambda: enqueue_by_name(PAYOUT_SEND_TASK, str(payout.pk)))


@transaction.atomic
def payout_release(*, payout: Transaction, released_by) -> Transaction:
    """A payout held above its payer's authority is released by a supervisor or admin within theirs,
    other than its payer (maker-checker; admins excepted), and goes on its way."""
    payout = lock_one(Transaction, payout.pk)
    if payout.direction != Direction.OUT or payout.payout_stage != PayoutStage.AWAITING_APPROVAL:
        raise ApplicationError(
            "not_awaiting_approval", "Only a payout waiting for a supervisor is released.", status=409
        )
    if payout.amount > payout_authority(released_by):
        raise ApplicationError(
            "above_authority",
            f"{payout.amount} is above your payout authority ({payout_authority(released_by)}).",
            status=403,
        )
    if payout.payout_created_by_id == released_by.pk and released_by.role != Role.ADMIN:
        raise ApplicationError("maker_checker", "Someone other than the payer must release it.", status=403)
    payout.payout_stage = _released_stage(payout.method)
    payout.payout_approved_by = released_by
    payout.save(update_fields=["payout_stage", "payout_approved_by", "updated_at"])
    audit_record(actor=released_by, action="payment.payout_released", target=payout, changes={"amount": payout.amount})
    emit(
        "payment.payout_released",
        {"transaction_id": str(payout.pk), "reference": payout.reference, "stage": payout.payout_stage},
        _audience(payout),
    )
    _send_after_commit(payout, released=True)
    return payout


def payout_succeeded(payout: Transaction, *, receipt: str, actor=None, provider_reference: str = "") -> None:
    """The locked pending payout has left: succeeded with the provider's receipt, audited, and one
    `payout.succeeded` event (claims settles the claim it pays, in this transaction), the payee told."""
    payout.status = TransactionStatus.SUCCEEDED
    payout.payout_stage = ""
    payout.receipt_number = receipt[:100]
    if provider_reference:
        payout.provider_reference = provider_reference[:100]
    payout.failure_reason = ""
    payout.completed_at = timezone.now()
    payout.save()
    audit_record(
        actor=actor,
        action="payment.payout_succeeded",
        target=payout,
        changes={"receipt": receipt, "amount": payout.amount},
    )
    refund = Refund.objects.filter(payout=payout).first()
    emit(
        "payout.succeeded",
        {
            "transaction_id": str(payout.pk),
            "reference": payout.reference,
            "amount": str(payout.amount),
            "currency": payout.currency,
            "method": payout.method,
            "receipt": payout.receipt_number,
            "refund_of": str(payout.refund_of_id) if payout.refund_of_id else None,
        },
        _audience(payout),
        context={"payout": payout, "actor": actor},
        notices=[
            Notice(
                recipient=payout.customer,
                topic="payments",
                kind="payout.succeeded",
                **notices.payout_succeeded(payout, receipt=receipt),
            )
        ],
    )
    if refund is not None:
        _refunded(lock_one(Transaction, payout.refund_of_id), refund=refund, actor=actor)


def payout_failed(payout: Transaction, *, reason: str, actor=None) -> None:
    """The locked pending payout did not leave (refused, or the provider has no record of it): failed
    with the reason, audited, one `payout.failed` event (claims sends the claim back to its agent),
    a refund it paid is asked for again (the payment's refundable amount given back), the payee told."""
    payout.status = TransactionStatus.FAILED
    payout.payout_stage = ""
    payout.failure_reason = reason[:300]
    payout.completed_at = timezone.now()
    payout.save()
    refund = Refund.objects.filter(payout=payout).first()
    if payout.refund_of_id:
        original = lock_one(Transaction, payout.refund_of_id)
        original.refunded_amount -= payout.amount
        original.status = _refunded_status(original)
        original.save()
    if refund is not None:
        refund.status, refund.decided_by, refund.payout = Refund.Status.REQUESTED, None, None
        refund.save()
    audit_record(
        actor=actor,
        action="payment.payout_failed",
        target=payout,
        changes={"reason": reason, "refund": refund.pk if refund else None},
    )
    emit(
        "payout.failed",
        {
            "transaction_id": str(payout.pk),
            "reference": payout.reference,
            "amount": str(payout.amount),
            "currency": payout.currency,
            "method": payout.method,
            "reason": payout.failure_reason,
            "refund_of": str(payout.refund_of_id) if payout.refund_of_id else None,
        },
        _audience(payout),
        context={"payout": payout, "actor": actor},
        notices=[
            Notice(
                recipient=payout.customer,
                topic="payments",
                kind="payout.failed",
                **notices.payout_failed(payout),
            )
        ],
    )


@transaction.atomic
def payout_confirm(*, payout: Transaction, provider_reference: str, confirmed_by) -> Transaction:
    """An operator records that a payout finance made by hand (a cheque written, a bank payment made
    outside the payout file, an M-Pesa payment made before B2C sent it) was paid: the outgoing
    transaction succeeds with that reference. A payout sent to its provider (M-Pesa B2C in flight, a
    card refund) is recorded from the provider's answer only."""
    refund = Refund.objects.filter(payout_id=payout.pk).first()
    refund, payout = lock_objects(refund, payout)  # the lock order: refund, then transaction
    if payout.direction != Direction.OUT or payout.status != TransactionStatus.PENDING:
        raise ApplicationError(
            "not_a_pending_payout", f"Only a pending outgoing payment can be confirmed (this one is {payout.status}).",
            status=409,
        )  # fmt: skip
    if payout.payout_stage == PayoutStage.AWAITING_APPROVAL:
        raise ApplicationError(
            "not_released", "This payout waits for a supervisor to release it; it cannot have been paid.", status=409
        )
    if payout.method == Method.CARD or payout.payout_stage == PayoutStage.SENT:
        raise ApplicationError(
            "payout_by_provider",
            "This payout is with its provider (M-Pesa, the card provider): its answer records it, not a confirmation.",
            status=409,
        )
    reference = provider_reference.strip()
    if Transaction.objects.filter(method=payout.method, provider_reference=reference).exclude(pk=payout.pk).exists():
        raise ApplicationError(
            "reference_used",
            "This provider reference is already recorded on another payment.",
            status=409,
            errors=[{"field": "provider_reference", "message": "Already recorded.", "code": "unique"}],
        )
    audit_record(actor=confirmed_by, action="payment.payout_confirmed", target=payout, changes={"reference": reference})
    payout_succeeded(payout, receipt=reference, provider_reference=reference, actor=confirmed_by)
    return payout
