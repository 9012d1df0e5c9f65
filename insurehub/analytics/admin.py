from django.contrib import admin

from insurehub.analytics.models import UserActivity
from insurehub.audit.admin import ReadOnlyAdmin


@admin.register(UserActivity)
class UserActivityAdmin(ReadOnlyAdmin):
    """What users did, as recorded by activity_record: read-only (pruned by retention, not by hand)."""

    list_display = ["at", "user", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    list_select_related = ["user"]
    search_fields = ["user__email", "action", "object_id"]
    date_hierarchy = "at"
