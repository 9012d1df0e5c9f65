"""Read audit: every read of a customer's personal data by someone else is recorded.

A read point calls `record_read(...)` (or `record_reads(...)` for many subjects at once, e.g. an
export). Inside a request the entries are only buffered (a list in a context variable, so nothing
is written and no lock is taken while the view runs); `ReadAuditMiddleware` writes the request's
whole buffer in ONE bulk INSERT once the response has been sent (when the server closes it: the
client does not wait for it). Outside a request (a task, a command,
a streamed response's generator running after the middleware) there is no buffer and the entries
are written at once, still in one INSERT per call.

The INSERT does not wait for its WAL flush (PostgreSQL's `synchronous_commit = off` for that
one transaction, when it runs on its own): the disk flush is what a commit costs on most servers
(milliseconds), and a read entry may instead be lost in a crash within about 3 x wal_writer_delay
(0.6 s by default) of the read, never half-written. Inside a caller's transaction (a task, the tests)
the entries simply join it.

Not recorded: a read by nobody (anonymous), and a read by the subject of their own data.
Entries go to `ReadAuditEntry`, not to the hash-chained write log (see its docstring for why).
"""

import contextlib
import contextvars
import hashlib
import hmac
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from insurehub.audit.models import ReadAuditEntry
from insurehub.core import request_context

logger = logging.getLogger(__name__)

_buffer: contextvars.ContextVar[list[ReadAuditEntry] | None] = contextvars.ContextVar(
    "insurehub_read_audit", default=None
)


def _as_fields(fields_or_file: Any) -> list[str]:
    if fields_or_file is None:
        return []
    if isinstance(fields_or_file, str):
        return [fields_or_file]
    return [str(f) for f in fields_or_file]


def _where(request) -> tuple[str | None, str, str]:
    ctx = request_context.current()
    if ctx is not None:
        return ctx.ip, ctx.user_agent, ctx.request_id
    if request is not None:  # a request that did not pass the request-context middleware (tests)
        meta = getattr(request, "META", {})
        return meta.get("REMOTE_ADDR") or None, meta.get("HTTP_USER_AGENT", "")[:512], ""
    return None, "", ""


def _actor_id(actor):
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return actor.pk


def _entry(actor_id, subject_user_id, object_type, object_id, fields, where, at) -> ReadAuditEntry:
    ip, user_agent, request_id = where
    return ReadAuditEntry(
        at=at,
        actor_id=actor_id,
        subject_id=subject_user_id,
        object_type=object_type[:64],
        object_id=str(object_id)[:64] if object_id is not None else "",
        fields=_as_fields(fields),
        ip=ip,
        user_agent=user_agent,
        request_id=request_id,
    )


def record_reads(actor, reads: Iterable[tuple[Any, str, Any, Any]], request=None) -> int:
    """Record several reads by `actor`: each `(subject_user_id, object_type, object_id,
    fields_or_file)`. Returns how many were kept (own reads and reads of nobody are skipped)."""
    actor_id = _actor_id(actor)
    if actor_id is None:
        return 0
    where = _where(request)
    at = timezone.now()
    entries = [
        _entry(actor_id, subject, object_type, object_id, fields, where, at)
        for subject, object_type, object_id, fields in reads
        if subject is not None and str(subject) != str(actor_id)
    ]
    if not entries:
        return 0
    pending = _buffer.get()
    if pending is not None:
        pending.extend(entries)
    else:
        _write(entries)
    return len(entries)


def _write(entries: list[ReadAuditEntry]) -> None:
    """One INSERT; on its own on PostgreSQL, a transaction that does not wait for the disk."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        ReadAuditEntry.objects.bulk_create(entries)
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        ReadAuditEntry.objects.bulk_create(entries)


def record_read(actor, subject_user_id, object_type: str, object_id, fields_or_file, request=None) -> bool:
    """Record that `actor` read `subject_user_id`'s personal data: `object_type` (a model label such
    as `claims.claim`, or a name such as `claims.report_pdf`), `object_id`, and which fields or which
    file (`fields_or_file`: a name or a list of names). True when an entry was kept."""
    return record_reads(actor, [(subject_user_id, object_type, object_id, fields_or_file)], request) == 1


def flush() -> int:
    """Write what the current request buffered (one INSERT) and empty the buffer."""
    pending = _buffer.get()
    if not pending:
        return 0
    entries = list(pending)
    pending.clear()
    _write(entries)
    return len(entries)


@contextlib.contextmanager
def buffered() -> Iterator[list[ReadAuditEntry]]:
    """Buffer the reads of a block (a request) and write them in one INSERT at its end."""
    token = _buffer.set([])
    try:
        yield _buffer.get()
    finally:
        try:
            flush()
        finally:
            _buffer.reset(token)


class ReadAuditMiddleware:
    """Buffers a request's reads of personal data and writes them in one INSERT after the response
    has been sent: when the server closes the response (Django runs a response's closers then; for a
    streamed export, after its last line), else at once. A failed write is logged, never turned into
    an error for a response that is already made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _buffer.set([])
        try:
            response = self.get_response(request)
            pending = _buffer.get()
        finally:
            _buffer.reset(token)
        if pending:
            closers = getattr(response, "_resource_closers", None)
            if closers is not None:
                closers.append(lambda: _write_logged(pending))
            else:
                _write_logged(pending)
        return response


def _write_logged(entries: list[ReadAuditEntry]) -> None:
    try:
        _write(entries)
    except Exception:  # the answer is sent; losing its read entries is logged loudly
        logger.exception("read audit: could not write a request's %d entries", len(entries))


def subject_pseudonym(subject_id) -> str:
    """A keyed one-way name for an erased subject (the same person, the same name; not reversible)."""
    key = (settings.FIELD_HASH_KEY or settings.SECRET_KEY).encode()
    return hmac.new(key, f"read-audit-subject:{subject_id}".encode(), hashlib.sha256).hexdigest()


def forget_subject(subject_id) -> int:
    """Erasure: the subject's read entries keep reader, time, object and fields but no longer say
    whose data it was (subject -> null, subject_ref -> a one-way pseudonym). Returns how many."""
    # The plain QuerySet: ReadAuditEntryQuerySet refuses updates; this is the one allowed (and the
    # PostgreSQL trigger allows exactly this one).
    return (
        models.QuerySet(model=ReadAuditEntry)
        .filter(subject_id=subject_id)
        .update(subject=None, subject_ref=subject_pseudonym(subject_id))
    )
