"""The rollups the dashboard reads its figures from (alerts live in the alerts app)."""

from decimal import Decimal

from django.conf import settings
from django.db import models


class ClaimRollup(models.Model):
    """Current counts and sums of claims per department x status x priority (all claims)."""

    department = models.CharField(max_length=32)
    status = models.CharField(max_length=16)
    priority = models.CharField(max_length=8)
    count = models.IntegerField(default=0)
    estimated_total = models.DecimalField(max_digits=18, decimal_places=2, default=Decimal("0"))
    reserve_open_total = models.DecimalField(max_digits=18, decimal_places=2, default=Decimal("0"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["department", "status", "priority"], name="dashboard_rollup_cell")
        ]

    def __str__(self) -> str:
        return f"{self.department}/{self.status}/{self.priority}: {self.count}"


class OpenClaimAgeRollup(models.Model):
    """Open claims per department x priority x day they were submitted (for aging buckets)."""

    department = models.CharField(max_length=32)
    priority = models.CharField(max_length=8)
    day = models.DateField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "priority", "day"], name="dashboard_age_cell")]

    def __str__(self) -> str:
        return f"{self.department}/{self.priority}/{self.day}: {self.count}"


class OpenClaimSlaRollup(models.Model):
    """Open claims per department x day their SLA falls due (breaches = days before today)."""

    department = models.CharField(max_length=32)
    day = models.DateField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "day"], name="dashboard_sla_cell")]

    def __str__(self) -> str:
        return f"{self.department}/{self.day}: {self.count}"


class DailyClaimRollup(models.Model):
    """Per department and day: claims submitted, decided, settled (amount and cycle time)."""

    department = models.CharField(max_length=32)
    day = models.DateField()
    submitted = models.IntegerField(default=0)
    approved = models.IntegerField(default=0)
    rejected = models.IntegerField(default=0)
    settled = models.IntegerField(default=0)
    settled_amount = models.DecimalField(max_digits=18, decimal_places=2, default=Decimal("0"))
    cycle_seconds_total = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "day"], name="dashboard_daily_cell")]

    def __str__(self) -> str:
        return f"{self.department}/{self.day}"


class CycleTimeRollup(models.Model):
    """Settled claims per department x settlement day x whole days from submission (for medians)."""

    department = models.CharField(max_length=32)
    day = models.DateField()
    cycle_days = models.PositiveIntegerField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "day", "cycle_days"], name="dashboard_cycle_cell")]

    def __str__(self) -> str:
        return f"{self.department}/{self.day}/{self.cycle_days}d: {self.count}"


class AssessorClaimRollup(models.Model):
    """An assessor's claims per status x priority (count, estimates): their own figures without
    reading their claims (an assessor may hold tens of thousands)."""

    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16)
    priority = models.CharField(max_length=8)
    count = models.IntegerField(default=0)
    estimated_total = models.DecimalField(max_digits=18, decimal_places=2, default=Decimal("0"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessor", "status", "priority"], name="dashboard_assessor_cell")
        ]

    def __str__(self) -> str:
        return f"{self.assessor_id}/{self.status}/{self.priority}: {self.count}"


class AssessorDayRollup(models.Model):
    """An assessor's claims per day: created that day (all), submitted that day (open ones, for
    aging), SLA due that day (open ones, for breaches)."""

    class Kind(models.TextChoices):
        CREATED = "created", "Created"
        OPEN_SUBMITTED = "open_submitted", "Open, submitted"
        OPEN_SLA = "open_sla", "Open, SLA due"

    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    day = models.DateField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessor", "kind", "day"], name="dashboard_assessor_day_cell")]

    def __str__(self) -> str:
        return f"{self.assessor_id}/{self.kind}/{self.day}: {self.count}"
