"""Pagination: page numbers for small tables, cursors for large ones (DESIGN.md section 4)."""

from datetime import UTC, datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from rest_framework import pagination
from rest_framework.exceptions import NotFound

from insurehub.core.filters import MAX_UTC_OFFSET


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class CursorPagination(pagination.CursorPagination):
    """For large, append-mostly tables (claims, audit, events): stable under inserts.

    A cursor is opaque to clients but readable by anyone (base64): its position is checked against the
    ordering field before it reaches the database, so a tampered one is an invalid cursor (404, as DRF
    answers a cursor it cannot decode) instead of a 500 (a time PostgreSQL refuses, text for an integer)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-created_at"

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is None or cursor.position is None:
            return cursor
        return cursor._replace(position=self._checked_position(cursor.position))

    def _checked_position(self, position: str) -> str:
        name = self.ordering[0].lstrip("-")
        try:
            field = self._model._meta.get_field(name)
        except FieldDoesNotExist:  # an annotation or a lookup across a relation: left to the database
            return position
        try:
            value = field.to_python(position)
        except ValidationError:
            raise NotFound(self.invalid_cursor_message) from None
        if isinstance(value, datetime) and (offset := value.utcoffset()) is not None:
            if abs(offset) > MAX_UTC_OFFSET:
                raise NotFound(self.invalid_cursor_message)
            return str(value.astimezone(UTC))
        return position
