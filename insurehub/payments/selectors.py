from django.db.models import QuerySet

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.payments.models import PaymentSchedule, Refund, Transaction

ACCESS = AccessRule(owner="customer", staff_scope=StaffScope.ALL)


def transactions_visible_to(user) -> QuerySet[Transaction]:
    return restrict(Transaction.objects.select_related("policy", "instalment"), user, ACCESS)


def schedules_visible_to(user) -> QuerySet[PaymentSchedule]:
    queryset = PaymentSchedule.objects.select_related("policy").prefetch_related("instalments").order_by("-created_at")
    return restrict(queryset, user, AccessRule(owner="policy__customer", staff_scope=StaffScope.ALL))


def refunds_visible_to(user) -> QuerySet[Refund]:
    queryset = Refund.objects.select_related("transaction", "payout")
    return restrict(queryset, user, AccessRule(owner="transaction__customer", staff_scope=StaffScope.ALL))
