from insurehub.analytics.models import UserActivity


def export(user) -> list:
    return [
        {"action": a.action, "at": a.at.isoformat(), "metadata": a.metadata}
        for a in UserActivity.objects.filter(user=user).order_by("at")
    ]


def erase(user) -> dict:
    deleted, _ = UserActivity.objects.filter(user=user).delete()
    return {"activities_deleted": deleted}
