"""Human-readable numbers (POL-2026-000045, CLM-2026-000123): unique, safe under concurrent
creation, gap-tolerant (a rolled-back transaction may skip a number, never reuse one)."""

from django.db import IntegrityError, transaction

from insurehub.core.models import NumberSequence


def next_number(*, prefix: str, year: int, width: int = 6) -> str:
    name = f"{prefix}-{year}"
    # No savepoint of its own inside a caller's transaction: a failure here fails the caller's too.
    with transaction.atomic(savepoint=False):
        # The row exists but for the first number of a prefix and year: lock it straight away.
        sequence = NumberSequence.objects.select_for_update().filter(name=name).first()
        if sequence is None:
            try:
                with transaction.atomic():
                    NumberSequence.objects.get_or_create(name=name)
            except IntegrityError:  # another transaction created it first
                pass
            sequence = NumberSequence.objects.select_for_update().get(name=name)
        sequence.value += 1
        sequence.save(update_fields=["value"])
    return f"{prefix}-{year}-{sequence.value:0{width}d}"
