"""Object-level access: the one rule of DESIGN.md section 3, as a queryset filter.

Each app describes where, on its model, the owner, the department and the assigned staff
live (an AccessRule of ORM paths); `restrict(queryset, user, rule)` keeps what the user may
see. Lists, details, nested endpoints and subscriptions all go through it, so an object
the caller may not see is simply absent: a 404, never a 403 with its data.

    admin       everything
    supervisor  objects of their department, and those assigned to them
    agent       objects of their department, and those assigned to them
    assessor    objects assigned to them
    customer    objects they own
"""

from dataclasses import dataclass
from enum import Enum

from django.db.models import Q, QuerySet

from insurehub.core.roles import Role


class StaffScope(Enum):
    DEPARTMENT = "department"  # agents and supervisors see their department (default)
    ALL = "all"  # every staff role sees every object (e.g. the customers' policies)
    ASSIGNED = "assigned"  # staff see only what is assigned to them (admins still see all)


@dataclass(frozen=True)
class AccessRule:
    owner: str | None = None
    department: str | None = None
    assignees: tuple[str, ...] = ()
    staff_scope: StaffScope = StaffScope.DEPARTMENT


def _nothing() -> Q:
    return Q(pk__in=[])


def visibility_q(user, rule: AccessRule) -> Q:
    """The filter expressing what `user` may see under `rule` (use with .filter())."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return _nothing()
    role = user.role
    if role == Role.ADMIN:
        return Q()
    if role == Role.CUSTOMER:
        return Q(**{rule.owner: user.pk}) if rule.owner else _nothing()
    if rule.staff_scope is StaffScope.ALL:
        return Q()
    condition = _nothing()
    for path in rule.assignees:
        condition |= Q(**{path: user.pk})
    if (
        rule.staff_scope is StaffScope.DEPARTMENT
        and role in (Role.AGENT, Role.SUPERVISOR)
        and rule.department
        and user.department
    ):
        condition |= Q(**{rule.department: user.department})
    return condition


def restrict(queryset: QuerySet, user, rule: AccessRule) -> QuerySet:
    """`queryset` narrowed to what `user` may see."""
    condition = visibility_q(user, rule)
    if condition == Q():
        return queryset
    return queryset.filter(condition)
