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

A rule's StaffScope changes the staff lines: customers' records (policies, vehicles, payments) are
StaffScope.OFFICE, every agent and supervisor sees them and an assessor only those of the claims assigned
to them (the rule's `assignees` paths reach the claim, e.g. "claims__assigned_assessor").
An assignee path may cross a one-to-many relation: it is then matched through a subquery, so an
object reached through two claims is listed once.
"""

from dataclasses import dataclass
from enum import Enum

from django.db.models import Model, Q, QuerySet

from insurehub.core.roles import Role


class StaffScope(Enum):
    DEPARTMENT = "department"  # agents and supervisors see their department (default)
    ALL = "all"  # every staff role sees every object
    OFFICE = "office"  # agents and supervisors see every object, assessors only what `assignees` reach
    ASSIGNED = "assigned"  # staff see only what is assigned to them (admins still see all)


@dataclass(frozen=True)
class AccessRule:
    owner: str | None = None
    department: str | None = None
    assignees: tuple[str, ...] = ()
    staff_scope: StaffScope = StaffScope.DEPARTMENT


def _nothing() -> Q:
    return Q(pk__in=[])


def _crosses_many(model: type[Model], path: str) -> bool:
    """Whether the ORM path goes through a one-to-many or many-to-many relation from `model`."""
    for name in path.split("__"):
        if name == "pk":
            return False
        field = model._meta.get_field(name)
        if field.one_to_many or field.many_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model  # type: ignore[assignment]  # a model class once the apps are loaded
    return False


def _assigned_q(user, path: str, model: type[Model] | None) -> Q:
    if model is not None and _crosses_many(model, path):
        return Q(pk__in=model._base_manager.filter(**{path: user.pk}).values("pk"))
    return Q(**{path: user.pk})


def visibility_q(user, rule: AccessRule, model: type[Model] | None = None) -> Q:
    """The filter expressing what `user` may see under `rule` (use with .filter()). With `model`, an
    assignee path that crosses a one-to-many relation is matched through a subquery (no duplicate rows)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return _nothing()
    role = user.role
    if role == Role.ADMIN:
        return Q()
    if role == Role.CUSTOMER:
        return Q(**{rule.owner: user.pk}) if rule.owner else _nothing()
    if rule.staff_scope is StaffScope.ALL:
        return Q()
    if rule.staff_scope is StaffScope.OFFICE and role in (Role.AGENT, Role.SUPERVISOR):
        return Q()
    condition = _nothing()
    for path in rule.assignees:
        condition |= _assigned_q(user, path, model)
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
    condition = visibility_q(user, rule, queryset.model)
    if condition == Q():
        return queryset
    return queryset.filter(condition)
