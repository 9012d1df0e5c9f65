"""The claims export: who exported which filter recorded, then CSV streamed line by line."""

import csv
import io
from collections.abc import Iterator

from django.db import transaction

from insurehub.audit.read_audit import record_reads
from insurehub.audit.services import audit_record
from insurehub.claims.permissions import (
    can_export_claims,
)
from insurehub.claims.selectors import claims_export_rows
from insurehub.core.errors import ApplicationError
from insurehub.users.models import User

EXPORT_COLUMNS = [
    ("claim_number", lambda c: c.claim_number),
    ("status", lambda c: c.status),
    ("priority", lambda c: c.priority),
    ("department", lambda c: c.department),
    ("customer", lambda c: c.customer.name or c.customer.email),
    ("policy_number", lambda c: c.policy.policy_number),
    ("vehicle_registration", lambda c: c.vehicle.registration if c.vehicle_id else ""),
    ("incident_date", lambda c: c.incident_date.isoformat()),
    ("created_at", lambda c: c.created_at.isoformat()),
    ("sla_due_at", lambda c: c.sla_due_at.isoformat() if c.sla_due_at else ""),
    ("assigned_agent", lambda c: c.assigned_agent.email if c.assigned_agent_id else ""),
    ("assigned_assessor", lambda c: c.assigned_assessor.email if c.assigned_assessor_id else ""),
    ("estimated_cost", lambda c: "" if c.estimated_cost is None else f"{c.estimated_cost:.2f}"),
    ("approved_amount", lambda c: "" if c.approved_amount is None else f"{c.approved_amount:.2f}"),
    ("currency", lambda c: c.currency),
]


def _csv_cell(value: str) -> str:
    # A cell a spreadsheet would read as a formula is written as text (CSV injection).
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def claims_export(*, queryset, exported_by: User, filters) -> Iterator[str]:
    """Record who exported which filter, then yield the CSV of `queryset` line by line (the
    caller streams it: memory stays flat whatever the number of claims)."""
    if not can_export_claims(exported_by):
        raise ApplicationError("permission_denied", "Your role may not export claims.", status=403)
    with transaction.atomic():
        event = audit_record(
            actor=exported_by,
            action="claims.exported",
            object_type="claims.claim",
            changes={"filters": {key: filters.getlist(key) for key in sorted(filters)}},
        )
    # One read entry per customer in the file (one query for them; written in the request's batch),
    # naming the export's write-log entry (which holds the filter) and the columns read.
    columns = [name for name, _ in EXPORT_COLUMNS]
    customers = queryset.order_by().values_list("customer_id", flat=True).distinct()
    record_reads(exported_by, [(c, "claims.export_csv", event.pk, columns) for c in customers])

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)

        def flush() -> str:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        writer.writerow([name for name, _ in EXPORT_COLUMNS])
        yield flush()
        for claim in claims_export_rows(queryset):
            writer.writerow([_csv_cell(str(read(claim))) for _, read in EXPORT_COLUMNS])
            yield flush()

    return lines()
