"""Estimate arithmetic and comparison, in Decimal only.

A line's net is quantity x unit price (parts, paint, other) or hours x rate (labour); its tax is
net x tax rate / 100; each is rounded half up to the cent per line, and the estimate's totals
are the sums of its lines (what a garage invoice shows).
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
# Why a comparison cell is flagged: the item is missing from this estimate, is not in the baseline,
# or its amount differs from the baseline's by more than the threshold.
COMPARISON_FLAGS = [("missing", "Missing"), ("not_in_baseline", "Not in baseline"), ("variance", "Variance")]
HUNDRED = Decimal("100")


def cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineAmounts:
    net: Decimal
    tax: Decimal
    total: Decimal


def line_amounts(
    *, kind: str, quantity: Decimal, unit_price: Decimal, hours: Decimal | None, rate: Decimal | None, tax_rate
) -> LineAmounts:
    net = cents((hours or Decimal("0")) * (rate or Decimal("0"))) if kind == "labour" else cents(quantity * unit_price)
    tax = cents(net * Decimal(tax_rate) / HUNDRED)
    return LineAmounts(net=net, tax=tax, total=net + tax)


def totals(lines) -> tuple[Decimal, Decimal, Decimal]:
    """(subtotal, tax, total) of lines that carry net/tax/total."""
    subtotal = sum((line.net for line in lines), Decimal("0.00"))
    tax = sum((line.tax for line in lines), Decimal("0.00"))
    return cents(subtotal), cents(tax), cents(subtotal + tax)


def match_key(line) -> str:
    """Lines of two estimates are the same item when their part number matches, else their kind
    and description (case, spacing and punctuation ignored)."""
    if line.part_number.strip():
        return "part:" + re.sub(r"[^0-9a-z]", "", line.part_number.lower())
    words = re.sub(r"[^0-9a-z]+", " ", line.description.lower()).split()
    return f"{line.kind}:{' '.join(words)}"


def variance_percent(amount: Decimal | None, baseline: Decimal | None) -> Decimal | None:
    if amount is None or baseline is None:
        return None
    if baseline == 0:
        return Decimal("0.00") if amount == 0 else None
    return cents((amount - baseline) * HUNDRED / baseline)


def compare(estimates: list, *, baseline, threshold_percent: Decimal) -> dict:
    """Side by side: one row per matched item, each estimate's amount, its difference from the
    baseline estimate, and a flag when the variance passes the threshold or the item is missing
    on one side. `estimates` carry prefetched `lines`."""
    order: list[str] = []
    rows: dict[str, dict] = {}
    for estimate in estimates:
        for line in estimate.lines.all():
            key = match_key(line)
            if key not in rows:
                order.append(key)
                rows[key] = {"key": key, "kind": line.kind, "description": line.description, "amounts": {}}
            amounts = rows[key]["amounts"]
            eid = str(estimate.pk)
            # Two lines of one estimate matching one key are one item: their totals add up.
            amounts[eid] = amounts.get(eid, Decimal("0.00")) + line.total
    base_id = str(baseline.pk)
    out_rows = []
    for key in order:
        row = rows[key]
        base_amount = row["amounts"].get(base_id)
        cells = []
        flagged = False
        for estimate in estimates:
            eid = str(estimate.pk)
            amount = row["amounts"].get(eid)
            difference = None if amount is None or base_amount is None else amount - base_amount
            variance = variance_percent(amount, base_amount)
            if eid == base_id:
                flag = None if amount is not None else "missing"
            elif amount is None:
                flag = "missing"
            elif base_amount is None:
                flag = "not_in_baseline"
            elif variance is None or abs(variance) > threshold_percent:
                flag = "variance"
            else:
                flag = None
            flagged = flagged or flag is not None
            cells.append(
                {
                    "estimate": eid,
                    "amount": amount,
                    "difference": difference,
                    "variance_percent": variance,
                    "flag": flag,
                }
            )
        out_rows.append({**{k: row[k] for k in ("key", "kind", "description")}, "cells": cells, "flagged": flagged})
    base_total = baseline.total
    summary = []
    for estimate in estimates:
        variance = variance_percent(estimate.total, base_total)
        summary.append(
            {
                "estimate": str(estimate.pk),
                "source": estimate.source,
                "supplier": estimate.supplier,
                "status": estimate.status,
                "currency": estimate.currency,
                "subtotal": estimate.subtotal,
                "tax_total": estimate.tax_total,
                "total": estimate.total,
                "difference": estimate.total - base_total,
                "variance_percent": variance,
                "flagged": estimate.pk != baseline.pk and (variance is None or abs(variance) > threshold_percent),
            }
        )
    return {
        "baseline": base_id,
        "threshold_percent": threshold_percent,
        "estimates": summary,
        "lines": out_rows,
        "flagged_lines": sum(1 for row in out_rows if row["flagged"]),
    }
