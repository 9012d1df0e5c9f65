"""The audit log is kept on erasure (a legal obligation, and the chain must stay intact); its
entries name people by id only and never hold personal field values in clear. The read audit keeps
who read what and when, but forgets whose data it was (insurehub.audit.read_audit.forget_subject)."""

from django.db.models import Q

from insurehub.audit import read_audit
from insurehub.audit.models import AuditEvent


def export(user) -> list:
    entries = AuditEvent.objects.filter(Q(actor_id=user.pk) | Q(object_id=str(user.pk))).order_by("id")
    return [
        {
            "at": e.at.isoformat(),
            "action": e.action,
            "object_type": e.object_type,
            "object_id": e.object_id,
            "by_you": e.actor_id == user.pk,
            "ip": e.ip,
        }
        for e in entries.iterator(chunk_size=1000)
    ]


def erase(user) -> dict:
    return {"read_audit_entries_pseudonymised": read_audit.forget_subject(user.pk)}
