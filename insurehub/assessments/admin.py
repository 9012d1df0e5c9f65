"""Assessments in the admin: status, completion, totals and the total-loss decision are read-only
(the assessment services set them); notes, summary, schedule and severity are saved through
assessment_update, estimates and photos through their services. Cancelling is an action that
asks for the reason and calls assessment_cancel."""

from django.contrib import admin

from insurehub.assessments.models import (
    Assessment,
    AssessmentSection,
    AssessmentStatusHistory,
    Estimate,
    EstimateLine,
    Photo,
)
from insurehub.assessments.services import (
    assessment_cancel,
    assessment_update,
    estimate_delete,
    estimate_update,
    photo_delete,
    photo_update,
)
from insurehub.audit.admin import ReadOnlyTabularInline, ReasonForm, ServiceModelAdmin, form_action


class SectionInline(ReadOnlyTabularInline):
    model = AssessmentSection
    fields = ["kind", "severity", "completed", "completed_at"]


class StatusHistoryInline(ReadOnlyTabularInline):
    model = AssessmentStatusHistory
    fields = ["from_status", "to_status", "actor", "reason", "at"]


@admin.register(Assessment)
class AssessmentAdmin(ServiceModelAdmin):
    editable_fields = ["scheduled_at", "overall_severity", "notes", "summary", "assessor"]
    list_display = ["claim", "assessor", "status", "completion_percentage", "total_loss_recommendation", "created_at"]
    list_filter = ["status"]
    list_select_related = ["claim", "assessor"]
    search_fields = ["claim__claim_number"]
    raw_id_fields = ["assessor"]
    inlines = [SectionInline, StatusHistoryInline]
    actions = ["cancel"]

    def has_add_permission(self, request) -> bool:
        return False  # through the API (assessment_create), which builds the sections

    def update(self, request, obj, data):
        assessment_update(assessment=obj, data=data, updated_by=request.user)

    @admin.action(description="Cancel (with a reason)…", permissions=["change"])
    def cancel(self, request, queryset):
        return form_action(
            self,
            request,
            queryset,
            form_class=ReasonForm,
            action="cancel",
            title="Cancel assessments",
            submit_label="Cancel the assessments",
            apply=lambda assessment, answers: assessment_cancel(
                assessment=assessment, reason=answers["reason"], cancelled_by=request.user
            ),
            done="Cancelled",
        )


class LineInline(ReadOnlyTabularInline):
    model = EstimateLine
    fields = ["position", "kind", "description", "quantity", "unit_price", "hours", "rate", "net", "tax", "total"]


@admin.register(Estimate)
class EstimateAdmin(ServiceModelAdmin):
    """Lines and totals change through the API (estimate_update recomputes them); accepting is
    estimate_accept's (it drives the total-loss recommendation)."""

    editable_fields = ["source", "supplier", "reference", "notes"]
    list_display = ["assessment", "source", "supplier", "status", "total", "currency"]
    list_filter = ["source", "status"]
    list_select_related = ["assessment"]
    inlines = [LineInline]

    def has_add_permission(self, request) -> bool:
        return False

    def update(self, request, obj, data):
        estimate_update(estimate=obj, data=data, updated_by=request.user)

    def remove(self, request, obj):
        estimate_delete(estimate=obj, deleted_by=request.user)


@admin.register(Photo)
class PhotoAdmin(ServiceModelAdmin):
    editable_fields = ["caption", "section", "position", "taken_at"]
    list_display = ["filename", "assessment", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["section", "document"]

    def has_add_permission(self, request) -> bool:
        return False  # uploads go through the API: scanned, stripped, thumbnailed

    def update(self, request, obj, data):
        photo_update(photo=obj, data=data, updated_by=request.user)

    def remove(self, request, obj):
        photo_delete(photo=obj, deleted_by=request.user)
