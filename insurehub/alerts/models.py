"""Alerts that need a person's attention (a possible duplicate, a fraud flag, a breached SLA).

A low layer of its own (above core, audit and realtime, below the domain apps): any app may raise
an alert through `alerts.services.alert_raise`; the dashboard lists them. The table is the one the
dashboard app made (`dashboard_alert`), kept as it was when the model moved here."""

from django.conf import settings
from django.db import models

from insurehub.core.models import BaseModel


class Alert(BaseModel):
    class Severity(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"
        CRITICAL = "critical", "Critical"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        RESOLVED = "resolved", "Resolved"

    kind = models.CharField(max_length=48, db_index=True)
    severity = models.CharField(max_length=8, choices=Severity.choices)
    title = models.CharField(max_length=200)
    message = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    department = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "dashboard_alert"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "severity", "-created_at"], name="alerts_open_by_severity"),
            models.Index(fields=["claim", "kind", "status"], name="alerts_claim_kind"),
            models.Index(fields=["department", "status"], name="alerts_department"),
        ]

    def __str__(self) -> str:
        return f"{self.severity} {self.kind}: {self.title}"
