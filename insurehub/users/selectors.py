"""Reading users."""

from django.db.models import Q, QuerySet

from insurehub.core.roles import Role
from insurehub.users.models import User


def users_visible_to(user: User) -> QuerySet[User]:
    """Admins see everyone; supervisors the staff of their department; others themselves."""
    if not user.is_authenticated or not user.is_active:
        return User.objects.none()
    if user.role == Role.ADMIN:
        return User.objects.all()
    if user.role == Role.SUPERVISOR and user.department:
        return User.objects.filter(
            Q(pk=user.pk) | Q(department=user.department, role__in=[Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR])
        )
    return User.objects.filter(pk=user.pk)
