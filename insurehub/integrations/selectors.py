"""Reads of the integrations app, scoped by the same rule as the objects they hang from."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from insurehub.claims.selectors import claims_visible_to
from insurehub.integrations.models import ClaimEnrichment, VehicleCheck
from insurehub.vehicles.selectors import vehicles_visible_to


def vehicle_checks_visible_to(user, *, vehicle_id=None) -> QuerySet[VehicleCheck]:
    """A vehicle's checks are visible to whoever may see the vehicle."""
    checks = VehicleCheck.objects.filter(vehicle__in=vehicles_visible_to(user).values("pk"))
    if vehicle_id is not None:
        checks = checks.filter(vehicle_id=vehicle_id)
    return checks.select_related("vehicle")


def claim_enrichment_for(user, *, claim_id) -> ClaimEnrichment:
    """The enrichment of a claim the user may see (404 otherwise; none yet is a 404 too)."""

    return get_object_or_404(
        ClaimEnrichment.objects.select_related("claim"),
        claim__in=claims_visible_to(user).values("pk"),
        claim_id=claim_id,
    )
