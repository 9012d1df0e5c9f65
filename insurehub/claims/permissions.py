"""Who may do what with claims, beyond seeing them (seeing is `selectors.claims_visible_to`).

Services call these; views hold no role checks of their own."""

from decimal import Decimal

from django.conf import settings

from insurehub.claims.models import Priority
from insurehub.core.permissions import has_role
from insurehub.core.roles import Role

# Staff who run the claims desk: file, move, assign and settle claims of their scope.
MANAGER_ROLES = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)


def can_manage_claims(user) -> bool:
    """Agents, supervisors and admins act on the claims they can see (bulk actions, assignment)."""
    return has_role(user, *MANAGER_ROLES)


def can_view_customer_contact(user) -> bool:
    """Staff who may see a claim may read its customer's contact details (each read is audited);
    customers read their own from their account."""
    return has_role(user, Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR, Role.ADMIN)


def can_export_claims(user) -> bool:
    """A CSV of many claims carries customers' names: the claims desk only, never customers or assessors."""
    return has_role(user, *MANAGER_ROLES)


def can_list_staff_of(user, department: str) -> bool:
    """Admins may list the staff of any department; agents and supervisors only their own."""
    if has_role(user, Role.ADMIN):
        return True
    return has_role(user, Role.AGENT, Role.SUPERVISOR) and bool(user.department) and user.department == department


def required_certification(claim) -> int:
    """The assessor certification level a claim needs: 3 for urgent or high-value claims, 2 for high priority."""
    if claim.priority == Priority.URGENT or (claim.estimated_cost or 0) >= Decimal(settings.CLAIM_HIGH_VALUE):
        return 3
    if claim.priority == Priority.HIGH:
        return 2
    return 1
