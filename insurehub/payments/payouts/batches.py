"""Bank payout files: every bank payout ready when a file is made goes in it, once.

The file (CSV, UTF-8, one header line; layout in docs/operations.md) carries each payout's unique
reference, which the bank quotes on its statement; reconciling that statement
(services.bank_statement_reconcile, debit lines) marks each payout paid, once."""

import csv
import io
import secrets
from decimal import Decimal

from django.db import transaction

from insurehub.audit.services import audit_record
from insurehub.core import locking
from insurehub.core.errors import ApplicationError
from insurehub.payments.models import Direction, Method, PayoutBatch, PayoutStage, Transaction, TransactionStatus
from insurehub.realtime import groups
from insurehub.realtime.events import emit

COLUMNS = ("reference", "payee_name", "amount", "currency", "narrative")
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _batch_reference() -> str:
    return "PB" + "".join(secrets.choice(_ALPHABET) for _ in range(10))


def _csv_safe(text: str) -> str:
    """A payee name opened in a spreadsheet must not run as a formula."""
    text = " ".join(text.split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@transaction.atomic
def payout_batch_create(*, created_by, currency: str = "KES") -> PayoutBatch:
    """One payout file of every released, pending bank payout in `currency` not yet in a file. The
    payouts are locked (ordered by key) while they are taken, so two runs at once never put one payout
    in two files: the second waits, then finds none left (409 `nothing_to_pay`)."""
    payouts = list(
        locking.locked(Transaction)
        .filter(
            method=Method.BANK_TRANSFER,
            direction=Direction.OUT,
            status=TransactionStatus.PENDING,
            payout_stage=PayoutStage.READY,
            currency=currency,
        )
        .order_by("pk")
    )
    if not payouts:
        raise ApplicationError("nothing_to_pay", f"No bank payout in {currency} waits for a payout file.", status=409)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    total = Decimal("0")
    for payout in sorted(payouts, key=lambda p: p.created_at):
        total += payout.amount
        writer.writerow(
            [payout.reference, _csv_safe(payout.payee or str(payout.customer)), f"{payout.amount:.2f}",
             payout.currency, f"InsureHub {payout.reference}"]
        )  # fmt: skip
    batch = PayoutBatch.objects.create(
        reference=_batch_reference(),
        currency=currency,
        created_by=created_by,
        line_count=len(payouts),
        total=total,
        content=out.getvalue(),
    )
    Transaction.objects.filter(pk__in=[p.pk for p in payouts]).update(
        payout_stage=PayoutStage.BATCHED, payout_batch=batch
    )
    audit_record(
        actor=created_by,
        action="payment.payout_batch_created",
        target=batch,
        changes={"lines": batch.line_count, "total": total, "currency": currency},
    )
    emit(
        "payment.payout_batch_created",
        {"batch_id": str(batch.pk), "reference": batch.reference, "lines": batch.line_count, "total": str(total),
         "currency": currency},
        [groups.ADMINS, groups.OFFICE],
    )  # fmt: skip
    return batch
