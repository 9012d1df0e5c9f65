"""Payments are accounting records: kept on erasure without the payer's phone number."""

from insurehub.payments.models import Transaction, TransactionStatus


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
            "created_at": t.created_at.isoformat(),
        }
        for t in Transaction.objects.filter(customer=user)
    ]


def holds(user) -> list[str]:
    if Transaction.objects.filter(customer=user, status=TransactionStatus.PENDING).exists():
        return ["a payment or payout is still pending"]
    return []


def erase(user) -> dict:
    scrubbed = Transaction.objects.filter(customer=user).exclude(phone="").update(phone="")
    return {"transactions_kept": Transaction.objects.filter(customer=user).count(), "phones_removed": scrubbed}
