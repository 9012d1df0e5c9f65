"""Money movements: transactions (in and out), payment schedules with instalments, refunds,
and bank statements for reconciliation (the idempotency keys of money-moving requests are in core)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from insurehub.core.encryption import blind_index
from insurehub.core.fields import EncryptedJSONField, EncryptedTextField
from insurehub.core.models import BaseModel
from insurehub.policies.models import CURRENCIES


def phone_index(phone: str) -> str:
    """The blind index of a transaction's phone (stored normalised: 2547XXXXXXXX)."""
    return blind_index(phone, purpose="phone")


def normalised_phone_or_as_is(term: str) -> str:
    """A searched phone as transactions store it (0712... -> 2547...), else the term unchanged."""
    from insurehub.payments.daraja import normalise_phone

    try:
        return normalise_phone(term)
    except ValueError:
        return term


class Method(models.TextChoices):
    MPESA = "mpesa", "M-Pesa"
    CARD = "card", "Card"
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    CHEQUE = "cheque", "Cheque"  # outgoing only: a claim settled by cheque (finance writes it, payout_confirm)


class Direction(models.TextChoices):
    IN = "in", "Incoming"
    OUT = "out", "Outgoing"


class TransactionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"
    REFUNDED = "refunded", "Refunded"
    PARTIALLY_REFUNDED = "partially_refunded", "Partially refunded"


FINAL_STATUSES = {
    TransactionStatus.SUCCEEDED,
    TransactionStatus.FAILED,
    TransactionStatus.CANCELLED,
    TransactionStatus.REFUNDED,
    TransactionStatus.PARTIALLY_REFUNDED,
}


class PaymentSchedule(BaseModel):
    policy = models.OneToOneField("policies.Policy", on_delete=models.PROTECT, related_name="payment_schedule")
    plan = models.CharField(max_length=16)
    total = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, choices=CURRENCIES)

    def __str__(self) -> str:
        return f"{self.plan} schedule of {self.policy_id}"


class Instalment(BaseModel):
    class Status(models.TextChoices):
        DUE = "due", "Due"
        PAID = "paid", "Paid"
        WAIVED = "waived", "Waived"

    schedule = models.ForeignKey(PaymentSchedule, on_delete=models.CASCADE, related_name="instalments")
    sequence = models.PositiveSmallIntegerField()
    due_date = models.DateField(db_index=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DUE)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["schedule", "sequence"]
        constraints = [models.UniqueConstraint(fields=["schedule", "sequence"], name="payments_instalment_seq")]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.amount} due {self.due_date}"


class PayoutStage(models.TextChoices):
    """Where a pending outgoing transaction is on its way out (blank on incoming ones and once final)."""

    AWAITING_APPROVAL = "awaiting_approval", "Awaiting a supervisor (above the payer's authority)"
    READY = "ready", "Ready to send"
    SENT = "sent", "Sent: the provider accepted it, its result is awaited"
    BATCHED = "batched", "In a bank payout file: the bank statement will show it"
    CONFIRMING = "confirming", "Paid by finance (a cheque): awaiting its confirmation"


class PayoutBatch(BaseModel):
    """One bank payout file (CSV, docs/operations.md): every bank payout ready when it was made, once.
    Its lines are marked paid when the bank statement showing them is reconciled."""

    reference = models.CharField(max_length=24, unique=True)
    currency = models.CharField(max_length=3, choices=CURRENCIES)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    line_count = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=16, decimal_places=2)
    content = EncryptedTextField()  # the CSV as handed to the bank (payees' names: sealed at rest)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.reference} ({self.line_count} lines, {self.total} {self.currency})"


class Transaction(BaseModel):
    reference = models.CharField(max_length=24, unique=True)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="transactions")
    policy = models.ForeignKey(
        "policies.Policy", null=True, blank=True, on_delete=models.PROTECT, related_name="transactions"
    )
    instalment = models.ForeignKey(
        Instalment, null=True, blank=True, on_delete=models.PROTECT, related_name="transactions"
    )
    method = models.CharField(max_length=16, choices=Method.choices)
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.IN)
    amount = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])
    currency = models.CharField(max_length=3, choices=CURRENCIES)
    status = models.CharField(
        max_length=20, choices=TransactionStatus.choices, default=TransactionStatus.PENDING, db_index=True
    )
    refunded_amount = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"))
    # The provider's id for this payment (M-Pesa CheckoutRequestID, Stripe PaymentIntent id, bank reference)
    provider_reference = models.CharField(max_length=100, blank=True, db_index=True)
    receipt_number = models.CharField(max_length=100, blank=True)  # e.g. MpesaReceiptNumber
    # Personal data, sealed at rest (core.fields): the payer's or payee's phone (found again by its
    # blind index phone_hash, of the normalised 2547... number) and every provider message (M-Pesa
    # callbacks and B2C results name the phone and its holder, bank statement lines the payer).
    phone = EncryptedTextField(max_length=16, blank=True, default="")
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    provider_payloads = EncryptedJSONField(default=list, blank=True)
    failure_reason = models.CharField(max_length=300, blank=True)
    refund_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="refunds_out")
    completed_at = models.DateTimeField(null=True, blank=True)
    # Outgoing only: the payout's way out (PayoutStage), who released one held above the payer's
    # authority, when it was handed to its provider, the payee's name, and the bank file it went in.
    payout_stage = models.CharField(max_length=20, choices=PayoutStage.choices, blank=True, db_index=True)
    payout_created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payout_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payee = EncryptedTextField(max_length=200, blank=True, default="")
    sent_at = models.DateTimeField(null=True, blank=True)
    payout_batch = models.ForeignKey(
        PayoutBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="payouts"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["customer", "-created_at"]),
            models.Index(fields=["method", "status"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payments_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(refunded_amount__lte=models.F("amount")), name="payments_refund_within_amount"
            ),
            models.UniqueConstraint(
                fields=["method", "provider_reference"],
                condition=~models.Q(provider_reference=""),
                name="payments_unique_provider_reference",
            ),
        ]

    # Sealed fields searched by their blind index (core.sealing fills them for plaintext rows).
    BLIND_INDEXES = {"phone": ("phone_hash", "phone", str)}

    def __str__(self) -> str:
        return f"{self.reference} {self.amount} {self.currency} {self.status}"

    def save(self, *args, **kwargs):
        self.phone_hash = phone_index(self.phone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "phone" in update_fields:
            kwargs["update_fields"] = {*update_fields, "phone_hash"}
        super().save(*args, **kwargs)


class Refund(BaseModel):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        APPROVED = "approved", "Approved and paid out"
        REJECTED = "rejected", "Rejected"

    transaction = models.ForeignKey(Transaction, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])
    reason = models.CharField(max_length=500)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payout = models.OneToOneField(
        Transaction, null=True, blank=True, on_delete=models.PROTECT, related_name="refund_record"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"refund {self.amount} of {self.transaction_id} ({self.status})"


class BankStatement(BaseModel):
    """An uploaded bank statement (CSV); reconciling it credits matching transfers once."""

    file = models.FileField(upload_to="bank-statements/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    reconciled_at = models.DateTimeField(null=True, blank=True)
    report = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"statement {self.created_at:%Y-%m-%d}"


class StatementLine(BaseModel):
    """Each bank line credited once, whatever statement it came in."""

    bank_reference = models.CharField(max_length=100, unique=True)
    transaction = models.ForeignKey(Transaction, on_delete=models.PROTECT, related_name="statement_lines")
    amount = models.DecimalField(max_digits=14, decimal_places=2)

    def __str__(self) -> str:
        return self.bank_reference
