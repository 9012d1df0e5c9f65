from django.db.models import Avg, Count, QuerySet

from insurehub.core.access import restrict
from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyReview, PolicyType
from insurehub.policies.permissions import POLICY_ACCESS


def policies_visible_to(user) -> QuerySet[Policy]:
    queryset = Policy.objects.select_related(
        "policy_type", "policy_type__company", "policy_type__category", "vehicle", "customer"
    )
    return restrict(queryset, user, POLICY_ACCESS)


def companies_catalogue(*, include_inactive: bool = False) -> QuerySet[InsuranceCompany]:
    queryset = InsuranceCompany.objects.annotate(
        average_rating=Avg("policy_types__reviews__rating"),
        review_count=Count("policy_types__reviews", distinct=True),
        product_count=Count("policy_types", distinct=True),
    ).order_by("name")  # Meta.ordering does not apply to aggregating queries: pages must be stable
    return queryset if include_inactive else queryset.filter(active=True)


def categories_catalogue() -> QuerySet[PolicyCategory]:
    return PolicyCategory.objects.annotate(product_count=Count("policy_types", distinct=True)).order_by(
        "position", "name"
    )


def policy_types_catalogue(*, include_inactive: bool = False) -> QuerySet[PolicyType]:
    queryset = (
        PolicyType.objects.select_related("company", "category")
        .annotate(average_rating=Avg("reviews__rating"), review_count=Count("reviews", distinct=True))
        .order_by("company__name", "name")
    )
    return queryset if include_inactive else queryset.filter(active=True, company__active=True)


def reviews_of(policy_type: PolicyType) -> QuerySet[PolicyReview]:
    return PolicyReview.objects.filter(policy_type=policy_type).select_related("customer")
