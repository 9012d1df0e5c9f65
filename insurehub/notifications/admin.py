"""What people were told, and every e-mail and SMS sent: records written by notify() and the
delivery tasks, read-only here."""

from django.contrib import admin

from insurehub.audit.admin import ReadOnlyAdmin
from insurehub.notifications.models import EmailLog, Notification, SMSLog


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "kind", "title", "read_at", "created_at"]
    list_filter = ["topic", "kind"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email", "title"]


@admin.register(EmailLog)
class EmailLogAdmin(ReadOnlyAdmin):
    list_display = ["to_address", "template", "status", "attempts", "sent_at", "created_at"]
    list_filter = ["status", "template"]
    search_fields = ["to_address", "provider_id"]


@admin.register(SMSLog)
class SMSLogAdmin(ReadOnlyAdmin):
    list_display = ["to_number", "template", "provider", "status", "attempts", "cost", "sent_at"]
    list_filter = ["status", "provider", "template"]
    search_fields = ["to_number", "provider_id"]
