"""A claim's SLA: when it falls due (its priority's hours from filing, or its catastrophe event's own),
and the periodic alerts for SLA-breached and stalled claims, once per breach."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from insurehub.alerts.selectors import alerts_all
from insurehub.alerts.services import alert_raise
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
)


def sla_due(claim: Claim):
    """When the claim's SLA falls due: `sla_hours` of its catastrophe event when the event sets
    them, else the hours of its priority (CLAIM_SLA_HOURS), from filing (now for a draft)."""
    base = claim.submitted_at or timezone.now()
    hours = settings.CLAIM_SLA_HOURS[claim.priority]
    event = claim.catastrophe if claim.catastrophe_id is not None else None
    if event is not None and event.sla_hours:
        hours = event.sla_hours
    return base + timedelta(hours=hours)


def claims_flag_periodic(*, now=None) -> dict:
    """Periodic: raise SLA-breached and stalled alerts. Once per breach: an alert of the kind
    raised after the SLA fell due (after the last activity) counts whatever its status, so an
    acknowledged alert is not raised again every run; a new due date or new activity followed by
    another stall raises a new one."""
    now = now or timezone.now()
    alerts = alerts_all().filter(claim=OuterRef("pk"))
    breached = Claim.objects.filter(status__in=OPEN_STATUSES, sla_due_at__lt=now).exclude(
        Exists(alerts.filter(kind="sla_breached", created_at__gte=OuterRef("sla_due_at")))
    )
    stalled = Claim.objects.filter(
        status__in=OPEN_STATUSES, last_activity_at__lt=now - timedelta(days=settings.CLAIM_STALLED_DAYS)
    ).exclude(Exists(alerts.filter(kind="stalled", created_at__gte=OuterRef("last_activity_at"))))
    counts = {"sla_breached": 0, "stalled": 0}
    for claim in breached[:1000]:
        alert_raise(
            kind="sla_breached",
            severity="high",
            claim=claim,
            title=f"{claim.claim_number}: SLA breached",
            message=f"Due {claim.sla_due_at:%Y-%m-%d %H:%M} UTC.",
        )
        counts["sla_breached"] += 1
    for claim in stalled[:1000]:
        alert_raise(
            kind="stalled",
            severity="medium",
            claim=claim,
            title=f"{claim.claim_number}: no activity",
            message=f"Nothing happened for {settings.CLAIM_STALLED_DAYS} days.",
        )
        counts["stalled"] += 1
    return counts
