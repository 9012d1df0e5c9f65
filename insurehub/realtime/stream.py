"""The event stream of this process: every committed event once, in id order, to each socket
that may see it (issue 12, item 7).

Why a stream per process, and not per socket. Events reached sockets out of id order: each
after-commit dispatch ran on its own (another request's, a background thread's, an eager
task's inside an earlier hook), the Redis layer orders messages by each sender's clock, and on
PostgreSQL transactions commit in another order than their ids. A client resuming with
`?since=<highest id seen>` then missed the lower ids that came late. Ordering per socket would
make every socket ask the database about every id it does not see (most ids belong to other
departments and users), so the ordering is done once per process instead:

- `outbox_dispatch` sends each committed event once to the STREAM group (or, with the
  in-memory layer, straight to this process's streams), with its audience.
- The stream keeps `settled`: every id up to it is final (fanned out, or known never to
  commit). An event settled + 1 goes out at once. A later one waits in `pending` while the
  stream resolves the hole below it with one read of the outbox table (gaps.py): committed
  events found there go out in order (their own dispatch, arriving later, is ignored); ids
  missing from the table are skipped when no transaction that could still commit them is left
  (SQLite: at once; PostgreSQL: once the outbox writers in flight at that moment have ended,
  re-reading the table then).
- A writer that holds its transaction open longer than REALTIME_ORDER_WAIT_SECONDS does not
  stall every socket: its ids are skipped, logged, and their events, when they do commit, are
  delivered late rather than lost.
- Sockets attach with the groups they may see (`join`/`leave` for subscriptions); the stream
  gives each socket `offer(id, text)` for the events whose audience meets its groups. `attach`
  answers the settled id at that moment: a replay (`?since=`) reads (since, settled] from the
  table and live events start above it, so the seam has no gap and no duplicate.

Considered and not taken: giving events a second, commit-ordered sequence (a lock held from the
outbox insert to commit, or a relay that numbers rows after commit). It serialises the commit
of every publishing transaction behind one lock (a deadlock risk with the row locks services
take after publishing), and the sockets would still need this reordering because the Redis
layer does not keep the order between senders.
"""

import asyncio
import contextlib
import contextvars
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Protocol

from channels.db import database_sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.conf import settings

from insurehub.realtime import gaps, groups
from insurehub.realtime.gaps import StreamItem

logger = logging.getLogger(__name__)

_MEMBERSHIP_REFRESH_SECONDS = 60
_OVERDUE_REMEMBERED = 10_000
_RETRY_SECONDS = 0.5


class Subscriber(Protocol):
    def offer(self, item: StreamItem, *, late: bool = False) -> None:
        """Queue an event for the socket (`item.frame` is the message to send, shared by every
        socket); `late` for one sent below the stream's order."""


def _local_only(layer) -> bool:
    """Without a layer that crosses processes, dispatch hands events to this process's streams
    directly (from any thread, safely: the in-memory layer's queues are not thread-safe)."""
    return layer is None or isinstance(layer, InMemoryChannelLayer)


def broadcast(*, event: dict, audience: Iterable[str]) -> None:
    """Send a committed event to every process's stream (called after commit, from sync code):
    one publish to the STREAM group, whatever the number of sockets and groups it reaches."""
    message = {"type": "event.message", "event": event, "audience": sorted(audience)}
    layer = get_channel_layer()
    if _local_only(layer):
        _hand_to_local_streams(message)
    else:
        _sender().send(layer, message)


class _Sender:
    """This process's one event loop for publishing to the channel layer, on a thread of its own.

    async_to_sync would start a thread and an event loop per event, and channels_redis keeps its
    connections per loop, so every event paid for a new Redis connection (a few ms between the
    commit and the publish). Here the loop, and so the connection, stays. The caller waits for the
    publish and gets its exception, as before (the outbox keeps what the layer did not take)."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="realtime-publish", daemon=True)
        self.thread.start()

    def send(self, layer, message: dict) -> None:
        asyncio.run_coroutine_threadsafe(layer.group_send(groups.STREAM, message), self.loop).result()


_sender_instance: _Sender | None = None
_sender_lock = threading.Lock()


def _sender() -> _Sender:
    global _sender_instance
    with _sender_lock:
        # A forked child (a prefork worker) has the parent's object but not its thread.
        if _sender_instance is None or _sender_instance.pid != os.getpid() or not _sender_instance.thread.is_alive():
            _sender_instance = _Sender()
        return _sender_instance


_streams: dict[asyncio.AbstractEventLoop, "EventStream"] = {}
_streams_lock = threading.Lock()


def _hand_to_local_streams(message: dict) -> None:
    with _streams_lock:
        streams = list(_streams.values())
    for stream in streams:
        try:
            # A fresh context: the caller's (a sync thread under sync_to_async) would carry asgiref's
            # "single thread executor in use" flag into the stream's tasks, whose own database
            # reads would then refuse to run.
            stream.loop.call_soon_threadsafe(stream.receive, message, context=contextvars.Context())
        except RuntimeError:  # its loop has closed
            stream.forget()


def for_this_loop() -> "EventStream":
    """The stream of the running event loop, started on first use."""
    loop = asyncio.get_running_loop()
    with _streams_lock:
        stream = _streams.get(loop)
        if stream is None or stream.closed:
            stream = _streams[loop] = EventStream(loop)
            stream.start()
    return stream


class EventStream:
    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.closed = False
        self.settled = 0
        self.ready = asyncio.Event()
        self.pending: dict[int, StreamItem] = {}
        self.dead: set[int] = set()
        self.overdue: OrderedDict[int, None] = OrderedDict()
        self.arrived = asyncio.Event()
        self.subscribers: dict[Subscriber, set[str]] = {}
        self.by_group: dict[str, set[Subscriber]] = {}
        self.channel: str | None = None
        self.resolver: asyncio.Task | None = None
        self._tasks: set[asyncio.Task] = set()

    # --- life cycle ---------------------------------------------------------------------
    def start(self) -> None:
        self._spawn(self._start())

    def forget(self) -> None:
        with _streams_lock:
            if _streams.get(self.loop) is self:
                del _streams[self.loop]

    def stop(self) -> None:
        self.closed = True
        self.forget()
        for task in list(self._tasks):
            task.cancel()
        layer = get_channel_layer()
        if self.channel is not None and layer is not None and not self.loop.is_closed():
            self.loop.create_task(layer.group_discard(groups.STREAM, self.channel))

    def _spawn(self, coro) -> asyncio.Task:
        # The stream's tasks outlive whoever started them: they run in a context of their own.
        task = self.loop.create_task(coro, context=contextvars.Context())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _start(self) -> None:
        layer = get_channel_layer()
        if not _local_only(layer):
            # Listen before reading the head, so nothing committed after the read is missed.
            # The default prefix: channels_redis receives every "specific." channel of a
            # process through one shared Redis key (another prefix would starve the sockets').
            self.channel = await layer.new_channel()
            self._spawn(self._read(layer))
            self._spawn(self._keep_membership(layer))
        while True:
            try:
                if self.channel is not None:
                    await layer.group_add(groups.STREAM, self.channel)
                head = await database_sync_to_async(gaps.outbox_head)()
                writers = await database_sync_to_async(gaps.writers_in_flight)()
                if writers and not await self._wait_for_writers(writers, ()):
                    # Ids below head that these writers hold will come late, not be lost.
                    low = max(0, head - settings.REALTIME_REPLAY_MAX_EVENTS)
                    present = await database_sync_to_async(gaps.ids_between)(after=low, through=head)
                    self._remember_overdue(sorted(set(range(low + 1, head)) - present))
                break
            except Exception:
                logger.exception("event stream could not start (channel layer or outbox); retrying")
                await asyncio.sleep(_RETRY_SECONDS)
        self.settled = head
        self.pending = {event_id: item for event_id, item in self.pending.items() if event_id > head}
        self.ready.set()
        self._advance()

    async def _read(self, layer) -> None:
        while True:
            try:
                message = await layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("event stream could not read from the channel layer; retrying")
                await asyncio.sleep(_RETRY_SECONDS)
                continue
            try:
                self.receive(message)
            except Exception:  # a malformed message must not stop the stream
                logger.exception("event stream could not take a message: %r", message)

    async def _keep_membership(self, layer) -> None:
        """Group membership expires on Redis (and is lost when Redis restarts): renew it."""
        while True:
            await asyncio.sleep(_MEMBERSHIP_REFRESH_SECONDS)
            try:
                await layer.group_add(groups.STREAM, self.channel)
            except Exception:
                logger.exception("event stream could not renew its group membership")

    # --- sockets ------------------------------------------------------------------------
    async def attach(self, subscriber: Subscriber, groups_: Iterable[str]) -> int:
        """Start offering `subscriber` the events for `groups_`. Answers the settled id: events
        up to it are in the outbox table (for a replay), later ones will be offered in order."""
        self.subscribers.setdefault(subscriber, set())
        for group in groups_:
            self.join(subscriber, group)
        await self.ready.wait()
        return self.settled

    def detach(self, subscriber: Subscriber) -> None:
        for group in self.subscribers.pop(subscriber, set()):
            members = self.by_group.get(group)
            if members is not None:
                members.discard(subscriber)
                if not members:
                    del self.by_group[group]
        if not self.subscribers and not self.closed:
            self.stop()

    def join(self, subscriber: Subscriber, group: str) -> None:
        if subscriber not in self.subscribers:
            return
        self.subscribers[subscriber].add(group)
        self.by_group.setdefault(group, set()).add(subscriber)

    def leave(self, subscriber: Subscriber, group: str) -> None:
        self.subscribers.get(subscriber, set()).discard(group)
        members = self.by_group.get(group)
        if members is not None:
            members.discard(subscriber)
            if not members:
                del self.by_group[group]

    # --- ordering -----------------------------------------------------------------------
    def receive(self, message: dict) -> None:
        """A committed event from a dispatcher (any order, possibly more than once)."""
        if self.closed:
            return
        event_id = message["event"]["id"]
        self.arrived.set()
        if event_id in self.pending:
            return
        if self.ready.is_set() and event_id <= self.settled:
            if event_id in self.overdue:
                del self.overdue[event_id]
                logger.warning("event %s delivered late: its transaction outlived the ordering wait", event_id)
                self._fan_out(StreamItem.from_message(message), late=True)
            return
        self.pending[event_id] = StreamItem.from_message(message)
        self._advance()

    def _advance(self) -> None:
        if not self.ready.is_set() or self.closed:
            return
        while True:
            following = self.settled + 1
            item = self.pending.pop(following, None)
            if item is not None:
                self._fan_out(item)
            elif following in self.dead:
                self.dead.discard(following)
            else:
                break
            self.settled = following
        if self.pending and self.resolver is None:
            self.resolver = self._spawn(self._resolve())

    def _missing(self, through: int) -> list[int]:
        return [
            event_id
            for event_id in range(self.settled + 1, through)
            if event_id not in self.pending and event_id not in self.dead
        ]

    async def _resolve(self) -> None:
        """Fill the hole below the pending events from the outbox table (see gaps.py)."""
        try:
            while self.pending and not self.closed:
                try:
                    await self._resolve_once()
                except asyncio.CancelledError:
                    raise
                except Exception:
                    logger.exception("event stream could not resolve a gap; retrying")
                    await asyncio.sleep(_RETRY_SECONDS)
        finally:
            self.resolver = None

    async def _resolve_once(self) -> None:
        # `through` has committed: its event was dispatched after its commit, or read from the
        # table. Usually one read finds every lower id (their dispatch was just slower).
        through = max(self.pending)
        self._add(await database_sync_to_async(gaps.events_between)(after=self.settled, through=through))
        missing = self._missing(through)
        if missing:
            # Writers that may still commit a missing id are all in this sample; whatever the
            # others committed is visible to a read made after it.
            writers = await database_sync_to_async(gaps.writers_in_flight)()
            self._add(await database_sync_to_async(gaps.events_with_ids)(missing))
            missing = self._missing(through)
            if missing and writers:
                in_time = await self._wait_for_writers(writers, missing)
                # Read again: what committed while we waited goes out in order.
                self._add(await database_sync_to_async(gaps.events_with_ids)(self._missing(through)))
                missing = self._missing(through)
                if missing and not in_time:
                    logger.warning(
                        "events %s held back by transactions longer than %s s: skipped for now, sent when they commit",
                        missing,
                        settings.REALTIME_ORDER_WAIT_SECONDS,
                    )
                    self._remember_overdue(missing)
        self.dead.update(missing)
        self._advance()  # the resolver is running, so this does not start another one

    def _add(self, items: list[StreamItem]) -> None:
        for item in items:
            if item.id > self.settled and item.id not in self.pending:
                self.pending[item.id] = item

    async def _wait_for_writers(self, writers: frozenset[str], missing: Iterable[int]) -> bool:
        """Until the writers have ended or the missing ids have arrived; False after the wait."""
        missing = list(missing)
        deadline = self.loop.time() + settings.REALTIME_ORDER_WAIT_SECONDS
        delay = 0.002
        while True:
            if missing and all(event_id in self.pending or event_id <= self.settled for event_id in missing):
                return True
            writers = await database_sync_to_async(gaps.writers_running)(writers)
            if not writers:
                return True
            remaining = deadline - self.loop.time()
            if remaining <= 0:
                return False
            self.arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), timeout=min(delay, remaining))
            delay = min(delay * 2, 0.1)

    def _remember_overdue(self, event_ids: Iterable[int]) -> None:
        for event_id in event_ids:
            self.overdue[event_id] = None
        while len(self.overdue) > _OVERDUE_REMEMBERED:
            self.overdue.popitem(last=False)

    def _fan_out(self, item: StreamItem, *, late: bool = False) -> None:
        targets: set[Subscriber] = set()
        for group in item.audience:
            targets.update(self.by_group.get(group, ()))
        for subscriber in targets:
            try:
                subscriber.offer(item, late=late)
            except Exception:  # one broken socket must not keep the event from the others
                logger.exception("event %s could not be offered to a socket", item.id)
