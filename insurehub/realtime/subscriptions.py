"""Which groups a socket joins, and what a client may subscribe to.

Apps register what can be subscribed to, with the rule that says who may see it:

    subscriptions.register(
        "claim",
        group=claim_group,
        visible=lambda user, pk: claims_visible_to(user).filter(pk=pk).exists(),
    )

(the claims app does this in its AppConfig.ready), so the socket applies the same
visibility rule as the API.
"""

from collections.abc import Callable
from dataclasses import dataclass

from insurehub.core.roles import Role
from insurehub.realtime import groups


@dataclass(frozen=True)
class _Subscribable:
    group: Callable[[str], str]
    visible: Callable[[object, str], bool]


_registry: dict[str, _Subscribable] = {}


def register(kind: str, *, group: Callable[[str], str], visible: Callable[[object, str], bool]) -> None:
    _registry[kind] = _Subscribable(group=group, visible=visible)


def registered_kinds() -> list[str]:
    return sorted(_registry)


def group_if_visible(user, kind: str, object_id: str) -> str | None:
    entry = _registry.get(kind)
    if entry is None:
        return None
    try:
        allowed = entry.visible(user, object_id)
    except (ValueError, TypeError, LookupError):  # a malformed id is simply not visible
        allowed = False
    except Exception as exc:  # e.g. ValidationError for a non-UUID
        if exc.__class__.__name__ != "ValidationError":
            raise
        allowed = False
    return entry.group(object_id) if allowed else None


def base_groups(user) -> list[str]:
    """The groups a user's socket always joins."""
    joined = [groups.user_group(user.pk)]
    if user.role == Role.ADMIN:
        joined.append(groups.ADMINS)
    if user.role in (Role.AGENT, Role.SUPERVISOR) and user.department:
        joined.append(groups.department_group(user.department))
    if user.role != Role.CUSTOMER:
        joined.append(groups.STAFF)
    if user.role in (Role.AGENT, Role.SUPERVISOR, Role.ADMIN):
        joined.append(groups.OFFICE)
    return joined
