"""Who may see and do what with catastrophe events.

Every staff member reads every event (an event is a public fact about the world, and assessors and
agents of any department see its area on the map); customers see none (404 on an event, 403 on the
list). Supervisors declare, edit and close their own department's events; admins any."""

from insurehub.catastrophes.models import CatastropheEvent
from insurehub.core.access import AccessRule, StaffScope
from insurehub.core.permissions import allows, allows_object, has_role, is_staff_member
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.core.roles import Role
from insurehub.realtime.audiences import audience_of

CATASTROPHE_ACCESS = AccessRule(staff_scope=StaffScope.ALL)

# Who may sit on an event's desk (take its claims): the department's agents, assessors and supervisors.
DESK_ROLES = (Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR)


def catastrophe_audience(event: CatastropheEvent) -> list[str]:
    """Everyone who may read the event (CATASTROPHE_ACCESS): every staff socket."""
    return audience_of(event, CATASTROPHE_ACCESS)


def can_list_catastrophes(user) -> bool:
    return is_staff_member(user)


def can_declare_catastrophe(user, department: str | None = None) -> bool:
    """Admins for any department; supervisors for their own."""
    if has_role(user, Role.ADMIN):
        return True
    return (
        has_role(user, Role.SUPERVISOR)
        and bool(user.department)
        and (department is None or user.department == department)
    )


def can_manage_catastrophe(user, event: CatastropheEvent | None = None) -> bool:
    """Edit or close an event: admins, and supervisors of the event's department."""
    return can_declare_catastrophe(user, event.department if event is not None else None)


def can_read_event_figures(user, event: CatastropheEvent | None = None) -> bool:
    """An event's figures add up its department's claims: admins, and that department's staff."""
    if has_role(user, Role.ADMIN):
        return True
    return is_staff_member(user) and (event is None or user.department == event.department)


ListsCatastrophes = allows(can_list_catastrophes, message="Catastrophe events are for staff.")
DeclaresCatastrophes = allows(
    can_declare_catastrophe, message="Supervisors and admins declare catastrophe events.", safe_methods=True
)
ManagesCatastrophe = allows_object(
    can_manage_catastrophe, message="Supervisors manage their own department's events; admins any."
)
ReadsEventFigures = allows_object(
    can_read_event_figures, message="An event's figures are for its department's staff and admins."
)
