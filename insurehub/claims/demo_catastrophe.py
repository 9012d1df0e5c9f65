"""Demo claims filed inside the demo flood around Kisumu (catastrophes' demo): tagged with it when
filed, so its figures, its desk's queue and the map have something to show."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from insurehub.claims import services
from insurehub.claims.demo_history import active_policy
from insurehub.claims.models import Claim

# (customer, place, latitude, longitude, description, estimate)
FLOOD_CLAIMS = [
    (
        "customer",
        "Kisumu, Oginga Odinga Street",
        "-0.102400",
        "34.761700",
        "Water rose over the sills in a parked car.",
        "42000",
    ),
    ("customer2", "Kisumu, Nyalenda", "-0.112000", "34.772000", "Engine flooded crossing a submerged road.", "180000"),
    ("customer", "Ahero, Nyando plains", "-0.174000", "34.919000", "Car swept off the road by floodwater.", "35000"),
]


def seed(context: dict) -> None:
    event = context.get("catastrophe")
    users = context["users"]
    if event is None or Claim.objects.filter(catastrophe=event).exists():
        return
    for who, place, lat, lon, description, estimate in FLOOD_CLAIMS:
        customer = users[who]
        policy = active_policy(customer, "motor", users)
        if policy is None:
            continue
        start = timezone.make_aware(timezone.datetime.combine(policy.start_date, timezone.datetime.min.time()))
        services.claim_create(
            policy=policy,
            filed_by=customer,
            incident_date=max(timezone.now() - timedelta(hours=3), start, event.starts_at),
            description=description,
            incident_address=place,
            incident_latitude=Decimal(lat),
            incident_longitude=Decimal(lon),
            estimated_cost=Decimal(estimate),
        )
