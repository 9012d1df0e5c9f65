import uuid

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.audit import permissions
from insurehub.audit.api.serializers import AuditEventOutputSerializer, ReadAuditEntryOutputSerializer
from insurehub.audit.models import AuditEvent, ReadAuditEntry
from insurehub.audit.selectors import audit_event_list, reads_of_subject
from insurehub.core.errors import ApplicationError
from insurehub.core.filters import TimestampFilter
from insurehub.core.pagination import CursorPagination


class AuditCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-id"


class AuditEventFilter(django_filters.FilterSet):
    actor = django_filters.UUIDFilter(field_name="actor_id")
    action = django_filters.CharFilter()
    action_prefix = django_filters.CharFilter(field_name="action", lookup_expr="startswith")
    object_type = django_filters.CharFilter()
    object_id = django_filters.CharFilter()
    request_id = django_filters.CharFilter()
    created_after = TimestampFilter(field_name="at", lookup_expr="gte")
    created_before = TimestampFilter(field_name="at", lookup_expr="lt")

    class Meta:
        model = AuditEvent
        fields: list[str] = []


class AuditEventListApi(generics.ListAPIView):
    permission_classes = [permissions.ReadsAuditLog]
    serializer_class = AuditEventOutputSerializer
    pagination_class = AuditCursorPagination
    filterset_class = AuditEventFilter
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend]

    def get_queryset(self):
        return audit_event_list()

    @extend_schema(tags=["audit"])
    def get(self, request, *args, **kwargs):
        """List audit log entries, newest first.

        The append-only, hash-chained log of every write and every read of personal data: who
        (`actor`), what (`action`, `object_type`, `object_id`, `changes`), from where (`ip`,
        `user_agent`, `request_id`) and the chain (`sequence`, `prev_hash`, `hash`: null until the entry
        is sealed, moments after its transaction commits). Filters:
        `actor`, `action`, `action_prefix` (e.g. `claim.`), `object_type`, `object_id`,
        `request_id`, `created_after`, `created_before`. Cursor pagination (`page_size` up to 200).

        Access: admins.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied` for any
        other role; 404 `not_found` for a malformed cursor.
        """
        return super().get(request, *args, **kwargs)


class AuditEventDetailApi(APIView):
    permission_classes = [permissions.ReadsAuditLog]

    @extend_schema(responses={200: AuditEventOutputSerializer}, tags=["audit"])
    def get(self, request, event_id: int):
        """Show one audit log entry.

        Access: admins.

        Errors: 403 `permission_denied` for any other role; 404 `not_found` for an unknown id.
        """
        event = get_object_or_404(audit_event_list(), pk=event_id)
        return Response(AuditEventOutputSerializer(event).data)


class ReadAuditListApi(generics.ListAPIView):
    permission_classes = [permissions.ReadsReadAudit]
    serializer_class = ReadAuditEntryOutputSerializer
    pagination_class = AuditCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator: no request to read
            return ReadAuditEntry.objects.none()
        subject = self.request.query_params.get("subject", "")
        try:
            subject_id = uuid.UUID(subject)
        except ValueError:
            raise ApplicationError(
                "validation_error",
                "subject must be a user id.",
                errors=[{"field": "subject", "code": "invalid", "message": "A user id (UUID) is required."}],
            ) from None
        return reads_of_subject(subject_id)

    @extend_schema(
        parameters=[
            OpenApiParameter("subject", OpenApiTypes.UUID, required=True, description="The customer's user id.")
        ],
        tags=["audit"],
    )
    def get(self, request, *args, **kwargs):
        """List who read a customer's personal data, newest first.

        Every read by staff of the customer's data (claim detail, contact details, documents and
        photos, report PDFs, exports): who (`actor`, with their name, e-mail and role), what
        (`object_type`, `object_id`, `fields`: the fields read or the file served), when (`at`) and
        from where (`ip`, `user_agent`, `request_id`). The customer's own reads are not recorded.
        After the customer's erasure their entries no longer name them and are not listed here.
        Cursor pagination (`page_size` up to 200); a fixed number of queries per page.

        Access: admins, and staff granted the `audit.view_readauditentry` permission (auditors).

        Errors: 400 `validation_error` (`subject` missing or not a user id); 403
        `permission_denied` for anyone else; 404 `not_found` for a malformed cursor.
        """
        return super().get(request, *args, **kwargs)
