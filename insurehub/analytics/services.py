from django.utils import timezone

from insurehub.analytics.models import UserActivity


def activity_record(*, user, action: str, target=None, metadata: dict | None = None) -> UserActivity | None:
    """Record one action of a signed-in user (called by services; never fails the caller's work)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return UserActivity.objects.create(
        user=user,
        action=action,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        at=timezone.now(),
        metadata=metadata or {},
    )
