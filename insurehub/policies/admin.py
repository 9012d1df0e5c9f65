"""Policies in the admin: a policy's status, dates and amounts are read-only (quote, accept,
payment and the periodic job move them); cancelling is an action that asks for the reason and
calls policy_cancel. The catalogue (companies, products) is saved through its services."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from insurehub.audit.admin import AuditedModelAdmin, ReadOnlyAdmin, ReasonForm, ServiceModelAdmin, form_action
from insurehub.core.admin_search import BlindIndexSearchMixin
from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyReview, PolicyType
from insurehub.policies.services import company_update, policy_cancel, policy_type_update
from insurehub.vehicles.models import normalise_registration
from insurehub.workflows.models import WorkflowStage


@admin.register(InsuranceCompany)
class InsuranceCompanyAdmin(ServiceModelAdmin):
    editable_fields = ["name", "registration_number", "email", "phone", "website", "address", "logo_url", "active"]
    list_display = ["name", "registration_number", "active"]
    search_fields = ["name", "registration_number"]
    list_filter = ["active"]

    def update(self, request, obj, data):
        company_update(company=obj, data=data, updated_by=request.user)


@admin.register(PolicyCategory)
class PolicyCategoryAdmin(AuditedModelAdmin):
    list_display = ["slug", "name", "icon", "position"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # products and the web application's menus refer to them


@admin.register(PolicyType)
class PolicyTypeAdmin(ServiceModelAdmin):
    """A product. Its price list (base premium, pricing rules) is catalogue data, changed through
    policy_type_update and audited; policies already sold keep their own premium."""

    editable_fields = [
        "name",
        "description",
        "coverage_details",
        "base_premium",
        "pricing_rules",
        "term_months",
        "active",
    ]
    list_display = ["name", "company", "category", "base_premium", "currency", "active"]
    list_filter = ["category", "company", "active"]
    list_select_related = ["company", "category"]
    search_fields = ["name"]

    def update(self, request, obj, data):
        policy_type_update(policy_type=obj, data=data, updated_by=request.user)


class StageInline(GenericTabularInline):
    """The policy's lifecycle (status history), read-only."""

    model = WorkflowStage
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ["stage", "entered_at", "left_at", "actor", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Policy)
class PolicyAdmin(BlindIndexSearchMixin, ReadOnlyAdmin):
    list_display = ["policy_number", "customer", "policy_type", "status", "start_date", "end_date", "premium"]
    list_filter = ["status", "policy_type__category", "payment_plan"]
    list_select_related = ["customer", "policy_type"]
    search_fields = ["policy_number", "customer__email"]
    # Sealed: a whole registration (any case, spaces or dashes) or the customer's whole phone number.
    blind_index_search = {"vehicle__registration_hash": "registration", "customer__phone_hash": "phone"}

    def blind_index_term(self, purpose, term):
        return normalise_registration(term) if purpose == "registration" else term

    inlines = [StageInline]
    actions = ["cancel"]

    @admin.action(description="Cancel (with a reason)…")
    def cancel(self, request, queryset):
        return form_action(
            self,
            request,
            queryset,
            form_class=ReasonForm,
            action="cancel",
            title="Cancel policies",
            intro="Each policy is cancelled by the policies service: its status history and the audit log "
            "record who did it and why.",
            submit_label="Cancel the policies",
            apply=lambda policy, answers: policy_cancel(
                policy=policy, cancelled_by=request.user, reason=answers["reason"]
            ),
            done="Cancelled",
        )


@admin.register(PolicyReview)
class PolicyReviewAdmin(AuditedModelAdmin):
    """A customer's words: never rewritten; an abusive review may be removed (audited)."""

    list_display = ["policy_type", "customer", "rating", "created_at"]
    list_filter = ["rating"]
    list_select_related = ["policy_type", "customer"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
