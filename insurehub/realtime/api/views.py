"""Admin API for partners' webhook subscriptions, their delivery log, and replays."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.realtime import permissions, services
from insurehub.realtime.api import serializers as s
from insurehub.realtime.models import WebhookDelivery, WebhookSubscription


class WebhookListCreateApi(generics.ListAPIView):
    permission_classes = [permissions.ManagesWebhooks]
    serializer_class = s.WebhookSubscriptionOutputSerializer
    queryset = WebhookSubscription.objects.all()
    filterset_fields = ["active"]
    search_fields = ["name", "url"]
    ordering_fields = ["name", "created_at"]

    @extend_schema(tags=["webhooks"])
    def get(self, request, *args, **kwargs):
        """List partners' webhook subscriptions.

        Paged by number. Filter `active`; `search` in name and URL; `ordering` by `name` or
        `created_at`. Secrets are never listed.

        Access: admins.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`.
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=s.WebhookSubscriptionInputSerializer,
        responses={201: s.WebhookSubscriptionWithSecretSerializer},
        tags=["webhooks"],
    )
    def post(self, request):
        """Subscribe a partner endpoint to events.

        Every event whose type matches `event_types` (exact types such as `claim.status_changed`,
        prefixes such as `payment.*`, or `*`) is POSTed to `url`, signed with the subscription's secret
        (see the webhooks part of the event stream's documentation). The answer (201) is the only one that
        shows the `secret`.

        Access: admins.

        Errors: 400 `validation_error` (a bad URL, an empty list or a malformed pattern); 403
        `permission_denied`.
        """
        data = s.WebhookSubscriptionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        subscription = services.webhook_subscription_create(**data.validated_data, created_by=request.user)
        return Response(s.WebhookSubscriptionWithSecretSerializer(subscription).data, status=status.HTTP_201_CREATED)


class WebhookDetailApi(APIView):
    permission_classes = [permissions.ManagesWebhooks]

    def _get(self, webhook_id):
        return get_object_or_404(WebhookSubscription, pk=webhook_id)

    @extend_schema(responses={200: s.WebhookSubscriptionOutputSerializer}, tags=["webhooks"])
    def get(self, request, webhook_id):
        """Show a webhook subscription.

        Access: admins.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        return Response(s.WebhookSubscriptionOutputSerializer(self._get(webhook_id)).data)

    @extend_schema(
        request=s.WebhookSubscriptionUpdateSerializer,
        responses={200: s.WebhookSubscriptionWithSecretSerializer},
        tags=["webhooks"],
    )
    def patch(self, request, webhook_id):
        """Change a webhook subscription.

        Changes `name`, `url`, `event_types` or `active` (inactive subscriptions receive nothing).
        `rotate_secret: true` makes a new secret, shown in this answer only; the old one stops signing at
        once.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
        """
        subscription = self._get(webhook_id)
        data = s.WebhookSubscriptionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        subscription = services.webhook_subscription_update(
            subscription=subscription, data=data.validated_data, updated_by=request.user
        )
        out = s.WebhookSubscriptionWithSecretSerializer if data.validated_data.get("rotate_secret") else None
        return Response((out or s.WebhookSubscriptionOutputSerializer)(subscription).data)

    @extend_schema(responses={204: None}, tags=["webhooks"])
    def delete(self, request, webhook_id):
        """Delete a webhook subscription.

        Its pending deliveries go with it.

        Access: admins.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        services.webhook_subscription_delete(subscription=self._get(webhook_id), deleted_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeliveryFilter(django_filters.FilterSet):
    class Meta:
        model = WebhookDelivery
        fields = ["status", "ordering_key"]


class WebhookDeliveryListApi(generics.ListAPIView):
    permission_classes = [permissions.ManagesWebhooks]
    serializer_class = s.WebhookDeliveryOutputSerializer
    filterset_class = DeliveryFilter
    ordering_fields = ["id", "created_at"]
    ordering = ["-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no URL kwargs
            return WebhookDelivery.objects.none()
        subscription = get_object_or_404(WebhookSubscription, pk=self.kwargs["webhook_id"])
        return WebhookDelivery.objects.filter(subscription=subscription).select_related("event")

    @extend_schema(tags=["webhooks"])
    def get(self, request, *args, **kwargs):
        """List a subscription's deliveries.

        Each event sent (or to be sent) with its state (`pending`, `delivered`, `failed` after the last
        attempt), attempts, next attempt, last HTTP status and error, newest first. Filters: `status`,
        `ordering_key` (the claim the event is about); `ordering` by `id` or `created_at`.

        Access: admins.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`; 404
        `not_found`.
        """
        return super().get(request, *args, **kwargs)


class WebhookReplayApi(APIView):
    permission_classes = [permissions.ManagesWebhooks]

    @extend_schema(
        request=s.WebhookReplayInputSerializer, responses={202: s.WebhookReplayOutputSerializer}, tags=["webhooks"]
    )
    def post(self, request, webhook_id):
        """Send events again to a subscription.

        Queues every event after event id `since` that the subscription wants, delivered before or not,
        in order; answers how many were queued (202).

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
        """
        subscription = get_object_or_404(WebhookSubscription, pk=webhook_id)
        data = s.WebhookReplayInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        queued = services.webhook_replay(
            subscription=subscription, since=data.validated_data["since"], replayed_by=request.user
        )
        return Response({"queued": queued}, status=status.HTTP_202_ACCEPTED)
