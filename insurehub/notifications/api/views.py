import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.filters import TimestampFilter
from insurehub.core.pagination import CursorPagination
from insurehub.notifications import services
from insurehub.notifications.api.serializers import NotificationOutputSerializer, ReadAllOutputSerializer
from insurehub.notifications.models import Notification
from insurehub.notifications.selectors import notifications_for


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull")
    created_after = TimestampFilter(field_name="created_at", lookup_expr="gte")

    class Meta:
        model = Notification
        fields = ["topic", "kind"]


class NotificationListApi(generics.ListAPIView):
    serializer_class = NotificationOutputSerializer
    filterset_class = NotificationFilter
    pagination_class = CursorPagination
    ordering_fields = ["created_at"]

    def get_queryset(self):
        return notifications_for(self.request.user)

    @extend_schema(tags=["notifications"])
    def get(self, request, *args, **kwargs):
        """List your notifications.

        Your in-app inbox, newest first, with cursor pagination: what happened (`kind`, `topic`,
        `title`, `body`), a `link` to the page about it, and `read_at`. Filters: `unread`, `topic`,
        `kind`, `created_after`. New ones also arrive live as `notification.created` events. Which topics
        reach the inbox, e-mail or SMS is set in `/api/auth/me/notification-preferences/`.

        Access: any signed-in user; everyone (admins too) sees only their own.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)


class NotificationDetailApi(APIView):
    @extend_schema(responses={200: NotificationOutputSerializer}, tags=["notifications"])
    def get(self, request, notification_id):
        """Show one of your notifications.

        Access: its recipient.

        Errors: 404 `not_found` (no such notification, or someone else's).
        """
        notification = get_object_or_404(notifications_for(request.user), pk=notification_id)
        return Response(NotificationOutputSerializer(notification).data)


class NotificationReadApi(APIView):
    @extend_schema(request=None, responses={200: NotificationOutputSerializer}, tags=["notifications"])
    def post(self, request, notification_id):
        """Mark one of your notifications as read.

        Marking a read notification again changes nothing (its first `read_at` stays).

        Access: its recipient.

        Errors: 404 `not_found`.
        """
        notification = get_object_or_404(notifications_for(request.user), pk=notification_id)
        notification = services.notification_mark_read(notification=notification, user=request.user)
        return Response(NotificationOutputSerializer(notification).data)


class NotificationReadAllApi(APIView):
    @extend_schema(request=None, responses={200: ReadAllOutputSerializer}, tags=["notifications"])
    def post(self, request):
        """Mark all your notifications as read.

        Answers how many were unread (`marked_read`); calling it again answers 0.

        Access: any signed-in user, for their own notifications.

        Errors: none of its own.
        """
        return Response({"marked_read": services.notifications_mark_all_read(user=request.user)})
