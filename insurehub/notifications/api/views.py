import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.pagination import CursorPagination
from insurehub.notifications import services
from insurehub.notifications.api.serializers import NotificationOutputSerializer, ReadAllOutputSerializer
from insurehub.notifications.models import Notification
from insurehub.notifications.selectors import notifications_for


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull")
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")

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


class NotificationDetailApi(APIView):
    @extend_schema(responses={200: NotificationOutputSerializer}, tags=["notifications"])
    def get(self, request, notification_id):
        notification = get_object_or_404(notifications_for(request.user), pk=notification_id)
        return Response(NotificationOutputSerializer(notification).data)


class NotificationReadApi(APIView):
    @extend_schema(request=None, responses={200: NotificationOutputSerializer}, tags=["notifications"])
    def post(self, request, notification_id):
        notification = get_object_or_404(notifications_for(request.user), pk=notification_id)
        notification = services.notification_mark_read(notification=notification, user=request.user)
        return Response(NotificationOutputSerializer(notification).data)


class NotificationReadAllApi(APIView):
    @extend_schema(request=None, responses={200: ReadAllOutputSerializer}, tags=["notifications"])
    def post(self, request):
        return Response({"marked_read": services.notifications_mark_all_read(user=request.user)})
