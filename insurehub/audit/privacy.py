"""The audit log is kept on erasure (a legal obligation, and the chain must stay intact); its
entries name people by id only and never hold personal field values in clear."""

from django.db.models import Q

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
