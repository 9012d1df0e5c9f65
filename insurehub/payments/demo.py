"""Demo payments, made through the real offline paths (no network in seed_demo):

- customer: quarterly plan; the first instalment paid by bank transfer and credited by
  reconciling a statement line (so the policy is active with three instalments still due);
- customer2: annual plan; a declined sandbox card attempt, then a successful one, and a
  small refund request waiting for a staff decision (bank transfer when CARD_PROVIDER is not
  the sandbox).

Idempotent: a demo policy that already has transactions is left alone.
"""

from decimal import Decimal

from django.conf import settings

from insurehub.payments.models import Transaction
from insurehub.policies.models import PolicyStatus


def _pay_by_bank_transfer(policy, customer) -> Transaction:
    from insurehub.payments.services import bank_statement_reconcile, bank_transfer_start

    transfer = bank_transfer_start(policy=policy, instalment=None, initiated_by=customer)
    cells = [f"{transfer.created_at:%Y-%m-%d}", transfer.reference, str(transfer.amount), transfer.currency]
    line = ",".join([*cells, f"DEMO-{transfer.reference}"])
    bank_statement_reconcile(content=f"date,reference,amount,currency,bank_reference\n{line}\n", reconciled_by=None)
    transfer.refresh_from_db()
    return transfer


def _pay_by_sandbox_card(policy, customer, *, succeed: bool) -> Transaction:
    from insurehub.payments.services import card_intent_create, card_sandbox_settle

    txn, _ = card_intent_create(policy=policy, instalment=None, initiated_by=customer)
    return card_sandbox_settle(txn=txn, succeed=succeed, actor=customer)


def _unpaid(policy) -> bool:
    return (
        policy is not None
        and policy.status == PolicyStatus.PENDING_PAYMENT
        and not Transaction.objects.filter(policy=policy).exists()
    )


def seed(context: dict) -> None:
    from insurehub.payments.services import refund_request

    users = context["users"]
    policies = context.get("policies", {})
    transactions = context.setdefault("transactions", [])
    first = policies.get("customer")
    if _unpaid(first):
        transactions.append(_pay_by_bank_transfer(first, users["customer"]))
    second = policies.get("customer2")
    if _unpaid(second):
        if settings.CARD_PROVIDER == "sandbox":
            transactions.append(_pay_by_sandbox_card(second, users["customer2"], succeed=False))
            paid = _pay_by_sandbox_card(second, users["customer2"], succeed=True)
        else:  # a real card provider needs a real card: pay this one by bank transfer too
            paid = _pay_by_bank_transfer(second, users["customer2"])
        transactions.append(paid)
        refund_request(
            txn=paid, amount=Decimal("2500.00"), reason="Add-on charged by mistake", requested_by=users["customer2"]
        )
    for key in ("customer", "customer2"):
        if key in policies:
            policies[key].refresh_from_db()
