"""Who may do what with bulk intake: supervisors (their department's imports) and admins import and
read imports; a partner, through its API key, imports for the policies in its scope and reads its own
imports; admins manage partners, their policies and keys."""

from dataclasses import dataclass

from insurehub.core.permissions import has_role
from insurehub.core.roles import Role


class PartnerPrincipal:
    """`request.user` on an intake endpoint called with a partner's API key (intake/auth.py). It is
    not a User: services file the partner's claims for the policy's holder and audit with no actor
    (the entry names the partner and the key)."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_staff = False
    is_superuser = False
    role = "partner"
    department = ""

    def __init__(self, api_key):
        self.api_key = api_key
        self.partner = api_key.partner
        # Throttling and logs key on it; never a User's primary key.
        self.pk = self.id = f"partner-key:{api_key.pk}"

    def __str__(self) -> str:
        return f"partner {self.partner.name} (key {self.api_key.prefix})"


@dataclass(frozen=True)
class Caller:
    """Who is importing: a staff user, or a partner through one of its keys."""

    user: object | None = None
    partner: object | None = None
    api_key: object | None = None

    @classmethod
    def of(cls, principal) -> "Caller":
        if isinstance(principal, PartnerPrincipal):
            return cls(partner=principal.partner, api_key=principal.api_key)
        return cls(user=principal)

    @property
    def scope(self) -> str:
        """Whose files and rows these are, for replays."""
        if self.partner is not None:
            return f"partner:{self.partner.pk}"
        if getattr(self.user, "role", None) == Role.ADMIN:
            return "staff:admin"
        return f"staff:{getattr(self.user, 'department', '')}"

    @property
    def department(self) -> str:
        if self.partner is not None:
            return self.partner.department
        return getattr(self.user, "department", "") or ""


def can_import(principal) -> bool:
    """Supervisors and admins; a partner (its key already checked active) too."""
    if isinstance(principal, PartnerPrincipal):
        return bool(principal.partner.active)
    return has_role(principal, Role.SUPERVISOR, Role.ADMIN)


def can_manage_partners(user) -> bool:
    return not isinstance(user, PartnerPrincipal) and has_role(user, Role.ADMIN)
