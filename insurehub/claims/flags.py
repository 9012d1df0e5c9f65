"""Alerts raised when a claim is filed (submitted): a possible duplicate, an early claim, a high
value. Subscribed to the claim's events after the commit (ClaimsConfig.ready), so the filing itself
never waits on them, and a filing that rolls back raises nothing."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from insurehub.alerts.services import alert_raise
from insurehub.claims.models import Claim, ClaimStatus
from insurehub.realtime.events import Event

FILING_EVENTS = ("claim.created", "claim.status_changed")


def raise_filing_flags(event: Event) -> None:
    """On `claim.created` or `claim.status_changed` into submitted (a draft filed)."""
    if event.data.get("status") != ClaimStatus.SUBMITTED or event.data.get("previous") == ClaimStatus.SUBMITTED:
        return
    claim = event.context["claim"]
    window = timedelta(days=settings.CLAIM_DUPLICATE_WINDOW_DAYS)
    if claim.vehicle_id:
        twin = (
            Claim.objects.filter(
                vehicle_id=claim.vehicle_id,
                incident_date__gte=claim.incident_date - window,
                incident_date__lte=claim.incident_date + window,
                # Claims there were when this one was filed (as if checked in its transaction).
                created_at__lte=claim.last_activity_at,
            )
            .exclude(pk=claim.pk)
            .exclude(status=ClaimStatus.WITHDRAWN)
            .first()
        )
        if twin is not None:
            alert_raise(
                kind="possible_duplicate",
                severity="high",
                claim=claim,
                title=f"{claim.claim_number} may duplicate {twin.claim_number}",
                message=f"Same vehicle, incidents within {settings.CLAIM_DUPLICATE_WINDOW_DAYS} days of each other.",
                data={"other_claim": str(twin.pk)},
            )
    if (timezone.localdate(claim.incident_date) - claim.policy.start_date).days <= settings.CLAIM_EARLY_DAYS:
        alert_raise(
            kind="early_claim",
            severity="medium",
            claim=claim,
            title=f"{claim.claim_number}: incident soon after the policy started",
            message=f"Policy {claim.policy.policy_number} started {claim.policy.start_date}.",
        )
    if claim.estimated_cost is not None and claim.estimated_cost >= Decimal(settings.CLAIM_HIGH_VALUE):
        alert_raise(
            kind="high_value",
            severity="high",
            claim=claim,
            title=f"{claim.claim_number}: high-value claim ({claim.estimated_cost} {claim.currency})",
        )
