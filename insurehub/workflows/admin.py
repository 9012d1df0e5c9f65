from django.contrib import admin

from insurehub.workflows.models import WorkflowStage


@admin.register(WorkflowStage)
class WorkflowStageAdmin(admin.ModelAdmin):
    """History is written by the services only: read-only here."""

    list_display = ["content_type", "object_id", "stage", "entered_at", "left_at", "actor"]
    list_filter = ["content_type", "stage"]
    search_fields = ["object_id", "note"]
    raw_id_fields = ["actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
