"""Role-based permission classes for views. Object visibility is `core.access.restrict`."""

from rest_framework.permissions import BasePermission

from insurehub.core.roles import STAFF_ROLES, Role


def has_role(user, *roles: str) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.role in roles)


class _RolePermission(BasePermission):
    roles: frozenset[str] = frozenset()
    message = "Your role may not do this."

    def has_permission(self, request, view) -> bool:
        return has_role(request.user, *self.roles)


def HasRole(*roles: str) -> type[BasePermission]:  # noqa: N802 - reads as a class in permission_classes
    """permission_classes = [HasRole(Role.SUPERVISOR, Role.ADMIN)]"""
    return type(f"HasRole_{'_'.join(roles)}", (_RolePermission,), {"roles": frozenset(roles)})


IsAdmin = HasRole(Role.ADMIN)
IsStaffRole = HasRole(*STAFF_ROLES)
IsCustomer = HasRole(Role.CUSTOMER)
