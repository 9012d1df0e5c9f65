"""What the ordered event stream (stream.py) asks the outbox table when ids are missing.

An outbox id is taken when the row is inserted, inside the publishing transaction. When the
stream knows that event N has committed but has not seen some id m < N, m is one of:
committed (its after-commit dispatch has not arrived yet, or was lost), still in flight (its
transaction has not ended: PostgreSQL only), or gone for good (rolled back).

- SQLite: writers run one at a time (the database's write lock, taken at BEGIN IMMEDIATE, is
  held until commit), so when N is committed every lower id's transaction has ended; a lower
  id not in the table was rolled back.
- PostgreSQL: ids come from a sequence and transactions commit in any order. Every transaction
  that inserts into the outbox holds RowExclusiveLock on the table from before it takes its id
  until it ends. So the transactions holding that lock, sampled once N is known to have
  committed, include every writer that may still commit an id below N (the others have ended:
  a read of the table made after the sample sees what they committed). Once the sampled
  writers have ended, a lower id that is still not in the table never will be.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Max

from insurehub.realtime.models import OutboxEvent

_ENCODER = DjangoJSONEncoder()


@dataclass(frozen=True)
class StreamItem:
    """One event as the stream fans it out: its id, its audience, and its envelope encoded as JSON
    once per process, wrapped in the one `websocket.send` message (`frame`) every socket sends."""

    id: int
    text: str
    audience: frozenset[str]
    frame: dict[str, str] = field(compare=False, repr=False)

    @classmethod
    def of(cls, envelope: dict, audience: Iterable[str]) -> "StreamItem":
        text = _ENCODER.encode(envelope)
        # A plain dict (ASGI servers written in Rust take no other mapping); nothing writes to it.
        frame = {"type": "websocket.send", "text": text}
        return cls(id=envelope["id"], text=text, audience=frozenset(audience), frame=frame)

    @classmethod
    def from_message(cls, message: dict) -> "StreamItem":
        return cls.of(message["event"], message["audience"])


def _items(events) -> list["StreamItem"]:
    return [StreamItem.of(event.envelope(), event.audience) for event in events]


def outbox_head() -> int:
    """The highest committed event id (0 for an empty outbox)."""
    return OutboxEvent.objects.aggregate(head=Max("id"))["head"] or 0


def events_between(*, after: int, through: int) -> list[StreamItem]:
    """Committed events with after < id <= through, in id order."""
    return _items(OutboxEvent.objects.filter(id__gt=after, id__lte=through).order_by("id"))


def events_with_ids(ids: Iterable[int]) -> list[StreamItem]:
    return _items(OutboxEvent.objects.filter(id__in=list(ids)).order_by("id"))


def ids_between(*, after: int, through: int) -> set[int]:
    return set(OutboxEvent.objects.filter(id__gt=after, id__lte=through).values_list("id", flat=True))


def writers_in_flight() -> frozenset[str]:
    """The transactions (virtual transaction ids) that may still commit outbox rows: on
    PostgreSQL those holding RowExclusiveLock on the outbox table; none elsewhere.

    pg_locks lists the whole cluster, and a relation's OID is only unique within its database:
    databases cloned from one template (xdist's test databases, a staging copy beside
    production) share the table's OID. So the lock must also be in this database, or a writer
    in another one makes the stream wait for a transaction that can never fill its gap."""
    if connection.vendor != "postgresql":
        return frozenset()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT virtualtransaction FROM pg_locks"
            " WHERE locktype = 'relation' AND relation = %s::regclass AND mode = 'RowExclusiveLock'"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND granted AND pid <> pg_backend_pid()",
            [OutboxEvent._meta.db_table],
        )
        return frozenset(row[0] for row in cursor.fetchall())


def writers_running(writers: frozenset[str]) -> frozenset[str]:
    """Those of `writers` whose transaction has not ended yet."""
    if not writers or connection.vendor != "postgresql":
        return frozenset()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT virtualtransaction FROM pg_locks WHERE virtualtransaction = ANY(%s)",
            [list(writers)],
        )
        return frozenset(row[0] for row in cursor.fetchall())
