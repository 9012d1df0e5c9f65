"""Who may see and do what with policies and the catalogue, and who hears of a policy.

Seeing a policy (selectors.policies_visible_to) is POLICY_ACCESS: its customer; every agent,
supervisor and admin (customers' records are the office's); an assessor only the policies of the
claims assigned to them. `policy_audience` is derived from the same rule."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from insurehub.core.access import AccessRule, StaffScope
from insurehub.core.permissions import allows_object, has_role, is_admin, is_customer
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.core.roles import Role
from insurehub.realtime.audiences import audience_of

# Agents and supervisors see every customer's policies; assessors those of the claims assigned to them.
POLICY_ACCESS = AccessRule(owner="customer", assignees=("claims__assigned_assessor",), staff_scope=StaffScope.OFFICE)


def policy_audience(policy) -> list[str]:
    """Everyone who may see the policy (POLICY_ACCESS)."""
    return audience_of(policy, POLICY_ACCESS)


def can_manage_catalogue(user, obj=None) -> bool:
    """Admins change companies and products (and see those off sale); everyone may browse."""
    return is_admin(user)


def can_review_product(user, obj=None) -> bool:
    """Customers review the products they hold or held (the service checks the holding)."""
    return is_customer(user)


def can_change_policy(user, policy=None) -> bool:
    """Accept, cancel or renew: the customer on their own policy, or the office on their behalf;
    assessors read policies of their claims only."""
    return has_role(user, Role.CUSTOMER, Role.AGENT, Role.SUPERVISOR, Role.ADMIN)


class CatalogueReadOrManage(BasePermission):
    """Anyone may browse the catalogue, signed in or not; only `can_manage_catalogue` changes it."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or can_manage_catalogue(request.user)


ReviewsProducts = allows_object(can_review_product, message="Only customers review products.", code="customers_only")
ChangesPolicies = allows_object(can_change_policy, message="Assessors do not change policies.")
