"""Who may see and do what with payments, and who hears of them.

Seeing (selectors): a transaction, schedule or refund is its customer's; every agent, supervisor and
admin sees them (customers' records are the office's); an assessor those of the policies of the claims
assigned to them, and the payouts settling those claims. `payment_audience` is derived from the same
rule, so a payment event reaches exactly who may read the transaction."""

from decimal import Decimal

from django.conf import settings

from insurehub.core.access import AccessRule, StaffScope
from insurehub.core.permissions import allows, allows_object, has_role, is_staff_member
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.core.roles import Role
from insurehub.realtime.audiences import audience_of

TRANSACTION_ACCESS = AccessRule(
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


def payment_audience(transaction) -> list[str]:
    """Everyone who may see the transaction (TRANSACTION_ACCESS)."""
    return audience_of(transaction, TRANSACTION_ACCESS)


def can_decide_refund(user, refund=None) -> bool:
    """Agents, supervisors and admins decide refunds (maker-checker in the service); assessors do not."""
    return has_role(user, Role.AGENT, Role.SUPERVISOR, Role.ADMIN)


def can_reconcile_bank_statement(user, obj=None) -> bool:
    return has_role(user, Role.SUPERVISOR, Role.ADMIN)


def can_confirm_payout(user, payout=None) -> bool:
    """Finance's word that a payout left: supervisors and admins."""
    return has_role(user, Role.SUPERVISOR, Role.ADMIN)


ReconcilesBankStatements = allows(can_reconcile_bank_statement)
ConfirmsPayouts = allows(can_confirm_payout)
StaffOnly = allows(is_staff_member)
DecidesRefunds = allows_object(can_decide_refund, message="Assessors do not decide refunds.")


def payout_authority(user) -> Decimal:
    """The largest payout `user` may make without a supervisor releasing it (PAYOUT_AUTHORITY_LIMITS)."""
    return Decimal(str(settings.PAYOUT_AUTHORITY_LIMITS.get(getattr(user, "role", ""), "0")))


def can_release_payout(user, payout=None) -> bool:
    """Supervisors and admins release payouts held above their payer's authority (their own limit and
    maker-checker checked by the service)."""
    return has_role(user, Role.SUPERVISOR, Role.ADMIN)


def can_make_payout_files(user, obj=None) -> bool:
    """Finance's bank payout files: supervisors and admins make and download them."""
    return has_role(user, Role.SUPERVISOR, Role.ADMIN)


def can_work_payouts(user, obj=None) -> bool:
    """The payouts desk (every outgoing payment, its payee, what it pays): supervisors and admins, who
    release, file and confirm them."""
    return has_role(user, Role.SUPERVISOR, Role.ADMIN)


ReleasesPayouts = allows(can_release_payout)
MakesPayoutFiles = allows(can_make_payout_files)
WorksPayouts = allows(can_work_payouts)
