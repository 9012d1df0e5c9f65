"""Query-string filters every app's filterset shares.

`TimestampFilter` is the one filter for a time in a query string (`created_after`, `incident_before`, ...).
django-filter's IsoDateTimeFilter passes an aware datetime to the database with the caller's offset, and
PostgreSQL refuses offsets beyond ±15:59 ("time zone displacement out of range"), which answered 500.
This one refuses such offsets with a 400 (`invalid` on the parameter) and hands the database UTC.
"""

from datetime import UTC, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django_filters.fields import IsoDateTimeField
from rest_framework.filters import SearchFilter

from insurehub.core.encryption import blind_index

__all__ = ["MAX_UTC_OFFSET", "BlindIndexSearchFilter", "TimestampField", "TimestampFilter"]

# The widest offset PostgreSQL accepts, and wider than any real time zone (-12:00 to +14:00).
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)


class TimestampField(IsoDateTimeField):
    default_error_messages = {
        "offset": "The time zone offset must be between -15:59 and +15:59.",
    }

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise forms.ValidationError(self.error_messages["offset"], code="invalid")
        return parsed.astimezone(UTC)


class TimestampFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 time with its offset (a time without one is taken as UTC), compared in UTC."""

    field_class = TimestampField


class BlindIndexSearchFilter(SearchFilter):
    """`?search=` as DRF's SearchFilter does it, and also, for a view that declares
    `blind_index_search = {lookup path of a blind index: purpose}`, the rows whose sealed field
    (phone, registration...) is exactly the whole search term: the term is hashed as the blind index
    was (after the view's `blind_index_term(purpose, term)`) and matched for equality. Part of a
    phone number or registration finds nothing through it: ciphertext cannot be matched in part."""

    def filter_queryset(self, request, queryset, view):
        searched = super().filter_queryset(request, queryset, view)
        paths = getattr(view, "blind_index_search", None)
        term = (request.query_params.get(self.search_param) or "").strip()
        if not paths or not term:
            return searched
        normalise = getattr(view, "blind_index_term", None)
        matches = Q()
        for path, purpose in paths.items():
            value = normalise(purpose, term) if normalise else term
            matches |= Q(**{path: blind_index(value, purpose=purpose)})
        exact = queryset.filter(matches)
        if searched.query.distinct:
            exact = exact.distinct()
        return searched | exact
