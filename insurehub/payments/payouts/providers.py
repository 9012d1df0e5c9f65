"""The payout provider interface, and one provider per payout method.

`send(payout)` hands a ready payout to the provider and says whether it was accepted (its result may
come later) or refused (with the reason); `status(payout)` asks the provider about a payout sent whose
result has not come (its answer, for M-Pesa, arrives at our status-result callback). Providers call
the network only; what their answers mean for our rows is recorded by payouts.flow."""

from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings

from insurehub.payments import daraja
from insurehub.payments.models import Method, PayoutStage, Transaction


@dataclass(frozen=True)
class SendResult:
    accepted: bool
    stage: str = PayoutStage.SENT  # where an accepted payout waits
    provider_reference: str = ""
    reason: str = ""  # why it was refused
    unknown: bool = False  # no answer (unreachable, timeout): it may have been accepted
    raw: dict = field(default_factory=dict)


class PayoutProvider(Protocol):
    method: str

    def send(self, payout: Transaction) -> SendResult: ...

    def status(self, payout: Transaction) -> bool:
        """Ask about the payout; True when the question was taken (the answer comes by callback)."""
        ...


def _callback_url(kind: str) -> str:
    base = settings.MPESA_CALLBACK_BASE_URL.rstrip("/")
    return f"{base}/api/payments/mpesa/b2c/{kind}/?token={settings.MPESA_CALLBACK_SECRET}"


class MpesaB2CProvider:
    method = Method.MPESA

    def __init__(self):
        self.client = daraja.DarajaClient()

    def refusal(self, payout: Transaction) -> str:
        """Why this payout cannot go by B2C at all ("" when it can)."""
        if not self.client.b2c_configured:
            return "M-Pesa B2C is not configured on this server"
        if payout.currency != "KES":
            return "M-Pesa pays Kenyan shillings only"
        if not daraja.payable_by_b2c(payout.amount):
            return f"M-Pesa B2C pays whole shillings only; {payout.amount} has cents"
        try:
            daraja.normalise_phone(payout.phone)
        except ValueError:
            return "the payee has no M-Pesa number on record"
        return ""

    def send(self, payout: Transaction) -> SendResult:
        reason = self.refusal(payout)
        if reason:
            return SendResult(accepted=False, reason=reason)
        try:
            accepted = self.client.b2c_payment(
                reference=payout.reference,
                phone=daraja.normalise_phone(payout.phone),
                amount=payout.amount,
                remarks=f"InsureHub {payout.reference}",
                occasion=(payout.payee or "payout")[:100],
                result_url=_callback_url("result"),
                timeout_url=_callback_url("timeout"),
            )
        except daraja.DarajaError as exc:
            return SendResult(accepted=False, reason=f"M-Pesa refused the payout: {exc}", unknown=exc.retryable)
        return SendResult(accepted=True, provider_reference=accepted.conversation_id, raw=accepted.raw)

    def status(self, payout: Transaction) -> bool:
        try:
            self.client.transaction_status(
                reference=payout.reference,
                receipt=payout.receipt_number,
                result_url=_callback_url("status-result"),
                timeout_url=_callback_url("timeout"),
            )
        except daraja.DarajaError:
            return False
        return True


class BankFileProvider:
    """Bank payouts go in the next payout file (batches.py): "sending" one leaves it ready for it."""

    method = Method.BANK_TRANSFER

    def send(self, payout: Transaction) -> SendResult:
        return SendResult(accepted=True, stage=PayoutStage.READY)

    def status(self, payout: Transaction) -> bool:
        return False  # the bank statement tells (reconciliation)


class ChequeProvider:
    """Finance writes the cheque; a supervisor confirms it (payout_confirm)."""

    method = Method.CHEQUE

    def send(self, payout: Transaction) -> SendResult:
        return SendResult(accepted=True, stage=PayoutStage.CONFIRMING)

    def status(self, payout: Transaction) -> bool:
        return False


PROVIDERS: dict[str, type] = {
    Method.MPESA: MpesaB2CProvider,
    Method.BANK_TRANSFER: BankFileProvider,
    Method.CHEQUE: ChequeProvider,
}


def provider_for(method: str) -> PayoutProvider:
    """The provider that pays out by `method` (card refunds go by services.card_refund_send)."""
    return PROVIDERS[method]()


__all__ = ["PROVIDERS", "BankFileProvider", "ChequeProvider", "MpesaB2CProvider", "SendResult", "provider_for"]
