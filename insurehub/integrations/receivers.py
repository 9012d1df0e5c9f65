"""The enrichment follows the claims' events (subscribed in IntegrationsConfig.ready()), after the
commit: a filed claim is enriched; a claim whose incident place changed is enriched anew."""

from insurehub.claims.models import ClaimStatus
from insurehub.integrations.services import claim_enrich_later
from insurehub.realtime import events

PLACE_FIELDS = {"incident_address", "incident_latitude", "incident_longitude"}


def claim_filed(event: events.Event) -> None:
    """`claim.created` or `claim.status_changed` into submitted (a draft filed)."""
    if event.data.get("status") == ClaimStatus.SUBMITTED and event.data.get("previous") != ClaimStatus.SUBMITTED:
        claim_enrich_later(event.data["claim_id"])


def claim_place_changed(event: events.Event) -> None:
    if event.data.get("status") != ClaimStatus.DRAFT and PLACE_FIELDS & set(event.data.get("changed", ())):
        claim_enrich_later(event.data["claim_id"], refresh=True, actor=event.context.get("actor"))


def subscribe() -> None:
    events.subscribe("claim.created", claim_filed, phase=events.AFTER_COMMIT)
    events.subscribe("claim.status_changed", claim_filed, phase=events.AFTER_COMMIT)
    events.subscribe("claim.updated", claim_place_changed, phase=events.AFTER_COMMIT)
