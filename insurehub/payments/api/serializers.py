from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from insurehub.core.serializers import MoneyField, StrictSerializer
from insurehub.payments.models import Instalment, PaymentSchedule, PayoutStage, Refund, Transaction
from insurehub.policies.models import CURRENCIES


class TransactionOutputSerializer(serializers.ModelSerializer):
    amount = MoneyField()
    refunded_amount = MoneyField()
    # Blank on every payment (money in): only payouts have a stage.
    payout_stage = serializers.ChoiceField(choices=PayoutStage.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Transaction
        fields = [
            "id",
            "reference",
            "customer",
            "policy",
            "instalment",
            "method",
            "direction",
            "amount",
            "currency",
            "status",
            "refunded_amount",
            "provider_reference",
            "receipt_number",
            "failure_reason",
            "refund_of",
            "payout_stage",
            "payout_batch",
            "sent_at",
            "created_at",
            "completed_at",
        ]
        read_only_fields = fields


class PayoutClaimSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    claim_number = serializers.CharField()


class PayoutOutputSerializer(TransactionOutputSerializer):
    """A payout on the payouts desk: the transaction, its payee, and what it pays (a claim's
    settlement or a refund)."""

    payee = serializers.CharField(read_only=True)
    claim = serializers.SerializerMethodField()
    refund = serializers.SerializerMethodField()

    class Meta(TransactionOutputSerializer.Meta):
        fields = [*TransactionOutputSerializer.Meta.fields, "payee", "claim", "refund"]
        read_only_fields = fields

    @extend_schema_field(PayoutClaimSerializer(allow_null=True))
    def get_claim(self, txn: Transaction) -> dict | None:
        # Joined (payouts_visible_to): a settlement pays one claim.
        settlement = getattr(txn, "claim_settlement", None)
        if settlement is None:
            return None
        return {"id": str(settlement.claim.pk), "claim_number": settlement.claim.claim_number}

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_refund(self, txn: Transaction) -> str | None:
        refund = getattr(txn, "refund_record", None)
        return str(refund.pk) if refund is not None else None


class InstalmentOutputSerializer(serializers.ModelSerializer):
    amount = MoneyField()

    class Meta:
        model = Instalment
        fields = ["id", "sequence", "due_date", "amount", "status", "paid_at"]
        read_only_fields = fields


class ScheduleOutputSerializer(serializers.ModelSerializer):
    total = MoneyField()
    instalments = InstalmentOutputSerializer(many=True, read_only=True)

    class Meta:
        model = PaymentSchedule
        fields = ["id", "policy", "plan", "total", "currency", "instalments", "created_at"]
        read_only_fields = fields


class PayInputSerializer(StrictSerializer):
    policy = serializers.UUIDField()
    instalment = serializers.UUIDField(required=False)
    amount = MoneyField(required=False, min_value=Decimal("0.01"))
    currency = serializers.ChoiceField(choices=CURRENCIES, required=False)


class StkPushInputSerializer(PayInputSerializer):
    phone = serializers.CharField(max_length=20)


class StkPushOutputSerializer(serializers.Serializer):
    transaction = TransactionOutputSerializer()
    customer_message = serializers.CharField()


class CardIntentOutputSerializer(serializers.Serializer):
    transaction = TransactionOutputSerializer()
    client_secret = serializers.CharField()
    provider = serializers.CharField()
    publishable_key = serializers.CharField(
        allow_blank=True, help_text="Stripe's publishable key for its card form in the browser; empty for the sandbox."
    )


class BankDetailsSerializer(serializers.Serializer):
    bank = serializers.CharField()
    account_name = serializers.CharField()
    account_number = serializers.CharField()
    branch = serializers.CharField()
    swift = serializers.CharField()


class BankTransferOutputSerializer(serializers.Serializer):
    transaction = TransactionOutputSerializer()
    pay_to = BankDetailsSerializer()
    instructions = serializers.CharField()


class SandboxSettleInputSerializer(StrictSerializer):
    outcome = serializers.ChoiceField(choices=["succeeded", "failed"])


class RefundInputSerializer(StrictSerializer):
    transaction = serializers.UUIDField()
    amount = MoneyField(min_value=Decimal("0.01"))
    reason = serializers.CharField(max_length=500)


class RefundDecisionInputSerializer(StrictSerializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class PayoutConfirmInputSerializer(StrictSerializer):
    provider_reference = serializers.CharField(max_length=100, help_text="The M-Pesa or bank reference of the payout.")


class RefundOutputSerializer(serializers.ModelSerializer):
    amount = MoneyField()

    class Meta:
        model = Refund
        fields = [
            "id",
            "transaction",
            "amount",
            "reason",
            "status",
            "requested_by",
            "decided_by",
            "payout",
            "created_at",
        ]
        read_only_fields = fields


class CancellationQuoteOutputSerializer(serializers.Serializer):
    """What cancelling the policy today would give back (payments/cancellation.py)."""

    policy = serializers.UUIDField(source="policy.pk")
    on = serializers.DateField(help_text="The day of cancellation the figures are for (today); cover ends with it.")
    days_in_period = serializers.IntegerField()
    days_covered = serializers.IntegerField(help_text="Days of cover used, the day of cancellation included.")
    paid = MoneyField(source="kept", help_text="What the customer's payments hold, net of refunds made or asked for.")
    earned = MoneyField(help_text="The premium for the days covered: premium x days_covered / days_in_period.")
    refund = MoneyField(help_text="paid - earned, never below zero: asked for when the policy is cancelled.")
    currency = serializers.CharField()


class CallbackAckSerializer(serializers.Serializer):
    ResultCode = serializers.IntegerField()
    ResultDesc = serializers.CharField()


class StatementUploadSerializer(StrictSerializer):
    file = serializers.FileField(
        help_text="The bank statement: a UTF-8 CSV with date, reference, amount, currency and bank_reference columns."
    )


class ReconcileReportSerializer(serializers.Serializer):
    matched = serializers.ListField(child=serializers.DictField())
    paid_out = serializers.ListField(child=serializers.DictField(), help_text="Debit lines that paid our payouts.")
    already_credited = serializers.ListField(child=serializers.DictField())
    duplicate = serializers.ListField(
        child=serializers.DictField(), help_text="Debit lines for a payout already paid: reported, never recorded."
    )
    unmatched = serializers.ListField(child=serializers.DictField())
