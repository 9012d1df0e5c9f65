"""Activity summaries: a few grouped queries, whatever the number of rows."""

from datetime import datetime

from django.db.models import Count, Max
from django.db.models.functions import TruncDate

from insurehub.analytics.models import UserActivity


def activity_summary(*, start: datetime, end: datetime, user_id=None) -> dict:
    rows = UserActivity.objects.filter(at__gte=start, at__lt=end)
    if user_id:
        rows = rows.filter(user_id=user_id)
    per_day = (
        rows.annotate(day=TruncDate("at"))
        .values("day")
        .annotate(actions=Count("id"), users=Count("user", distinct=True))
        .order_by("day")
    )
    per_user = (
        rows.values("user", "user__email", "user__role")
        .annotate(actions=Count("id"), last_active=Max("at"))
        .order_by("-actions", "user__email")[:200]
    )
    per_action = rows.values("action").annotate(count=Count("id")).order_by("-count", "action")
    return {
        "per_day": [{"day": r["day"], "actions": r["actions"], "users": r["users"]} for r in per_day],
        "per_user": [
            {
                "user": r["user"],
                "email": r["user__email"],
                "role": r["user__role"],
                "actions": r["actions"],
                "last_active": r["last_active"],
            }
            for r in per_user
        ],
        "per_action": list(per_action),
    }
