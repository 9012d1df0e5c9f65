from django.db.models import QuerySet

from insurehub.core.access import restrict
from insurehub.payments.models import Direction, Instalment, PaymentSchedule, Refund, Transaction
from insurehub.payments.permissions import REFUND_ACCESS, SCHEDULE_ACCESS
from insurehub.payments.permissions import TRANSACTION_ACCESS as ACCESS
from insurehub.policies.documents import InstalmentLine
from insurehub.policies.models import Policy


def transactions_visible_to(user) -> QuerySet[Transaction]:
    return restrict(Transaction.objects.select_related("policy", "instalment"), user, ACCESS)


def payouts_visible_to(user) -> QuerySet[Transaction]:
    """Outgoing transactions (claim settlements, refund payouts) the user may see, newest first, with
    what they pay (the settlement's claim, the refund) in a fixed number of queries."""
    return (
        transactions_visible_to(user)
        .filter(direction=Direction.OUT)
        .select_related("refund_record", "claim_settlement__claim")
        .order_by("-created_at")
    )


def schedules_visible_to(user) -> QuerySet[PaymentSchedule]:
    queryset = PaymentSchedule.objects.select_related("policy").prefetch_related("instalments").order_by("-created_at")
    return restrict(queryset, user, SCHEDULE_ACCESS)


def refunds_visible_to(user) -> QuerySet[Refund]:
    queryset = Refund.objects.select_related("transaction", "payout")
    return restrict(queryset, user, REFUND_ACCESS)


def policies_overdue(grace_limit) -> QuerySet[Policy]:
    """Policies with an instalment still due from before `grace_limit` (policies lapse them:
    registered in PaymentsConfig.ready() as policies' overdue rule)."""
    return Policy.objects.filter(
        payment_schedule__instalments__status=Instalment.Status.DUE,
        payment_schedule__instalments__due_date__lt=grace_limit,
    ).distinct()


def instalment_plan(policy: Policy) -> list[InstalmentLine]:
    """The policy's instalments for its schedule document (policies/documents.py), in order."""
    instalments = Instalment.objects.filter(schedule__policy=policy).order_by("sequence")
    return [
        InstalmentLine(
            sequence=item.sequence, due_date=item.due_date, amount=item.amount, status=item.get_status_display()
        )
        for item in instalments
    ]
