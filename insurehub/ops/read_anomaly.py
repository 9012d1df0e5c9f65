"""The read-audit anomaly alert: staff reading far more customers' data than their work explains.

For each window (the last hour, the last day) every staff member's distinct customers read
(insurehub.audit.read_audit entries) is compared with their queue, the distinct customers of the
open claims that are theirs to work on:

- agents and assessors: the open claims assigned to them;
- supervisors: their department's open claims;
- admins: every open claim.

A reader is flagged when they read more than max(READ_AUDIT_ANOMALY_MIN_<WINDOW>,
READ_AUDIT_ANOMALY_FACTOR x queue) customers; the alert (kind `read_audit.anomaly`, to their
department's supervisors and the admins) is raised once per reader and window while it is open.

It lives in ops, above claims and alerts: the audit app below them records the reads and counts
them per reader (audit.selectors.distinct_subjects_read_since) but may not know what a queue is.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.alerts.selectors import alerts_of_kind
from insurehub.alerts.services import alert_raise
from insurehub.audit.selectors import distinct_subjects_read_since
from insurehub.claims.models import OPEN_STATUSES, Claim
from insurehub.core.roles import Role
from insurehub.users.models import User

KIND = "read_audit.anomaly"
WINDOWS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}


def _per(field: str) -> dict:
    rows = (
        Claim.objects.filter(status__in=OPEN_STATUSES)
        .exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(customers=Count("customer_id", distinct=True))
        .order_by()
    )
    return {row[field]: row["customers"] for row in rows}


class _Queues:
    """Queue sizes (distinct customers of open claims) for everyone, in four queries."""

    def __init__(self):
        self.agent = _per("assigned_agent_id")
        self.assessor = _per("assigned_assessor_id")
        self.department = _per("department")
        self.all = Claim.objects.filter(status__in=OPEN_STATUSES).values("customer_id").distinct().count()

    def of(self, user: User) -> int:
        if user.role == Role.ADMIN:
            return self.all
        if user.role == Role.SUPERVISOR:
            return self.department.get(user.department, 0)
        return self.agent.get(user.pk, 0) + self.assessor.get(user.pk, 0)


def read_access_anomalies(*, now=None) -> list[Alert]:
    """Compare each reader's distinct customers read with their queue; raise what is far above."""
    now = now or timezone.now()
    factor = settings.READ_AUDIT_ANOMALY_FACTOR
    minimum = {"hour": settings.READ_AUDIT_ANOMALY_MIN_HOUR, "day": settings.READ_AUDIT_ANOMALY_MIN_DAY}
    read = {window: distinct_subjects_read_since(now - span) for window, span in WINDOWS.items()}
    reader_ids = {reader for counts in read.values() for reader in counts}
    if not reader_ids:
        return []
    readers = {u.pk: u for u in User.objects.filter(pk__in=reader_ids).exclude(role=Role.CUSTOMER)}
    queues = _Queues()
    open_alerts = {
        (a.data.get("reader"), a.data.get("window"))
        for a in alerts_of_kind(KIND).filter(status=Alert.Status.OPEN).only("data")
    }
    raised = []
    for window, counts in read.items():
        for reader_id, customers in counts.items():
            user = readers.get(reader_id)
            if user is None:
                continue
            queue = queues.of(user)
            limit = max(minimum[window], factor * queue)
            if customers <= limit or (str(reader_id), window) in open_alerts:
                continue
            who = user.name or user.email
            raised.append(
                alert_raise(
                    kind=KIND,
                    severity=Alert.Severity.HIGH,
                    title=f"{who} read {customers} customers' data in the last {window}",
                    message=(
                        f"{who} ({user.role}) read the personal data of {customers} distinct customers in the "
                        f"last {window}; their queue holds {queue} (alert above {limit}). See who they read: "
                        f"GET /api/audit/reads/ per customer, or the audit log by actor."
                    ),
                    department=user.department,
                    data={
                        "reader": str(reader_id),
                        "window": window,
                        "customers_read": customers,
                        "queue": queue,
                        "limit": limit,
                    },
                )
            )
            open_alerts.add((str(reader_id), window))
    return raised
