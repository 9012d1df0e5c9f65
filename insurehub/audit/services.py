"""Writing to the audit log. Every service that writes calls `audit_record` in its transaction.

`audit_record` appends an unsealed entry and takes no lock: writers never wait for each other
because of the audit log (the chain head used to be locked by every writer until its commit,
which made every write in the system run single file and took part in deadlocks). `audit_seal`
chains committed entries in id order afterwards, holding the head's lock only while it seals.
The whole decision (key, head, checkpoints, triggers) is in insurehub/audit/chain.py.
"""

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from insurehub.audit import chain, sealing
from insurehub.audit.models import AuditChainHead, AuditEvent
from insurehub.core import metrics, request_context

SEAL_BATCH = 500


def _normalise(changes: dict[str, Any] | None) -> dict[str, Any]:
    # Personal values sealed (sealing.py), then stored exactly as it will read back, so the hash
    # recomputes identically.
    return json.loads(json.dumps(sealing.seal_changes(changes or {}), cls=DjangoJSONEncoder))


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one entry, inside the caller's transaction; it is sealed after that commits.

    `target` names the object (its model label and pk); `object_type`/`object_id` do the
    same for something that is not a model instance (e.g. a failed login's email hash).
    """
    if target is not None:
        object_type = target._meta.label_lower
        object_id = str(target.pk)
    ctx = request_context.current()
    actor_id = getattr(actor, "pk", None) if actor is not None and getattr(actor, "is_authenticated", False) else None
    event = AuditEvent(
        at=timezone.now(),
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        changes=_normalise(changes),
        ip=ctx.ip if ctx else None,
        user_agent=ctx.user_agent if ctx else "",
        request_id=ctx.request_id if ctx else "",
    )
    if actor_id is not None and isinstance(actor, get_user_model()):
        event.actor = actor  # already loaded: the activity hook (analytics) reads it without a query
    event.save(force_insert=True)
    _seal_after_commit()
    metrics.AUDIT_EVENTS.labels(action).inc()
    return event


def _seal_soon() -> None:
    audit_seal(wait=False)


def _seal_after_commit() -> None:
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(func is _seal_soon for _sids, func, _robust in connection.run_on_commit):
        return  # this transaction's entries are sealed by the callback already registered
    # robust: a failed seal (the periodic job seals later) never fails a request that committed.
    transaction.on_commit(_seal_soon, robust=True)


def audit_seal(*, wait: bool = True, batch_size: int = SEAL_BATCH) -> int:
    """Seal every committed, unsealed entry in id order; return how many were sealed.

    Each batch is one short transaction holding the chain head's lock. With wait=False a sealer
    that finds the head locked returns at once: the one holding it, or the next, seals the rest.
    """
    AuditChainHead.objects.get_or_create(id=1)
    sealed = 0
    key = chain.chain_key()
    while True:
        with transaction.atomic():
            head = AuditChainHead.objects.select_for_update(skip_locked=not wait).filter(id=1).first()
            if head is None:
                return sealed
            pending = list(AuditEvent.objects.filter(hash__isnull=True).order_by("id")[:batch_size])
            if not pending:
                return sealed
            sequence, previous = head.sequence, head.hash
            for event in pending:
                sequence += 1
                event.sequence, event.prev_hash = sequence, previous
                event.hash = event.compute_hash(key, keyed=sequence >= head.keyed_from)
                previous = event.hash
            _write_seals(pending)
            head.sequence, head.hash = sequence, previous
            head.save(update_fields=["sequence", "hash"])
        sealed += len(pending)
        if len(pending) < batch_size:
            return sealed


def _write_seals(pending: list[AuditEvent]) -> None:
    """Write the chain fields of the entries just sealed: one UPDATE per entry sent as a batch
    (executemany). AuditEventQuerySet refuses updates and sealing is the one allowed; the ORM's
    bulk_update (one UPDATE of CASE WHEN expressions) cost milliseconds of Python per entry."""
    meta = AuditEvent._meta
    table = connection.ops.quote_name(meta.db_table)
    columns = {f.name: connection.ops.quote_name(f.column) for f in meta.concrete_fields}
    sequence, prev_hash, hash_, pk = (columns[name] for name in ("sequence", "prev_hash", "hash", "id"))
    sql = f"UPDATE {table} SET {sequence} = %s, {prev_hash} = %s, {hash_} = %s WHERE {pk} = %s"  # noqa: S608  # nosec B608 (names, no input)
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(event.sequence, event.prev_hash, event.hash, event.pk) for event in pending])


def audit_checkpoint_publish() -> dict[str, Any] | None:
    """Seal, then publish the head as a signed checkpoint (a log line and a line in
    AUDIT_CHECKPOINT_DIR) unless the last checkpoint already names it. Returns what was written."""
    audit_seal()
    head, _ = AuditChainHead.objects.get_or_create(id=1)
    last = chain.last_checkpoint()
    if last and (last.get("sequence"), last.get("hash")) == (head.sequence, head.hash):
        return None
    checkpoint = chain.sign_checkpoint(
        {
            "database": chain.database_name(),
            "sequence": head.sequence,
            "hash": head.hash,
            "keyed_from": head.keyed_from,
            "at": timezone.now().isoformat(),
        }
    )
    chain.write_checkpoint(checkpoint)
    return checkpoint
