"""Payments are accounting records: kept on erasure without the payer's phone number and without the
providers' messages about them (M-Pesa callbacks and B2C results carry the phone number and the name
the network holds, bank statement lines the payer's name and account)."""

from insurehub.payments.models import Transaction, TransactionStatus

ERASED = "erased"


def export(user) -> list:
    return [
        {
            "reference": t.reference,
            "method": t.method,
            "direction": t.direction,
            "amount": str(t.amount),
            "currency": t.currency,
            "status": t.status,
            "receipt_number": t.receipt_number,
            "phone": t.phone,
            # A payout (money to them): how far it went and, if it failed, why.
            "payout_stage": t.payout_stage,
            "failure_reason": t.failure_reason,
            "created_at": t.created_at.isoformat(),
            "completed_at": t.completed_at.isoformat() if t.completed_at else None,
        }
        for t in Transaction.objects.filter(customer=user).order_by("created_at")
    ]


def holds(user) -> list[str]:
    if Transaction.objects.filter(customer=user, status=TransactionStatus.PENDING).exists():
        return ["a payment or payout is still pending"]
    return []


def _without_bodies(payloads: list) -> list:
    """Each provider message keeps what it was and when, not what it said."""
    return [{"kind": item.get("kind"), "at": item.get("at"), "body": ERASED} for item in payloads]


def erase(user) -> dict:
    # The phone is sealed, its blind index not: both go ("" is stored as is, so the exclude holds).
    scrubbed = Transaction.objects.filter(customer=user).exclude(phone="").update(phone="", phone_hash="")
    # The messages are sealed too: which hold a body is known only once decrypted.
    with_messages = [
        t
        for t in Transaction.objects.filter(customer=user).only("pk", "provider_payloads")
        if any(item.get("body") != ERASED for item in t.provider_payloads or [])
    ]
    for t in with_messages:
        t.provider_payloads = _without_bodies(t.provider_payloads)
    Transaction.objects.bulk_update(with_messages, ["provider_payloads"], batch_size=500)
    return {
        "transactions_kept": Transaction.objects.filter(customer=user).count(),
        "phones_removed": scrubbed,
        "provider_messages_removed": len(with_messages),
    }
