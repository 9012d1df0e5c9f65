"""The live event stream: WebSocket `/ws/events/` (DESIGN.md section 6).

Protocol
- Connect with the access token as `?token=<access>` or an `Authorization: Bearer` header.
  A missing, expired, tampered or revoked token is closed with 4401.
- On connect the socket joins the groups the user may see: their own, their department's
  (agents and supervisors), the admins' (admins). `?since=<event id>` replays the events the
  user missed, from a bounded window (REALTIME_REPLAY_WINDOW_HOURS); then live events follow,
  each exactly once even when it reached the socket through several groups.
- Client frames (JSON): {"action": "subscribe"|"unsubscribe", "claim": id} and {"action": "ping"}.
  A claim the user may not see is refused with 4403. Garbage gets an error frame; a frame larger
  than REALTIME_MAX_FRAME_BYTES closes the socket with 1009.
- The server sends {"type": "heartbeat"} every REALTIME_HEARTBEAT_SECONDS.
"""

import asyncio
import json
import logging
from collections import OrderedDict
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from insurehub.core import metrics
from insurehub.realtime import replay, subscriptions
from insurehub.realtime.auth import authenticate_token

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORIZED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_BAD_REQUEST = 4400
CLOSE_TOO_BIG = 1009
_SEEN_IDS = 2048


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
    async def connect(self):
        self.user = None
        self.groups_joined: set[str] = set()
        self.seen: OrderedDict[int, None] = OrderedDict()
        self.heartbeat_task: asyncio.Task | None = None
        await self.accept()
        metrics.WEBSOCKET_CONNECTIONS.inc()
        self.counted = True
        user = await database_sync_to_async(authenticate_token)(_token_from_scope(self.scope))
        if user is None:
            await self.close(code=CLOSE_UNAUTHORIZED)
            return
        self.user = user
        for group in subscriptions.base_groups(user):
            await self._join(group)
        since = parse_qs(self.scope.get("query_string", b"").decode()).get("since")
        if since:
            await self._replay(since[0])
        self.heartbeat_task = asyncio.create_task(self._heartbeat())

    async def disconnect(self, code):
        if getattr(self, "counted", False):
            metrics.WEBSOCKET_CONNECTIONS.dec()
            self.counted = False
        if self.heartbeat_task:
            self.heartbeat_task.cancel()
        for group in list(self.groups_joined):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined.clear()

    async def _join(self, group: str) -> None:
        await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined.add(group)

    async def _heartbeat(self):
        interval = settings.REALTIME_HEARTBEAT_SECONDS
        while True:
            await asyncio.sleep(interval)
            await self.send(text_data=json.dumps({"type": "heartbeat"}))

    async def _send_error(self, detail: str, code: str) -> None:
        await self.send(text_data=json.dumps({"type": "error", "code": code, "detail": detail}))

    async def _replay(self, raw_since: str) -> None:
        try:
            since = int(raw_since)
        except ValueError:
            await self._send_error("`since` must be an event id (an integer).", "bad_since")
            await self.close(code=CLOSE_BAD_REQUEST)
            return
        result = await database_sync_to_async(replay.events_since)(since=since, groups=frozenset(self.groups_joined))
        if result.error:
            await self._send_error(result.error, "bad_since")
            await self.close(code=CLOSE_BAD_REQUEST)
            return
        if result.truncated:
            await self.send(
                text_data=json.dumps(
                    {"type": "replay.truncated", "detail": result.truncated, "oldest_available": result.oldest_id}
                )
            )
        for envelope in result.events:
            await self._deliver(envelope)
        await self.send(text_data=json.dumps({"type": "replay.done", "count": len(result.events)}))

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
            await self.channel_layer.group_discard(group, self.channel_name)
            self.groups_joined.discard(group)
        await self.send(text_data=json.dumps({"type": f"{action}d", kind: object_id}))

    async def _deliver(self, envelope: dict) -> None:
        event_id = envelope["id"]
        if event_id in self.seen:
            return
        self.seen[event_id] = None
        while len(self.seen) > _SEEN_IDS:
            self.seen.popitem(last=False)
        await self.send(text_data=json.dumps(envelope))

    async def event_message(self, message):
        """Handler for {"type": "event.message", "event": envelope} sent to our groups."""
        await self._deliver(message["event"])
