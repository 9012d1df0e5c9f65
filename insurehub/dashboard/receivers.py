"""Alerts raised from other apps' events, so that those apps never call the dashboard (a layer
above them). Every event is an outbox row written in the publisher's transaction; the alert is
written in that same transaction, so it exists exactly when the change it is about does."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from insurehub.dashboard.models import Alert
from insurehub.dashboard.selectors import forget_cached_figures
from insurehub.dashboard.services import alert_raise
from insurehub.realtime.models import OutboxEvent


def _vehicle_identity_shared(data: dict) -> None:
    shared = " and ".join(field.upper() if field == "vin" else field for field in data["shared"])
    alert_raise(
        kind="vehicle_identity_shared",
        severity=Alert.Severity.MEDIUM,
        title=f"Vehicle {data['registration']}: {shared} also registered by another customer",
        message=(
            "A customer registered a vehicle whose identity another customer's vehicle already has. The customer "
            "was not told. Check for a change of owner, a typing error, double insurance or a cloned vehicle."
        ),
        department=data.get("department", ""),
        data=data,
    )


_ALERTS_FROM_EVENTS = {
    "vehicle.identity_shared": _vehicle_identity_shared,
}


@receiver(post_save, sender=OutboxEvent, dispatch_uid="dashboard-alerts-from-events")
def raise_alerts_from_events(sender, instance: OutboxEvent, created: bool, **kwargs) -> None:
    handler = _ALERTS_FROM_EVENTS.get(instance.type) if created else None
    if handler is not None:
        handler(instance.data)


# The events after which cached dashboard figures are stale: claims (status, money, assignment; the
# rollups change in the same transaction) and assessments (the assessments figures).
_FIGURES_CHANGED_BY = ("claim.", "assessment.")


@receiver(post_save, sender=OutboxEvent, dispatch_uid="dashboard-forget-cached-figures")
def forget_cached_figures_on_change(sender, instance: OutboxEvent, created: bool, **kwargs) -> None:
    if created and instance.type.startswith(_FIGURES_CHANGED_BY):
        transaction.on_commit(forget_cached_figures)
