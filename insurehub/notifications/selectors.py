from django.db.models import QuerySet

from insurehub.notifications.models import Notification


def notifications_for(user) -> QuerySet[Notification]:
    """A user's own notifications: personal to everyone, admins included."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)
