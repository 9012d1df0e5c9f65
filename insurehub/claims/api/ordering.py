"""`ordering` for the claims list and export: by what the fields mean, and safe to page through.

Priority sorts by urgency and status by the workflow (not alphabetically). Claims without an SLA
or a cost (drafts) sort as due last and costing nothing: a cursor cannot encode a missing value,
so a page that ended on one could not be followed. Every ordering ends with creation time and id,
so ties fall the same way on every page.
"""

import datetime
from decimal import Decimal

from django.db.models import Case, DateTimeField, DecimalField, F, IntegerField, Value, When
from django.db.models.functions import Coalesce
from rest_framework.filters import OrderingFilter

from insurehub.claims.models import ClaimStatus, Priority

_DUE_NEVER = datetime.datetime(9999, 12, 31, tzinfo=datetime.UTC)


def _rank(field: str, values) -> Case:
    return Case(*(When(**{field: value}, then=Value(i)) for i, value in enumerate(values)), output_field=IntegerField())


# Public name -> the expression sorted on (annotated as `sort_<name>` when it is not a plain column).
SORT_KEYS = {
    "created_at": None,
    "incident_date": None,
    "claim_number": None,
    "priority": _rank("priority", Priority.values),
    "status": _rank("status", ClaimStatus.values),
    "sla_due_at": Coalesce(F("sla_due_at"), Value(_DUE_NEVER), output_field=DateTimeField()),
    "estimated_cost": Coalesce(
        F("estimated_cost"), Value(Decimal("0")), output_field=DecimalField(max_digits=14, decimal_places=2)
    ),
}
TIE_BREAKERS = ("-created_at", "-id")


class ClaimOrderingFilter(OrderingFilter):
    ordering_fields = tuple(SORT_KEYS)
    ordering_description = (
        "Sort by `created_at` (default, newest first), `sla_due_at`, `priority` (by urgency), `status` "
        "(by workflow), `incident_date`, `estimated_cost` or `claim_number`; `-` before a name reverses it."
    )

    def get_valid_fields(self, queryset, view, context=None):
        return [(name, name) for name in SORT_KEYS]

    def get_ordering(self, request, queryset, view):
        terms = super().get_ordering(request, queryset, view) or ("-created_at",)
        ordering = []
        for term in terms:
            descending, name = term.startswith("-"), term.lstrip("-")
            key = name if SORT_KEYS[name] is None else f"sort_{name}"
            ordering.append(f"-{key}" if descending else key)
        named = {term.lstrip("-") for term in ordering}
        return (*ordering, *(term for term in TIE_BREAKERS if term.lstrip("-") not in named))

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        wanted = {term.lstrip("-").removeprefix("sort_") for term in ordering if term.lstrip("-").startswith("sort_")}
        queryset = queryset.annotate(**{f"sort_{name}": SORT_KEYS[name] for name in wanted})
        return queryset.order_by(*ordering)
