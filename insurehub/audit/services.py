"""Writing to the audit log. Every service that writes calls `audit_record` in its transaction."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from insurehub.audit.models import AuditChainHead, AuditEvent
from insurehub.core import metrics, request_context


def _normalise(changes: dict[str, Any] | None) -> dict[str, Any]:
    # Stored exactly as it will read back, so the hash recomputes identically.
    return json.loads(json.dumps(changes or {}, cls=DjangoJSONEncoder))


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one entry to the chain, inside the caller's transaction.

    `target` names the object (its model label and pk); `object_type`/`object_id` do the
    same for something that is not a model instance (e.g. a failed login's email hash).
    """
    if target is not None:
        object_type = target._meta.label_lower
        object_id = str(target.pk)
    ctx = request_context.current()
    actor_id = getattr(actor, "pk", None) if actor is not None and getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(id=1)
        event = AuditEvent(
            sequence=head.sequence + 1,
            at=timezone.now(),
            actor_id=actor_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            changes=_normalise(changes),
            ip=ctx.ip if ctx else None,
            user_agent=ctx.user_agent if ctx else "",
            request_id=ctx.request_id if ctx else "",
            prev_hash=head.hash,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
        head.sequence = event.sequence
        head.hash = event.hash
        head.save(update_fields=["sequence", "hash"])
    metrics.AUDIT_EVENTS.labels(action).inc()
    return event
