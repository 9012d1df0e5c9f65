"""Who may read activity analytics: admins (it names users and what they did)."""

from insurehub.core.permissions import allows, is_admin


def can_read_activity(user, obj=None) -> bool:
    return is_admin(user)


ReadsActivity = allows(can_read_activity)
