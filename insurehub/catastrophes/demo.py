"""A demo catastrophe event: an open flood around Kisumu, declared by the motor supervisor three days
ago, with the demo agent and assessor on its desk (claims' demo files a few claims inside it)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from insurehub.catastrophes.models import CatastropheEvent
from insurehub.catastrophes.services import catastrophe_declare

KISUMU_FLOODS = "Kisumu floods"
KISUMU = (Decimal("-0.091700"), Decimal("34.768000"))


def seed(context: dict) -> None:
    users = context["users"]
    event = CatastropheEvent.objects.filter(name=KISUMU_FLOODS).first()
    if event is None:
        event = catastrophe_declare(
            declared_by=users["supervisor"],
            name=KISUMU_FLOODS,
            peril="flood",
            department="motor",
            description="Lake Victoria's shore and the Nyando plains flooded after three days of rain.",
            starts_at=timezone.now() - timedelta(days=3),
            centre_latitude=KISUMU[0],
            centre_longitude=KISUMU[1],
            radius_km=Decimal("25"),
            sla_hours=48,
            fast_track_limit=Decimal("50000"),
            desk=[users["agent"], users["assessor"]],
        )
    context["catastrophe"] = event
