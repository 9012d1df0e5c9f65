"""Raising and acknowledging alerts: any layer above this one may raise one."""

from django.db import transaction
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.realtime import groups
from insurehub.realtime.events import emit


def _audience(alert: Alert) -> list[str]:
    """Staff only. Not the claim's group: a customer may subscribe to their own claim, and an
    alert (a possible duplicate, a fraud flag) is never theirs to see."""
    audience = [groups.STAFF] if not alert.department else [groups.department_group(alert.department), groups.ADMINS]
    claim = alert.claim
    if claim is not None:
        for user_id in (claim.assigned_agent_id, claim.assigned_assessor_id):
            if user_id:
                audience.append(groups.user_group(user_id))
    return audience


@transaction.atomic
def alert_raise(
    *,
    kind: str,
    severity: str,
    title: str,
    message: str = "",
    claim=None,
    department: str = "",
    data: dict | None = None,
    once_per_claim: bool = True,
) -> Alert:
    """Store an alert and push `alert.raised`. With a claim, an open alert of the same kind is
    not raised twice (the existing one is returned)."""
    if claim is not None and once_per_claim:
        existing = Alert.objects.filter(claim=claim, kind=kind, status=Alert.Status.OPEN).first()
        if existing is not None:
            return existing
    alert = Alert(
        kind=kind,
        severity=severity,
        title=title[:200],
        message=message,
        claim=claim,
        department=department or (claim.department if claim is not None else ""),
        data=data or {},
    )
    alert.full_clean()
    alert.save()
    audit_record(actor=None, action="alert.raised", target=alert, changes={"kind": kind, "severity": severity})
    emit(
        "alert.raised",
        {
            "id": str(alert.pk),
            "kind": kind,
            "severity": severity,
            "title": alert.title,
            "claim_id": str(claim.pk) if claim is not None else None,
        },
        _audience(alert),
    )
    return alert


@transaction.atomic
def alert_acknowledge(*, alert: Alert, user) -> Alert:
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.OPEN:
        raise ApplicationError("alert_not_open", f"This alert is already {alert.status}.", status=409)
    alert.status = Alert.Status.ACKNOWLEDGED
    alert.acknowledged_by = user
    alert.acknowledged_at = timezone.now()
    alert.save(update_fields=["status", "acknowledged_by", "acknowledged_at", "updated_at"])
    audit_record(actor=user, action="alert.acknowledged", target=alert)
    emit("alert.acknowledged", {"id": str(alert.pk), "kind": alert.kind}, _audience(alert))
    return alert
