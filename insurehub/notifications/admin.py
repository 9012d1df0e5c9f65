from django.contrib import admin

from insurehub.notifications.models import EmailLog, Notification, SMSLog


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "title", "read_at", "created_at"]
    list_filter = ["topic", "kind"]
    search_fields = ["recipient__email", "title"]
    raw_id_fields = ["recipient"]


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["to_address", "template", "status", "attempts", "sent_at", "created_at"]
    list_filter = ["status", "template"]
    search_fields = ["to_address", "provider_id"]
    raw_id_fields = ["recipient"]


@admin.register(SMSLog)
class SMSLogAdmin(admin.ModelAdmin):
    list_display = ["to_number", "template", "provider", "status", "attempts", "cost", "sent_at"]
    list_filter = ["status", "provider", "template"]
    search_fields = ["to_number", "provider_id"]
    raw_id_fields = ["recipient"]
