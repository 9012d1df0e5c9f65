from django.contrib import admin

from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyReview, PolicyType


@admin.register(InsuranceCompany)
class InsuranceCompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "registration_number", "active"]
    search_fields = ["name", "registration_number"]
    list_filter = ["active"]


@admin.register(PolicyCategory)
class PolicyCategoryAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "icon", "position"]


@admin.register(PolicyType)
class PolicyTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "company", "category", "base_premium", "currency", "active"]
    list_filter = ["category", "company", "active"]
    search_fields = ["name"]


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["policy_number", "customer", "policy_type", "status", "start_date", "end_date", "premium"]
    list_filter = ["status", "policy_type__category", "payment_plan"]
    search_fields = ["policy_number", "customer__email", "vehicle__registration"]
    raw_id_fields = ["customer", "vehicle", "renewed_from"]


@admin.register(PolicyReview)
class PolicyReviewAdmin(admin.ModelAdmin):
    list_display = ["policy_type", "customer", "rating", "created_at"]
    list_filter = ["rating"]
    raw_id_fields = ["customer"]
