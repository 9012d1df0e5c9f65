from django.contrib import admin

from insurehub.audit.admin import ReadOnlyAdmin
from insurehub.workflows.models import WorkflowStage


@admin.register(WorkflowStage)
class WorkflowStageAdmin(ReadOnlyAdmin):
    """History (a policy's lifecycle) is written by the services only: read-only here."""

    list_display = ["content_type", "object_id", "stage", "entered_at", "left_at", "actor"]
    list_filter = ["content_type", "stage"]
    list_select_related = ["content_type", "actor"]
    search_fields = ["object_id", "note"]
