"""Every money movement: schedules, M-Pesa / card / bank-transfer payments, provider callbacks,
bank reconciliation and refunds. Money is Decimal; rows that money touches are locked in a fixed
order (transaction, then instalment, then policy) so concurrent callbacks credit exactly once."""

import csv
import io
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.core import web_links
from insurehub.core.errors import ApplicationError
from insurehub.core.money import format_money, money, split_evenly
from insurehub.core.roles import Role
from insurehub.payments import cards, daraja
from insurehub.payments.models import (
    FINAL_STATUSES,
    Direction,
    Instalment,
    Method,
    PaymentSchedule,
    Refund,
    StatementLine,
    Transaction,
    TransactionStatus,
)
from insurehub.policies.models import PaymentPlan, Policy, PolicyStatus
from insurehub.policies.selectors import record_audience
from insurehub.realtime.services import publish

logger = logging.getLogger(__name__)

MONTHS_PER_INSTALMENT = {PaymentPlan.MONTHLY: 1, PaymentPlan.QUARTERLY: 3}
PAYABLE_POLICY_STATUSES = {PolicyStatus.PENDING_PAYMENT, PolicyStatus.ACTIVE, PolicyStatus.LAPSED}
RECEIPT_LABEL = {Method.MPESA: "M-Pesa receipt", Method.CARD: "card charge", Method.BANK_TRANSFER: "bank reference"}
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


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
    return record_audience(customer_id=txn.customer_id, policy_id=txn.policy_id)


def _record_payload(txn: Transaction, kind: str, payload) -> None:
    txn.provider_payloads = [*txn.provider_payloads, {"kind": kind, "at": timezone.now().isoformat(), "body": payload}]


def _credit(txn: Transaction, *, actor=None) -> None:
    """A locked, newly succeeded incoming transaction: pay its instalment, move the policy."""
    from insurehub.notifications.services import notify
    from insurehub.policies.services import policy_activate, policy_reinstate

    instalment = Instalment.objects.select_for_update().get(pk=txn.instalment_id) if txn.instalment_id else None
    duplicate = instalment is not None and instalment.status != Instalment.Status.DUE
    if instalment is not None and not duplicate:
        instalment.status = Instalment.Status.PAID
        instalment.paid_at = txn.completed_at
        instalment.save(update_fields=["status", "paid_at", "updated_at"])
    publish(
        "payment.succeeded",
        {"transaction_id": str(txn.pk), "reference": txn.reference, "amount": str(txn.amount), "currency": txn.currency,
         "policy_id": str(txn.policy_id) if txn.policy_id else None, "method": txn.method},
        _audience(txn),
    )  # fmt: skip
    if duplicate:
        # Paid twice (e.g. by M-Pesa and card): keep the money on record and queue its refund.
        Refund.objects.create(
            transaction=txn, amount=txn.amount, reason=f"instalment {instalment.sequence} was already paid",
            requested_by=txn.customer,
        )  # fmt: skip
        audit_record(
            actor=actor, action="payment.duplicate_detected", target=txn, changes={"instalment": instalment.pk}
        )
    elif txn.policy_id:
        policy = Policy.objects.select_for_update().get(pk=txn.policy_id)
        if policy.status == PolicyStatus.PENDING_PAYMENT:
            policy_activate(policy=policy, actor=actor)
        elif policy.status == PolicyStatus.LAPSED and not _overdue_instalments(policy).exists():
            policy_reinstate(policy=policy)
    notify(
        recipient=txn.customer,
        topic="payments",
        kind="payment.succeeded",
        title=f"We have received your payment of {format_money(txn.amount, txn.currency)}.",
        body=f"Payment reference {txn.reference}"
        + (f", {RECEIPT_LABEL[txn.method]} {txn.receipt_number}" if txn.receipt_number else "")
        + ".",
        link=web_links.policy_page(txn.policy_id) if txn.policy_id else "",
    )


def _overdue_instalments(policy: Policy):
    limit = timezone.localdate() - timedelta(days=settings.POLICY_GRACE_DAYS)
    return Instalment.objects.filter(schedule__policy=policy, status=Instalment.Status.DUE, due_date__lt=limit)


def _fail(txn: Transaction, *, status: str, reason: str) -> None:
    from insurehub.notifications.services import notify

    txn.status = status
    txn.failure_reason = reason[:300]
    txn.completed_at = timezone.now()
    txn.save()
    publish(
        "payment.failed",
        {"transaction_id": str(txn.pk), "reference": txn.reference, "reason": txn.failure_reason, "method": txn.method},
        _audience(txn),
    )
    audit_record(actor=None, action="payment.failed", target=txn, changes={"status": status, "reason": reason})
    notify(
        recipient=txn.customer,
        topic="payments",
        kind="payment.failed",
        title=f"Your payment of {format_money(txn.amount, txn.currency)} did not go through.",
        body=(f"{txn.failure_reason.rstrip('.')}. " if txn.failure_reason else "")
        + f"Payment reference {txn.reference}. You can try again.",
        link=web_links.policy_payment_page(txn.policy_id) if txn.policy_id else "",
    )


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
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        payable = payable_for(policy=policy, instalment=instalment, amount=amount, currency=currency)
        txn = _new_transaction(payable, method=Method.MPESA, created_by=initiated_by, phone=msisdn)
    # The provider is called outside our transaction: the row exists whatever happens next.
    try:
        result = client.stk_push(
            phone=msisdn,
            amount=txn.amount,
            reference=txn.reference,  # 12 characters, Daraja's AccountReference limit; unique per payment
            description="Premium",
            callback_url=mpesa_callback_url(),
        )
    except daraja.DarajaError as exc:
        with transaction.atomic():
            txn = Transaction.objects.select_for_update().get(pk=txn.pk)
            _fail(txn, status=TransactionStatus.FAILED, reason=f"STK push refused: {exc}")
        raise ApplicationError("mpesa_unavailable", f"M-Pesa did not accept the request: {exc}", status=502) from exc
    with transaction.atomic():
        txn = Transaction.objects.select_for_update().get(pk=txn.pk)
        txn.provider_reference = result.checkout_request_id
        _record_payload(txn, "stk_push", result.raw)
        txn.save()
    return txn


@transaction.atomic
def mpesa_callback_record(*, payload: dict) -> str:
    """Apply Daraja's STK callback. Idempotent: a repeat (or 20 at once) credits once."""
    try:
        callback = payload["Body"]["stkCallback"]
        checkout_id = str(callback["CheckoutRequestID"])
        result_code = int(callback["ResultCode"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ApplicationError("malformed_callback", "Not an STK callback.") from exc
    txn = Transaction.objects.select_for_update().filter(method=Method.MPESA, provider_reference=checkout_id).first()
    if txn is None:
        logger.warning("mpesa callback for unknown checkout", extra={"checkout_request_id": checkout_id})
        raise ApplicationError("unknown_checkout", "No payment waits for this CheckoutRequestID.", status=404)
    if txn.status in FINAL_STATUSES:
        return "duplicate"
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
            locked = Transaction.objects.select_for_update().get(pk=txn.pk)
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


def card_intent_create(
    *, policy: Policy, instalment: Instalment | None, initiated_by, amount=None, currency=None
) -> tuple[Transaction, str]:
    provider = cards.get_card_provider()
    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        payable = payable_for(policy=policy, instalment=instalment, amount=amount, currency=currency)
        txn = _new_transaction(payable, method=Method.CARD, created_by=initiated_by)
    try:
        intent = provider.create_intent(amount=txn.amount, currency=txn.currency, reference=txn.reference)
    except cards.CardProviderError as exc:
        with transaction.atomic():
            txn = Transaction.objects.select_for_update().get(pk=txn.pk)
            _fail(txn, status=TransactionStatus.FAILED, reason=str(exc))
        raise ApplicationError("card_provider_unavailable", str(exc), status=502) from exc
    with transaction.atomic():
        txn = Transaction.objects.select_for_update().get(pk=txn.pk)
        txn.provider_reference = intent.id
        _record_payload(txn, "intent", {k: v for k, v in intent.raw.items() if k != "client_secret"})
        txn.save()
    return txn, intent.client_secret


@transaction.atomic
def card_webhook_record(*, event: dict) -> str:
    kind = event.get("type")
    intent = (event.get("data") or {}).get("object") or {}
    if kind not in ("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled"):
        return "ignored"
    txn = (
        Transaction.objects.select_for_update()
        .filter(method=Method.CARD, provider_reference=intent.get("id", ""))
        .first()
    )
    if txn is None:
        raise ApplicationError("unknown_intent", "No payment waits for this intent.", status=404)
    if txn.status in FINAL_STATUSES:
        return "duplicate"
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
    txn = Transaction.objects.select_for_update().get(pk=txn.pk)
    if txn.method != Method.CARD or not txn.provider_reference.startswith("pi_sandbox_"):
        raise ApplicationError("not_sandbox", "Only sandbox card payments can be settled here.", status=409)
    if txn.status in FINAL_STATUSES:
        raise ApplicationError("already_settled", f"This payment is already {txn.status}.", status=409)
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
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        payable = payable_for(policy=policy, instalment=instalment, amount=amount, currency=currency)
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


def bank_statement_reconcile(*, content: str, reconciled_by) -> dict:
    """Match statement lines (CSV: date, reference, amount, currency, bank_reference) to pending
    transfers by reference and exact amount. Each bank line credits at most once, ever."""
    reader = csv.DictReader(io.StringIO(content))
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise ApplicationError("bad_statement", f"The statement lacks columns: {', '.join(sorted(missing))}.")
    report = {"matched": [], "already_credited": [], "unmatched": []}
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
        try:
            with transaction.atomic():
                if StatementLine.objects.filter(bank_reference=bank_reference).exists():
                    report["already_credited"].append({"line": line_number, "bank_reference": bank_reference})
                    continue
                txn = (
                    Transaction.objects.select_for_update()
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
                if reason:
                    report["unmatched"].append({"line": line_number, "reference": reference, "reason": reason})
                    continue
                StatementLine.objects.create(bank_reference=bank_reference, transaction=txn, amount=amount)
                txn.provider_reference = bank_reference
                _record_payload(txn, "statement", row)
                _succeed(txn, receipt=bank_reference, actor=reconciled_by)
                report["matched"].append({"line": line_number, "reference": reference, "transaction": str(txn.pk)})
        except IntegrityError:
            report["already_credited"].append({"line": line_number, "bank_reference": bank_reference})
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
    txn = Transaction.objects.select_for_update().get(pk=txn.pk)
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


@transaction.atomic
def refund_decide(*, refund: Refund, approve: bool, decided_by, note: str = "") -> Refund:
    """Staff decide; whoever asked for a refund may not approve it too (maker-checker)."""
    refund = Refund.objects.select_for_update().get(pk=refund.pk)
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
    txn = Transaction.objects.select_for_update().get(pk=refund.transaction_id)
    if refund.amount > txn.amount - txn.refunded_amount:
        raise ApplicationError("refund_too_large", "The refund exceeds what remains of the payment.", status=409)
    provider_id, payout_status = "", TransactionStatus.PENDING
    if txn.method == Method.CARD:
        try:
            provider_id = cards.get_card_provider().refund(
                intent_id=txn.provider_reference, amount=refund.amount, currency=txn.currency
            )
        except cards.CardProviderError as exc:
            raise ApplicationError("card_provider_unavailable", str(exc), status=502) from exc
        payout_status = TransactionStatus.SUCCEEDED
    payout = Transaction.objects.create(
        reference=new_reference(),
        customer=txn.customer,
        policy=txn.policy,
        method=txn.method,
        direction=Direction.OUT,
        amount=refund.amount,
        currency=txn.currency,
        status=payout_status,
        provider_reference=provider_id,
        refund_of=txn,
        phone=txn.phone,
        completed_at=timezone.now() if payout_status == TransactionStatus.SUCCEEDED else None,
    )
    txn.refunded_amount += refund.amount
    txn.status = (
        TransactionStatus.REFUNDED if txn.refunded_amount == txn.amount else TransactionStatus.PARTIALLY_REFUNDED
    )
    txn.save()
    refund.status = Refund.Status.APPROVED
    refund.payout = payout
    refund.save()
    audit_record(
        actor=decided_by,
        action="payment.refund_approved",
        target=refund,
        changes={"amount": refund.amount, "payout": payout.pk, "payout_status": payout_status},
    )
    publish(
        "payment.refunded",
        {"transaction_id": str(txn.pk), "refund_id": str(refund.pk), "amount": str(refund.amount)},
        _audience(txn),
    )
    if txn.policy_id:
        policy = Policy.objects.select_for_update().get(pk=txn.policy_id)
        paid_in = Transaction.objects.filter(policy=policy, direction=Direction.IN).aggregate(
            paid=Sum("amount"), refunded=Sum("refunded_amount")
        )
        if policy.status == PolicyStatus.ACTIVE and paid_in["paid"] and paid_in["paid"] == paid_in["refunded"]:
            from insurehub.policies.services import policy_cancel

            policy_cancel(policy=policy, cancelled_by=decided_by, reason="every payment was refunded")
    return refund


@transaction.atomic
def payout_confirm(*, payout: Transaction, provider_reference: str, confirmed_by) -> Transaction:
    """An operator records that a refund paid out outside the providers we call (an M-Pesa B2C or
    bank payment made by finance): the outgoing transaction succeeds with that reference."""
    payout = Transaction.objects.select_for_update().get(pk=payout.pk)
    if payout.direction != Direction.OUT or payout.status != TransactionStatus.PENDING:
        raise ApplicationError(
            "not_a_pending_payout", f"Only a pending outgoing payment can be confirmed (this one is {payout.status}).",
            status=409,
        )  # fmt: skip
    reference = provider_reference.strip()
    if Transaction.objects.filter(method=payout.method, provider_reference=reference).exclude(pk=payout.pk).exists():
        raise ApplicationError(
            "reference_used",
            "This provider reference is already recorded on another payment.",
            status=409,
            errors=[{"field": "provider_reference", "message": "Already recorded.", "code": "unique"}],
        )
    payout.provider_reference = reference
    payout.receipt_number = reference
    payout.status = TransactionStatus.SUCCEEDED
    payout.completed_at = timezone.now()
    payout.save()
    audit_record(actor=confirmed_by, action="payment.payout_confirmed", target=payout, changes={"reference": reference})
    publish(
        "payment.payout_confirmed",
        {"transaction_id": str(payout.pk), "refund_of": str(payout.refund_of_id), "amount": str(payout.amount)},
        _audience(payout),
    )
    return payout
