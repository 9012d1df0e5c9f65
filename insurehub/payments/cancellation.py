"""What cancelling a policy gives back: the premium paid, less the part earned by the days covered.

    earned = premium x days covered / days in the policy's period      (days covered: from the start
                                                                        date through the day of
                                                                        cancellation; 0 before the start)
    refund = max(0, kept - earned)                                      (kept: what the customer's
                                                                        payments still hold, net of
                                                                        refunds made or requested)

One function answers both the preview (`GET /api/policies/{id}/cancellation-quote/`) and the
refund requests that the cancellation itself makes (receivers.policy_moved), so the two cannot
differ. The refund is spread over the policy's payments, newest first.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from insurehub.core.money import money
from insurehub.payments.models import Direction, Refund, Transaction, TransactionStatus
from insurehub.policies.models import Policy

_KEEPS_MONEY = (TransactionStatus.SUCCEEDED, TransactionStatus.PARTIALLY_REFUNDED)


@dataclass(frozen=True)
class CancellationRefund:
    policy: Policy
    on: date
    days_in_period: int
    days_covered: int
    kept: Decimal
    earned: Decimal
    refund: Decimal
    # (payment, amount) pairs adding up to `refund`, newest payment first.
    allocations: tuple[tuple[Transaction, Decimal], ...]

    @property
    def currency(self) -> str:
        return self.policy.currency


def cancellation_refund(policy: Policy, *, on: date | None = None) -> CancellationRefund:
    """The pro-rata refund cancelling `policy` on `on` (default today) gives. Two queries."""
    on = on or timezone.localdate()
    days_in_period = (policy.end_date - policy.start_date).days + 1
    days_covered = 0 if on < policy.start_date else min((on - policy.start_date).days + 1, days_in_period)
    earned = money(policy.premium * days_covered / days_in_period)
    payments = list(
        Transaction.objects.filter(policy=policy, direction=Direction.IN, status__in=_KEEPS_MONEY)
        .annotate(
            pending=Sum("refunds__amount", filter=Q(refunds__status=Refund.Status.REQUESTED), default=Decimal("0"))
        )
        .order_by("-completed_at", "-created_at")
    )
    held = [(txn, txn.amount - txn.refunded_amount - txn.pending) for txn in payments]
    kept = sum((amount for _, amount in held), Decimal("0.00"))
    refund = max(Decimal("0.00"), money(kept - earned))
    allocations = []
    left = refund
    for txn, available in held:
        if left <= 0:
            break
        take = min(available, left)
        if take > 0:
            allocations.append((txn, take))
            left -= take
    return CancellationRefund(
        policy=policy,
        on=on,
        days_in_period=days_in_period,
        days_covered=days_covered,
        kept=money(kept),
        earned=earned,
        refund=refund,
        allocations=tuple(allocations),
    )
