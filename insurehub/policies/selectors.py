from django.db.models import Avg, BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Value

from insurehub.core.access import restrict
from insurehub.core.permissions import is_customer
from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyReview, PolicyStatus, PolicyType
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


def policies_held_by(customer) -> QuerySet[Policy]:
    """The policies that make their customer a holder of the product (who may review it): ones that
    were active at some time, whatever became of them since."""
    return Policy.objects.filter(
        customer=customer,
        status__in=[PolicyStatus.ACTIVE, PolicyStatus.LAPSED, PolicyStatus.EXPIRED, PolicyStatus.CANCELLED],
        activated_at__isnull=False,
    )


def policy_types_for_viewer(user, *, include_inactive: bool = False) -> QuerySet[PolicyType]:
    """The catalogue's products with `already_reviewed` and `can_review` for the caller: a customer
    may review a product they hold or held, once (services.review_create is the rule's writer)."""
    queryset = policy_types_catalogue(include_inactive=include_inactive)
    if not is_customer(user):
        return queryset.annotate(already_reviewed=Value(False), can_review=Value(False))
    reviewed = Exists(PolicyReview.objects.filter(policy_type=OuterRef("pk"), customer=user))
    held = Exists(policies_held_by(user).filter(policy_type=OuterRef("pk")))
    return queryset.annotate(
        already_reviewed=reviewed,
        can_review=ExpressionWrapper(Q(held) & ~Q(reviewed), output_field=BooleanField()),
    )


def reviews_of(policy_type: PolicyType) -> QuerySet[PolicyReview]:
    return PolicyReview.objects.filter(policy_type=policy_type).select_related("customer")
