from django.contrib import admin

from insurehub.realtime.models import OutboxEvent, WebhookDelivery, WebhookSubscription


@admin.register(OutboxEvent)
class OutboxEventAdmin(admin.ModelAdmin):
    list_display = ["id", "type", "occurred_at", "published_at"]
    list_filter = ["type"]
    ordering = ["-id"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    exclude = ["secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "subscription", "event_id", "status", "attempts", "last_status_code", "next_attempt_at"]
    list_filter = ["status", "subscription"]
    raw_id_fields = ["event"]
