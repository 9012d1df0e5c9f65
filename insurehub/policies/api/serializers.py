from decimal import Decimal

from rest_framework import serializers

from insurehub.core.serializers import MoneyField, OptionalEmailField, OptionalURLField, StrictSerializer
from insurehub.policies.documents import certificate_available
from insurehub.policies.models import (
    CURRENCIES,
    InsuranceCompany,
    PaymentPlan,
    Policy,
    PolicyCategory,
    PolicyReview,
    PolicyType,
)
from insurehub.workflows.models import WorkflowStage


class RatingMixin(serializers.Serializer):
    average_rating = serializers.SerializerMethodField()
    review_count = serializers.IntegerField(read_only=True)

    def get_average_rating(self, obj) -> str | None:
        value = getattr(obj, "average_rating", None)
        return None if value is None else f"{value:.2f}"


class CompanyOutputSerializer(RatingMixin, serializers.ModelSerializer):
    product_count = serializers.IntegerField(read_only=True)
    email = OptionalEmailField(help_text="Null when the company has none.")
    website = OptionalURLField(help_text="Null when the company has none.")
    logo_url = OptionalURLField(help_text="Null when the company has none.")

    class Meta:
        model = InsuranceCompany
        fields = [
            "id",
            "name",
            "registration_number",
            "email",
            "phone",
            "website",
            "address",
            "logo_url",
            "active",
            "average_rating",
            "review_count",
            "product_count",
        ]
        read_only_fields = fields


class CompanyInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=200)
    registration_number = serializers.CharField(max_length=64)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    logo_url = serializers.URLField(required=False, allow_blank=True)
    active = serializers.BooleanField(required=False)


class CompanyUpdateSerializer(CompanyInputSerializer):
    name = serializers.CharField(max_length=200, required=False)
    registration_number = serializers.CharField(max_length=64, required=False)


class CategoryOutputSerializer(serializers.ModelSerializer):
    product_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = PolicyCategory
        fields = ["slug", "name", "icon", "description", "product_count"]
        read_only_fields = fields


class PolicyTypeOutputSerializer(RatingMixin, serializers.ModelSerializer):
    base_premium = MoneyField()
    company_name = serializers.CharField(source="company.name", read_only=True)

    class Meta:
        model = PolicyType
        fields = [
            "id",
            "company",
            "company_name",
            "category",
            "name",
            "description",
            "coverage_details",
            "base_premium",
            "pricing_rules",
            "term_months",
            "currency",
            "active",
            "average_rating",
            "review_count",
        ]
        read_only_fields = fields


class PolicyTypeDetailOutputSerializer(PolicyTypeOutputSerializer):
    """A product as the caller sees it: with whether they reviewed it and may review it."""

    already_reviewed = serializers.BooleanField(
        read_only=True, help_text="The signed-in customer has reviewed this product (false for anyone else)."
    )
    can_review = serializers.BooleanField(
        read_only=True,
        help_text="The signed-in customer holds or held this product and has not reviewed it yet.",
    )

    class Meta(PolicyTypeOutputSerializer.Meta):
        fields = [*PolicyTypeOutputSerializer.Meta.fields, "already_reviewed", "can_review"]
        read_only_fields = fields


class PolicyTypeInputSerializer(StrictSerializer):
    company = serializers.PrimaryKeyRelatedField(queryset=InsuranceCompany.objects.all())
    category = serializers.PrimaryKeyRelatedField(queryset=PolicyCategory.objects.all())
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    coverage_details = serializers.JSONField()
    base_premium = MoneyField(min_value=Decimal("0"))
    pricing_rules = serializers.JSONField(required=False)
    term_months = serializers.IntegerField(min_value=1, max_value=60, required=False)
    currency = serializers.ChoiceField(choices=CURRENCIES, required=False)
    active = serializers.BooleanField(required=False)


class PolicyTypeUpdateSerializer(StrictSerializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    coverage_details = serializers.JSONField(required=False)
    base_premium = MoneyField(min_value=Decimal("0"), required=False)
    pricing_rules = serializers.JSONField(required=False)
    term_months = serializers.IntegerField(min_value=1, max_value=60, required=False)
    active = serializers.BooleanField(required=False)


class PolicyOutputSerializer(serializers.ModelSerializer):
    premium = MoneyField()
    sum_insured = MoneyField()
    category = serializers.CharField(source="policy_type.category_id", read_only=True)
    product = serializers.CharField(source="policy_type.name", read_only=True)
    company = serializers.CharField(source="policy_type.company.name", read_only=True)
    vehicle_registration = serializers.CharField(
        source="vehicle.registration", read_only=True, default=None, allow_null=True
    )
    certificate_available = serializers.SerializerMethodField(
        help_text="Whether GET /api/policies/{id}/certificate.pdf answers (an active motor policy)."
    )

    class Meta:
        model = Policy
        fields = [
            "id",
            "policy_number",
            "customer",
            "policy_type",
            "product",
            "company",
            "category",
            "vehicle",
            "vehicle_registration",
            "status",
            "start_date",
            "end_date",
            "premium",
            "sum_insured",
            "currency",
            "payment_plan",
            "addons",
            "quote_details",
            "quote_valid_until",
            "activated_at",
            "cancelled_at",
            "certificate_number",
            "certificate_available",
            "renewed_from",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_certificate_available(self, policy: Policy) -> bool:
        return certificate_available(policy)


class QuoteInputSerializer(StrictSerializer):
    policy_type = serializers.UUIDField()
    customer = serializers.UUIDField(required=False, help_text="Staff only: the customer being quoted.")
    vehicle = serializers.UUIDField(required=False)
    sum_insured = MoneyField(required=False, min_value=Decimal("1"))
    start_date = serializers.DateField(required=False)
    payment_plan = serializers.ChoiceField(choices=PaymentPlan.choices, required=False, default=PaymentPlan.ANNUAL)
    addons = serializers.ListField(child=serializers.CharField(max_length=32), required=False, max_length=20)


class ReasonInputSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=500)


class StageOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkflowStage
        fields = ["stage", "entered_at", "left_at", "actor", "note"]
        read_only_fields = fields


class ReviewOutputSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = PolicyReview
        fields = ["id", "policy_type", "rating", "text", "author", "created_at"]
        read_only_fields = fields

    def get_author(self, obj) -> str:
        name = (obj.customer.name or "").strip()
        return f"{name.split()[0]} {name.split()[-1][0]}." if len(name.split()) > 1 else (name or "Customer")


class ReviewInputSerializer(StrictSerializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    text = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
