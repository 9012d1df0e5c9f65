"""The live event stream: WebSocket `/ws/events/` (DESIGN.md section 6).

Protocol
- Connect with the access token as `?token=<access>` or an `Authorization: Bearer` header.
  A missing, expired, tampered or revoked token is closed with 4401.
- On connect the socket joins the groups the user may see: their own, their department's
  (agents and supervisors), the admins' (admins). `?since=<event id>` replays the events the
  user missed, from a bounded window (REALTIME_REPLAY_WINDOW_HOURS), then {"type": "replay.done"};
  then live events follow. Events arrive in increasing id order, each once (also when addressed
  to several of the user's groups), with none the user may see left out in between, so a client
  that reconnects with ?since=<highest id received> gets exactly what it missed (stream.py).
- A client that falls REALTIME_SOCKET_BACKLOG events behind is closed with 1013; it reconnects
  with ?since=.
- Client frames (JSON): {"action": "subscribe"|"unsubscribe", "claim": id} and {"action": "ping"}.
  A claim the user may not see is refused with 4403. Garbage gets an error frame; a frame larger
  than REALTIME_MAX_FRAME_BYTES closes the socket with 1009.
- The server sends {"type": "heartbeat"} every REALTIME_HEARTBEAT_SECONDS.
"""

import asyncio
import json
import logging
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from insurehub.core import metrics
from insurehub.realtime import replay, stream, subscriptions
from insurehub.realtime.auth import authenticate_token
from insurehub.realtime.gaps import StreamItem

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORIZED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_BAD_REQUEST = 4400
CLOSE_TOO_BIG = 1009
CLOSE_BEHIND = 1013  # "try again later": the client resumes with ?since=<last id it received>
_ATTACH_SECONDS = 10


def _token_from_scope(scope) -> str | None:
    query = parse_qs(scope.get("query_string", b"").decode())
    if query.get("token"):
        return query["token"][0]
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            scheme, _, token = value.decode().partition(" ")
            if scheme.lower() == "bearer" and token:
                return token.strip()
    return None


class EventsConsumer(AsyncWebsocketConsumer):
    """One socket. Events come from this process's event stream (stream.py) in id order; the
    socket sends each once (`last_id` only grows) from a writer task, so a slow client never
    holds up the stream, and a client that falls REALTIME_SOCKET_BACKLOG events behind is closed
    with 1013 to resume with ?since=."""

    # The socket takes its events from this process's stream, never from a channel of its own:
    # an alias that is not configured gives it no channel layer (get_channel_layer answers None),
    # so 500 sockets do not hold 500 layer channels, each with a task waiting on Redis.
    channel_layer_alias = "realtime.sockets-have-no-channel"

    async def connect(self):
        self.user = None
        self.stream: stream.EventStream | None = None
        self.groups_joined: set[str] = set()
        self.last_id = 0
        self.outgoing: asyncio.Queue[tuple[StreamItem, bool]] = asyncio.Queue()
        self.replayed_overdue: set[int] = set()
        self.behind = False
        self.writer_task: asyncio.Task | None = None
        self.heartbeat_task: asyncio.Task | None = None
        await self.accept()
        metrics.WEBSOCKET_CONNECTIONS.inc()
        self.counted = True
        user = await database_sync_to_async(authenticate_token)(_token_from_scope(self.scope))
        if user is None:
            await self.close(code=CLOSE_UNAUTHORIZED)
            return
        self.user = user
        self.groups_joined = set(subscriptions.base_groups(user))
        # Attach before reading the replay: events after `position` come live, those up to it
        # are final in the outbox table, so the seam has no gap and no duplicate.
        self.stream = stream.for_this_loop()
        try:
            position = await asyncio.wait_for(self.stream.attach(self, self.groups_joined), _ATTACH_SECONDS)
        except TimeoutError:  # the stream cannot reach the database or the channel layer
            logger.warning("event stream not ready; closing the socket so it retries")
            await self.close(code=CLOSE_BEHIND)
            return
        since = parse_qs(self.scope.get("query_string", b"").decode()).get("since")
        replayed_through = None
        if since:
            replayed_through = await self._replay(since[0], position)
            if replayed_through is None:
                return
        self.last_id = max(position, replayed_through or 0)
        self.writer_task = asyncio.create_task(self._write())
        self.heartbeat_task = asyncio.create_task(self._heartbeat())

    async def disconnect(self, code):
        if getattr(self, "counted", False):
            metrics.WEBSOCKET_CONNECTIONS.dec()
            self.counted = False
        for task in (self.writer_task, self.heartbeat_task):
            if task:
                task.cancel()
        if self.stream is not None:
            self.stream.detach(self)
            self.stream = None
        self.groups_joined.clear()

    def offer(self, item: StreamItem, *, late: bool = False) -> None:
        """Called by the stream, in id order (`late` for an event whose transaction outlived
        the stream's ordering wait)."""
        if self.behind:
            return
        if self.outgoing.qsize() >= settings.REALTIME_SOCKET_BACKLOG:
            self.behind = True
            logger.warning("socket fell behind; closing it so it resumes with ?since=")
            asyncio.get_running_loop().create_task(self.close(code=CLOSE_BEHIND))
            return
        self.outgoing.put_nowait((item, late))

    async def _write(self):
        # The event's one `websocket.send` message goes straight to the server (base_send): the
        # JSON was encoded once for every socket of this process (stream.py), and each socket
        # only frames it. Queued events go out back to back, without waiting in between.
        outgoing = self.outgoing
        while True:
            item, late = await outgoing.get()
            while True:
                if late:
                    if item.id not in self.replayed_overdue:
                        await self.base_send(item.frame)
                elif item.id > self.last_id:
                    self.last_id = item.id
                    await self.base_send(item.frame)
                if outgoing.empty():
                    break
                item, late = outgoing.get_nowait()

    async def _join(self, group: str) -> None:
        self.groups_joined.add(group)
        if self.stream is not None:
            self.stream.join(self, group)

    async def _leave(self, group: str) -> None:
        self.groups_joined.discard(group)
        if self.stream is not None:
            self.stream.leave(self, group)

    async def _heartbeat(self):
        interval = settings.REALTIME_HEARTBEAT_SECONDS
        while True:
            await asyncio.sleep(interval)
            await self.send(text_data=json.dumps({"type": "heartbeat"}))

    async def _send_error(self, detail: str, code: str) -> None:
        await self.send(text_data=json.dumps({"type": "error", "code": code, "detail": detail}))

    async def _replay(self, raw_since: str, position: int) -> int | None:
        """Send the events in (since, position] the user may see; the highest id covered, or
        None when `since` was refused (the socket is then closed)."""
        try:
            since = int(raw_since)
        except ValueError:
            await self._send_error("`since` must be an event id (an integer).", "bad_since")
            await self.close(code=CLOSE_BAD_REQUEST)
            return None
        result = await database_sync_to_async(replay.events_since)(
            since=since, until=position, groups=frozenset(self.groups_joined)
        )
        if result.error:
            await self._send_error(result.error, "bad_since")
            await self.close(code=CLOSE_BAD_REQUEST)
            return None
        if result.truncated:
            await self.send(
                text_data=json.dumps(
                    {"type": "replay.truncated", "detail": result.truncated, "oldest_available": result.oldest_id}
                )
            )
        overdue = self.stream.overdue if self.stream is not None else {}
        for envelope in result.events:
            if envelope["id"] in overdue:
                self.replayed_overdue.add(envelope["id"])
            await self.send(text_data=json.dumps(envelope))
        await self.send(text_data=json.dumps({"type": "replay.done", "count": len(result.events)}))
        return since

    async def receive(self, text_data=None, bytes_data=None):
        if self.user is None:
            return
        raw = text_data if text_data is not None else (bytes_data or b"").decode("utf-8", "replace")
        if len(raw.encode()) > settings.REALTIME_MAX_FRAME_BYTES:
            await self.close(code=CLOSE_TOO_BIG)
            return
        try:
            frame = json.loads(raw)
        except ValueError:
            await self._send_error("Frames must be JSON objects.", "bad_frame")
            return
        if not isinstance(frame, dict):
            await self._send_error("Frames must be JSON objects.", "bad_frame")
            return
        action = frame.get("action")
        if action == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))
        elif action in ("subscribe", "unsubscribe"):
            await self._subscription(action, frame)
        else:
            await self._send_error("Unknown action; use subscribe, unsubscribe or ping.", "unknown_action")

    async def _subscription(self, action: str, frame: dict) -> None:
        kinds = [kind for kind in subscriptions.registered_kinds() if kind in frame]
        if len(kinds) != 1:
            await self._send_error(
                f"Name exactly one of: {', '.join(subscriptions.registered_kinds()) or 'nothing yet'}.",
                "bad_subscription",
            )
            return
        kind = kinds[0]
        object_id = str(frame[kind])
        group = await database_sync_to_async(subscriptions.group_if_visible)(self.user, kind, object_id)
        if group is None:
            # Not found and not allowed look the same: nothing about the object leaks.
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if action == "subscribe":
            await self._join(group)
        elif group in self.groups_joined:
            await self._leave(group)
        await self.send(text_data=json.dumps({"type": f"{action}d", kind: object_id}))
