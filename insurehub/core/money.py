"""Money helpers: Decimal, two places, banker-free (ROUND_HALF_UP as insurers quote)."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """`parts` amounts that add up exactly to `total`; the rounding difference goes on the last."""
    share = (total / parts).quantize(CENT, rounding=ROUND_HALF_UP)
    amounts = [share] * (parts - 1)
    amounts.append(total - share * (parts - 1))
    return amounts


def format_money(amount, currency: str) -> str:
    """An amount as people read it: `KES 52,500.00`."""
    return f"{currency} {money(amount):,}"
