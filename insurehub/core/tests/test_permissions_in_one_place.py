"""Who may do what lives in each app's permissions.py: no API view looks at a role itself.

Views name an app's rule only through DRF permission classes made in its permissions.py (which
delegate to `can_<action>` functions); a role check written in a view (`request.user.role`,
`Role.X`, `is_staff`, `has_role(...)`, the role permission classes of core) fails this test."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
VIEWS = sorted(PACKAGE.glob("*/api/views.py"))

ROLE_ATTRIBUTES = {"role", "is_staff", "is_superuser", "is_staff_role"}
ROLE_NAMES = {"Role", "STAFF_ROLES", "has_role", "HasRole", "IsAdmin", "IsStaffRole", "IsCustomer"}


def role_checks(source: str) -> list[str]:
    """Each place in `source` that reads a role (line: code), ignoring docstrings and comments."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ROLE_ATTRIBUTES:
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id in ROLE_NAMES:
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.keyword) and node.arg in ("role", "role__in", "is_staff", "is_superuser"):
            found.append(f"{node.lineno}: {node.arg}=")
        elif isinstance(node, ast.ImportFrom) and node.module == "insurehub.core.roles":
            names = {alias.name for alias in node.names} & ROLE_NAMES
            if names:
                found.append(f"{node.lineno}: import {', '.join(sorted(names))}")
    return found


def test_every_app_with_views_is_checked():
    assert len(VIEWS) >= 10, VIEWS


@pytest.mark.parametrize("path", VIEWS, ids=[path.parent.parent.name for path in VIEWS])
def test_views_hold_no_role_checks(path):
    found = role_checks(path.read_text())
    assert not found, f"{path.relative_to(PACKAGE.parent)} checks roles itself (move it to permissions.py): {found}"


def test_the_check_finds_role_checks():
    code = '''
from insurehub.core.roles import Role
def view(request):
    """Only `request.user.role == Role.ADMIN` in a docstring is fine."""
    if request.user.role == Role.ADMIN or request.user.is_staff:
        return User.objects.filter(role="customer")
'''
    assert sorted(role_checks(code)) == sorted(["2: import Role", "5: .role", "5: Role", "5: .is_staff", "6: role="])
