"""Fixtures shared by every app's tests."""

import os

import pytest

os.environ.setdefault("DJANGO_ENV", "test")


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def make_user(db):
    from insurehub.users.tests.factories import UserFactory

    def make(**kwargs):
        return UserFactory(**kwargs)

    return make


@pytest.fixture
def actors(db):
    """One user per role and scope, named as the access matrix expects:
    owner / other_customer, agent / agent_other_dept, assessor / assessor_other,
    supervisor / supervisor_other_dept, admin. Staff are in the motor department,
    the *_other_dept ones in health."""
    from insurehub.core.roles import Department, Role
    from insurehub.users.tests.factories import UserFactory

    motor, health = Department.MOTOR, Department.HEALTH
    return {
        "owner": UserFactory(role=Role.CUSTOMER, email="owner@example.test"),
        "other_customer": UserFactory(role=Role.CUSTOMER, email="other-customer@example.test"),
        "agent": UserFactory(role=Role.AGENT, department=motor, email="agent@example.test"),
        "agent_other_dept": UserFactory(role=Role.AGENT, department=health, email="agent-health@example.test"),
        "assessor": UserFactory(
            role=Role.ASSESSOR, department=motor, certification_level=3, email="assessor@example.test"
        ),
        "assessor_other": UserFactory(
            role=Role.ASSESSOR, department=motor, certification_level=1, email="assessor2@example.test"
        ),
        "supervisor": UserFactory(role=Role.SUPERVISOR, department=motor, email="supervisor@example.test"),
        "supervisor_other_dept": UserFactory(
            role=Role.SUPERVISOR, department=health, email="supervisor-health@example.test"
        ),
        "admin": UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True, email="admin@example.test"),
    }
