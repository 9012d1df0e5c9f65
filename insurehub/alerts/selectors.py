"""Reading alerts. Who may see which alert follows the claims' visibility rule, which lives above
this app: the dashboard applies it (dashboard.selectors.alerts_visible_to)."""

from django.db.models import QuerySet

from insurehub.alerts.models import Alert


def alerts_all() -> QuerySet[Alert]:
    return Alert.objects.all()


def alerts_open() -> QuerySet[Alert]:
    return Alert.objects.filter(status=Alert.Status.OPEN)


def alerts_of_kind(kind: str) -> QuerySet[Alert]:
    """Every alert of `kind`, whatever its status (e.g. to raise a periodic flag once per breach)."""
    return Alert.objects.filter(kind=kind)
