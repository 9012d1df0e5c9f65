"""Reading bulk intake: the imports a caller may see, their rows, the partners and the policies a
caller may name in a file."""

from django.db.models import QuerySet

from insurehub.core.roles import Role
from insurehub.intake.models import IntakeImport, IntakeRow, Partner, PartnerApiKey, PartnerPolicy
from insurehub.intake.permissions import PartnerPrincipal
from insurehub.policies.models import Policy
from insurehub.policies.selectors import policies_visible_to


def imports_visible_to(principal) -> QuerySet[IntakeImport]:
    """A partner its own imports; a supervisor those of their department (their own and their
    partners'); an admin all; nobody else any."""
    queryset = IntakeImport.objects.select_related("partner", "uploaded_by")
    if isinstance(principal, PartnerPrincipal):
        return queryset.filter(partner=principal.partner)
    role = getattr(principal, "role", None)
    if role == Role.ADMIN:
        return queryset
    if role == Role.SUPERVISOR and principal.department:
        return queryset.filter(department=principal.department)
    return queryset.none()


def import_get(*, principal, import_id) -> IntakeImport:
    return imports_visible_to(principal).get(pk=import_id)


def import_rows(*, intake_import: IntakeImport, status: str | None = None) -> QuerySet[IntakeRow]:
    rows = intake_import.rows.order_by("number")
    return rows.filter(status=status) if status else rows


def policies_in_scope(caller) -> QuerySet[Policy]:
    """The policies a caller may name in a file: a partner's linked policies; staff those they may see."""
    if caller.partner is not None:
        return Policy.objects.filter(
            pk__in=PartnerPolicy.objects.filter(partner=caller.partner).values("policy_id")
        ).select_related("policy_type", "vehicle", "customer")
    return policies_visible_to(caller.user)


def partners_list() -> QuerySet[Partner]:
    return Partner.objects.all()


def partner_keys(partner: Partner) -> QuerySet[PartnerApiKey]:
    return partner.api_keys.select_related("created_by").order_by("-created_at")


def policies_by_number(numbers) -> dict[str, Policy]:
    """Policies by their numbers, for an admin bringing them into a partner's scope."""
    return {p.policy_number: p for p in Policy.objects.filter(policy_number__in=list(numbers))}
