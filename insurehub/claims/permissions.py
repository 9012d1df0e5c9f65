"""Who may see and do what with claims: the visibility rule (CLAIM_ACCESS, which
`selectors.claims_visible_to` filters by), the audiences of claim events derived from it, and
`can_<action>(user, claim=None)` for the rest.

Services `require(...)` these; views name them only through the permission classes below."""

from decimal import Decimal

from django.conf import settings

from insurehub.claims.models import Claim, Priority
from insurehub.core.access import AccessRule
from insurehub.core.permissions import allows, allows_object, has_role
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.core.roles import Role
from insurehub.realtime import groups
from insurehub.realtime.audiences import audience_of

# Who may see a claim: its customer; agents and supervisors of its department; its assigned agent
# and assessor; admins (DESIGN.md section 3).
CLAIM_ACCESS = AccessRule(owner="customer", department="department", assignees=("assigned_agent", "assigned_assessor"))


def claim_audience(claim: Claim) -> list[str]:
    """Everyone who may see the claim (CLAIM_ACCESS), and the sockets subscribed to it."""
    return sorted({*audience_of(claim, CLAIM_ACCESS), groups.claim_group(claim.pk)})


def claim_staff_audience(claim: Claim) -> list[str]:
    """The staff who may see the claim, for internal happenings (reserves, internal notes, risk
    flags, assessment figures): never the customer, and not the claim's group either, because the
    customer may subscribe to their own claim."""
    return audience_of(claim, CLAIM_ACCESS, owner=False)


# Staff who run the claims desk: file, move, assign and settle claims of their scope.
MANAGER_ROLES = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)


def can_manage_claims(user, claim=None) -> bool:
    """Agents, supervisors and admins act on the claims they can see (bulk actions, assignment)."""
    return has_role(user, *MANAGER_ROLES)


def can_file_claim(user, claim=None) -> bool:
    """Customers (on their own policies), agents, supervisors and admins file claims; assessors do not."""
    return has_role(user, Role.CUSTOMER, *MANAGER_ROLES)


def can_edit_claim(user, claim=None) -> bool:
    """Through the API, customers (while it is a draft or submitted: the service says when) and the
    claims desk edit a claim's details; assessors record their findings in the assessment instead
    (whose completion sets the claim's estimate through the service)."""
    return has_role(user, Role.CUSTOMER, *MANAGER_ROLES)


def can_set_claim_estimate(user, claim=None) -> bool:
    """The priority and the estimated cost are the insurer's (staff, e.g. an assessor's accepted
    estimate on completion): never the customer's."""
    return has_role(user, Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR, Role.ADMIN)


def can_read_internal(user, claim=None) -> bool:
    """Staff who may see a claim read its internal side (reserves, internal notes, the staff copy of
    the timeline and report); its customer reads what is addressed to them."""
    return has_role(user, Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR, Role.ADMIN)


def can_set_reserve(user, claim=None) -> bool:
    """Staff who may see the claim set its reserves, within their reserve authority (guards)."""
    return can_read_internal(user, claim)


def can_propose_settlement(user, claim=None) -> bool:
    return has_role(user, *MANAGER_ROLES)


def can_answer_settlement_offer(user, claim=None) -> bool:
    """The claim's customer accepts or declines an approved offer; the claims desk records the
    customer's answer on their behalf (e.g. given by phone), with a note, audited as such."""
    if has_role(user, Role.CUSTOMER):
        return claim is None or claim.customer_id == user.pk
    return has_role(user, *MANAGER_ROLES)


def answers_for_customer(user, claim) -> bool:
    """The answer is recorded by staff on the customer's behalf (not the customer's own)."""
    return user.pk != claim.customer_id


def can_request_documents(user, claim=None) -> bool:
    """Staff who may see the claim ask its customer for documents, and cancel what they asked."""
    return has_role(user, Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR, Role.ADMIN)


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


# DRF permission classes for the claims views (who may call an endpoint at all; the services check again).
ManagesClaims = allows(can_manage_claims)
FilesClaims = allows(can_file_claim, message="Assessors do not file claims.", safe_methods=True)
EditsClaims = allows_object(can_edit_claim, message="Assessors record their findings in the assessment.")
ReadsReserves = allows_object(can_read_internal, message="Reserves are internal.")
ProposesSettlements = allows_object(
    can_propose_settlement, message="Only agents, supervisors and admins settle claims."
)
AnswersSettlementOffers = allows(can_answer_settlement_offer, message="Assessors do not answer settlement offers.")
RequestsDocuments = allows(
    can_request_documents, message="Staff ask for documents; customers upload them.", safe_methods=True
)
ReadsSettlementWork = allows_object(
    can_read_internal, message="Customers read the offers made to them at settlement/offers/."
)
