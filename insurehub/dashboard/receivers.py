"""What the dashboard does when other apps' events happen (subscribed in DashboardConfig.ready()).

- The rollups follow every claim event in the claim's own transaction (rollups.on_claim_event), so
  they always equal the raw rows.
- A vehicle whose identity another customer's vehicle shares raises an alert after the commit.
- Cached figures are forgotten after each commit that changes claims or assessments.
"""

from insurehub.alerts.models import Alert
from insurehub.alerts.services import alert_raise
from insurehub.dashboard import rollups
from insurehub.dashboard.selectors import forget_cached_figures
from insurehub.realtime import events

# Every claim event that changes what the rollups count (each carries the claim's facts before and
# after in its context; claim.updated about a message or a settlement decision carries none).
CLAIM_EVENTS = ("claim.created", "claim.updated", "claim.status_changed", "claim.assigned")


def vehicle_identity_shared(event: events.Event) -> None:
    data = event.data
    shared = " and ".join(field.upper() if field == "vin" else field for field in data["shared"])
    named = data.get("vehicle") or "A vehicle"
    if data.get("vin"):
        named = f"{named} (VIN {data['vin']})"
    alert_raise(
        kind="vehicle_identity_shared",
        severity=Alert.Severity.MEDIUM,
        title=f"{named}: {shared} also registered by another customer",
        message=(
            "A customer registered a vehicle whose identity another customer's vehicle already has. The customer "
            "was not told. Check for a change of owner, a typing error, double insurance or a cloned vehicle."
        ),
        department=data.get("department", ""),
        data=dict(data),
    )


def figures_changed(event: events.Event) -> None:
    forget_cached_figures()


def subscribe() -> None:
    for event_type in CLAIM_EVENTS:
        events.subscribe(event_type, rollups.on_claim_event, phase=events.IN_TRANSACTION)
    events.subscribe("vehicle.identity_shared", vehicle_identity_shared, phase=events.AFTER_COMMIT)
    for prefix in ("claim.*", "assessment.*"):
        events.subscribe(prefix, figures_changed, phase=events.AFTER_COMMIT)
