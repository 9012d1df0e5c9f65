"""The event outbox and webhook deliveries are records (read-only); subscriptions are created
through the API (which shows the secret once), edited and deleted through their services."""

from django.contrib import admin

from insurehub.audit.admin import ReadOnlyAdmin, ServiceModelAdmin
from insurehub.realtime.models import OutboxEvent, WebhookDelivery, WebhookSubscription
from insurehub.realtime.services import webhook_subscription_delete, webhook_subscription_update


@admin.register(OutboxEvent)
class OutboxEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "type", "occurred_at", "published_at"]
    list_filter = ["type"]
    ordering = ["-id"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(ServiceModelAdmin):
    editable_fields = ["name", "url", "event_types", "active"]
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    exclude = ["secret"]

    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return [name for name in super().get_readonly_fields(request, obj) if name != "secret"]

    def update(self, request, obj, data):
        webhook_subscription_update(subscription=obj, data=data, updated_by=request.user)

    def remove(self, request, obj):
        webhook_subscription_delete(subscription=obj, deleted_by=request.user)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["id", "subscription", "event_id", "status", "attempts", "last_status_code", "next_attempt_at"]
    list_filter = ["status", "subscription"]
    list_select_related = ["subscription"]
