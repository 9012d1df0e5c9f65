from django.contrib import admin

from insurehub.assessments.models import Assessment, AssessmentSection, Estimate, EstimateLine, Photo


class SectionInline(admin.TabularInline):
    model = AssessmentSection
    extra = 0
    fields = ["kind", "severity", "completed", "completed_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["claim", "assessor", "status", "completion_percentage", "total_loss_recommendation", "created_at"]
    list_filter = ["status"]
    search_fields = ["claim__claim_number"]
    raw_id_fields = ["claim", "assessor", "total_loss_overridden_by"]
    inlines = [SectionInline]

    def has_add_permission(self, request):
        return False  # through the API (assessment_create), which builds the sections


class LineInline(admin.TabularInline):
    model = EstimateLine
    extra = 0
    readonly_fields = ["net", "tax", "total"]


@admin.register(Estimate)
class EstimateAdmin(admin.ModelAdmin):
    list_display = ["assessment", "source", "supplier", "status", "total", "currency"]
    list_filter = ["source", "status"]
    readonly_fields = ["subtotal", "tax_total", "total"]
    raw_id_fields = ["assessment", "created_by", "accepted_by"]
    inlines = [LineInline]


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["filename", "assessment", "status", "perceptual_hash", "created_at"]
    list_filter = ["status"]
    exclude = ["original_metadata"]
    raw_id_fields = ["assessment", "claim", "section", "document", "uploaded_by"]
