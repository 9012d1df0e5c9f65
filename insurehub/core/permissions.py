"""The building blocks of each app's `permissions.py` (who may do what, in one place per app).

An app writes its rules as `can_<action>(user, obj=None) -> bool`; its services `require(...)` them
(the project's permission error: 403 `permission_denied` in the problem+json shape), and its views
name them only through DRF permission classes made here (`allows`, `allows_object`), never by
looking at a role. Object visibility is `core.access.restrict`."""

from collections.abc import Callable

from rest_framework.permissions import SAFE_METHODS, BasePermission

from insurehub.core.errors import ApplicationError
from insurehub.core.roles import STAFF_ROLES, Role

DENIED = "Your role may not do this."


def has_role(user, *roles: str) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.role in roles)


def require(allowed: bool, message: str = DENIED, *, code: str = "permission_denied") -> None:
    """Raise the project's permission error unless `allowed`: `require(can_x(user, obj), "why not")`."""
    if not allowed:
        raise ApplicationError(code, message, status=403)


def _authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def allows(
    check: Callable[..., bool], *, message: str | None = DENIED, code: str | None = None, safe_methods: bool = False
) -> type[BasePermission]:
    """A DRF permission class asking `check(request.user)` (the caller must be signed in);
    with `safe_methods`, reads are open to every signed-in caller and only writes are asked.

        permission_classes = [allows(can_manage_claims)]"""

    def has_permission(self, request, view) -> bool:
        if not _authenticated(request.user):
            return False
        if safe_methods and request.method in SAFE_METHODS:
            return True
        return bool(check(request.user))

    name = f"Allows_{getattr(check, '__name__', 'check')}"
    return type(name, (BasePermission,), {"has_permission": has_permission, "message": message, "code": code})


def allows_object(
    check: Callable[..., bool], *, message: str | None = DENIED, code: str | None = None
) -> type[BasePermission]:
    """A DRF permission class asking `check(request.user, obj)` when the view calls
    `self.check_object_permissions(request, obj)` after finding the object it may see (so an
    object the caller may not see is still a 404, and one they see but may not act on a 403)."""

    def has_permission(self, request, view) -> bool:
        return _authenticated(request.user)

    def has_object_permission(self, request, view, obj) -> bool:
        return bool(check(request.user, obj))

    name = f"AllowsObject_{getattr(check, '__name__', 'check')}"
    return type(
        name,
        (BasePermission,),
        {
            "has_permission": has_permission,
            "has_object_permission": has_object_permission,
            "message": message,
            "code": code,
        },
    )


class _RolePermission(BasePermission):
    roles: frozenset[str] = frozenset()
    message = DENIED

    def has_permission(self, request, view) -> bool:
        return has_role(request.user, *self.roles)


def HasRole(*roles: str) -> type[BasePermission]:  # noqa: N802 - reads as a class in permission_classes
    """permission_classes = [HasRole(Role.SUPERVISOR, Role.ADMIN)] (for an app's permissions.py;
    views name the app's classes instead)."""
    return type(f"HasRole_{'_'.join(roles)}", (_RolePermission,), {"roles": frozenset(roles)})


def is_admin(user, obj=None) -> bool:
    return has_role(user, Role.ADMIN)


def is_staff_member(user, obj=None) -> bool:
    """Any insurer role (agent, assessor, supervisor, admin): not a customer."""
    return has_role(user, *STAFF_ROLES)


def is_customer(user, obj=None) -> bool:
    return has_role(user, Role.CUSTOMER)


IsAdmin = HasRole(Role.ADMIN)
IsStaffRole = HasRole(*STAFF_ROLES)
IsCustomer = HasRole(Role.CUSTOMER)
