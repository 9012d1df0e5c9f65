from django.db.models import Avg, Count, QuerySet

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyReview, PolicyType
from insurehub.realtime import groups

# Agents and supervisors see every customer's policies; assessors those of the claims assigned to them.
POLICY_ACCESS = AccessRule(owner="customer", assignees=("claims__assigned_assessor",), staff_scope=StaffScope.OFFICE)


def policies_visible_to(user) -> QuerySet[Policy]:
    queryset = Policy.objects.select_related(
        "policy_type", "policy_type__company", "policy_type__category", "vehicle", "customer"
    )
    return restrict(queryset, user, POLICY_ACCESS)


def record_audience(*, customer_id, policy_id=None) -> list[str]:
    """Who hears of a change to a customer's record (a policy, a payment): the customer, agents,
    supervisors and admins, and the assessors of the claims on its policy (POLICY_ACCESS)."""
    audience = [groups.user_group(customer_id), groups.OFFICE]
    if policy_id is not None:
        assessors = (
            Policy.objects.filter(pk=policy_id, claims__assigned_assessor__isnull=False)
            .values_list("claims__assigned_assessor", flat=True)
            .distinct()
        )
        audience += [groups.user_group(assessor_id) for assessor_id in assessors]
    return audience


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
