"""The object-visibility rule of DESIGN.md section 3, checked on the User table with
stand-in paths (the rule is generic: every app passes its own paths)."""

import pytest

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.users.models import User

pytestmark = pytest.mark.django_db

# Treat each user row as an "object": owned by itself, in its department, assigned to itself.
RULE = AccessRule(owner="pk", department="department", assignees=("pk",))


def visible(user, rule=RULE):
    return set(restrict(User.objects.all(), user, rule).values_list("email", flat=True))


def test_admin_sees_everything(actors):
    assert visible(actors["admin"]) == set(User.objects.values_list("email", flat=True))


def test_customer_sees_only_what_they_own(actors):
    assert visible(actors["owner"]) == {"owner@example.test"}


def test_agent_and_supervisor_see_their_department_and_assignments(actors):
    motor = set(User.objects.filter(department="motor").values_list("email", flat=True))
    assert visible(actors["agent"]) == motor
    assert visible(actors["supervisor"]) == motor


def test_assessor_sees_only_assignments(actors):
    assert visible(actors["assessor"]) == {"assessor@example.test"}


def test_staff_scope_all_and_assigned(actors):
    everything = set(User.objects.values_list("email", flat=True))
    assert visible(actors["assessor"], AccessRule(owner="pk", staff_scope=StaffScope.ALL)) == everything
    assigned_only = AccessRule(owner="pk", department="department", assignees=("pk",), staff_scope=StaffScope.ASSIGNED)
    assert visible(actors["agent"], assigned_only) == {"agent@example.test"}


def test_inactive_and_anonymous_see_nothing(actors):
    from django.contrib.auth.models import AnonymousUser

    admin = actors["admin"]
    admin.is_active = False
    assert visible(admin) == set()
    assert visible(AnonymousUser()) == set()


def test_staff_scope_office(actors):
    """Agents and supervisors see every object; assessors only what their assignee paths reach."""
    everything = set(User.objects.values_list("email", flat=True))
    office = AccessRule(owner="pk", assignees=("pk",), staff_scope=StaffScope.OFFICE)
    assert visible(actors["agent_other_dept"], office) == everything
    assert visible(actors["supervisor"], office) == everything
    assert visible(actors["assessor"], office) == {"assessor@example.test"}
    assert visible(actors["owner"], office) == {"owner@example.test"}
