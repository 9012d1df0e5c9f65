from django.db.models import QuerySet

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.payments.models import PaymentSchedule, Refund, Transaction

# Agents and supervisors see every customer's payments; assessors those of the policies of the claims
# assigned to them, and the payouts settling those claims.
ACCESS = AccessRule(
    owner="customer",
    assignees=("policy__claims__assigned_assessor", "claim_settlement__claim__assigned_assessor"),
    staff_scope=StaffScope.OFFICE,
)
SCHEDULE_ACCESS = AccessRule(
    owner="policy__customer", assignees=("policy__claims__assigned_assessor",), staff_scope=StaffScope.OFFICE
)
REFUND_ACCESS = AccessRule(
    owner="transaction__customer",
    assignees=("transaction__policy__claims__assigned_assessor",),
    staff_scope=StaffScope.OFFICE,
)


def transactions_visible_to(user) -> QuerySet[Transaction]:
    return restrict(Transaction.objects.select_related("policy", "instalment"), user, ACCESS)


def schedules_visible_to(user) -> QuerySet[PaymentSchedule]:
    queryset = PaymentSchedule.objects.select_related("policy").prefetch_related("instalments").order_by("-created_at")
    return restrict(queryset, user, SCHEDULE_ACCESS)


def refunds_visible_to(user) -> QuerySet[Refund]:
    queryset = Refund.objects.select_related("transaction", "payout")
    return restrict(queryset, user, REFUND_ACCESS)
