"""An event's audience from the same AccessRule its objects' selectors filter by (core.access).

`visibility_q(user, rule)` says who may read an object; `audience_of(obj, rule)` says which of the
groups a socket joins (subscriptions.base_groups) reach exactly those users:

    customer     the owner's user group (rule.owner)
    admin        groups.ADMINS (publish() adds it to every event)
    ALL          groups.STAFF: every staff role
    OFFICE       groups.OFFICE (agents, supervisors, admins) + each assignee's user group
    DEPARTMENT   the department group (its agents and supervisors) + each assignee's user group
    ASSIGNED     each assignee's user group

Each app's permissions.py names the rule and the audience of its kind of object (claims, documents,
assessments, policies, payments), and its services publish with that function, so an event reaches
whoever may read its object and nobody else (tests/test_audiences.py proves it per event type)."""

from django.db.models import Model

from insurehub.core.access import AccessRule, StaffScope
from insurehub.realtime import groups


def _values(obj: Model, path: str) -> list:
    """The values at `path` from `obj` (several when the path crosses a one-to-many relation)."""
    if "__" not in path:
        field = obj._meta.get_field(path)
        if not field.is_relation or field.many_to_one or (field.one_to_one and field.concrete):
            value = getattr(obj, field.attname)  # read from the instance: no query
            return [value] if value is not None else []
    values = type(obj)._base_manager.filter(pk=obj.pk).values_list(path, flat=True)
    return [value for value in values.distinct() if value is not None]


def audience_of(obj: Model, rule: AccessRule, *, owner: bool = True) -> list[str]:
    """The groups whose members may read `obj` under `rule`; `owner=False` leaves the customer out
    (staff business about a customer's object: reserves, internal notes, risk flags)."""
    audience = [groups.ADMINS]
    if owner and rule.owner:
        audience += [groups.user_group(value) for value in _values(obj, rule.owner)]
    scope = rule.staff_scope
    if scope is StaffScope.ALL:
        return sorted({*audience, groups.STAFF})
    if scope is StaffScope.OFFICE:
        audience.append(groups.OFFICE)
    if scope is StaffScope.DEPARTMENT and rule.department:
        audience += [groups.department_group(value) for value in _values(obj, rule.department) if value]
    for path in rule.assignees:
        audience += [groups.user_group(value) for value in _values(obj, path)]
    return sorted(set(audience))
