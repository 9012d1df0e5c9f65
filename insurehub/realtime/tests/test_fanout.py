"""The fan-out's shape (issue #16 item 6), counted, not timed: an event is published to the channel
layer once whatever its audience, from one event loop per process (one connection, not one per
event); each process encodes it once and every socket sends that same message; sockets hold no
layer channel of their own. bench/realtime.py measures what this buys."""

import asyncio
import threading
from unittest import mock

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import BaseChannelLayer
from channels.testing import WebsocketCommunicator
from django.db import transaction
from django.test import override_settings
from rest_framework_simplejwt.tokens import AccessToken

from insurehub.realtime import gaps, groups
from insurehub.realtime.consumers import EventsConsumer
from insurehub.realtime.services import publish
from insurehub.realtime.stream import EventStream

pytestmark = pytest.mark.django_db(transaction=True)

application = EventsConsumer.as_asgi()


class CountingLayer(BaseChannelLayer):
    """A cross-process layer as far as the stream can tell (not the in-memory one), that records
    what is published to it and on which event loop; its channels never receive anything."""

    # (group, message, the event loop itself: held, so that no later loop can reuse its id, thread)
    published: list[tuple[str, dict, asyncio.AbstractEventLoop, int]] = []
    channels_made = 0

    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    async def group_send(self, group, message):
        loop = asyncio.get_running_loop()
        CountingLayer.published.append((group, message, loop, threading.get_ident()))

    async def new_channel(self, prefix="specific."):
        CountingLayer.channels_made += 1
        return f"{prefix}counting!{CountingLayer.channels_made}"

    async def receive(self, channel):
        await asyncio.Event().wait()  # nothing arrives; cancelled when the stream stops

    async def group_add(self, group, channel):
        pass

    async def group_discard(self, group, channel):
        pass

    async def send(self, channel, message):
        pass


COUNTING_LAYERS = {"default": {"BACKEND": f"{__name__}.CountingLayer"}}


@pytest.fixture
def counting_layer():
    CountingLayer.published = []
    CountingLayer.channels_made = 0
    with override_settings(CHANNEL_LAYERS=COUNTING_LAYERS):
        yield CountingLayer


def _publish(audience, n=0):
    with transaction.atomic():
        return publish("claim.updated", {"n": n}, audience)


def test_an_event_is_published_once_whatever_its_audience(counting_layer):
    wide = [groups.user_group(n) for n in range(200)] + [groups.department_group("motor"), groups.STAFF]
    first = _publish(wide)
    second = _publish([groups.department_group("health")], n=1)
    sent = counting_layer.published
    assert [(group, message["event"]["id"]) for group, message, _, _ in sent] == [
        (groups.STREAM, first.id),
        (groups.STREAM, second.id),
    ]
    assert sent[0][1]["audience"] == sorted({*wide, groups.ADMINS})


def test_publishes_share_one_event_loop_and_thread(counting_layer):
    # channels_redis keeps its connections per event loop: one loop for every publish of the
    # process is one connection (async_to_sync ran each publish on a loop and thread of its own).
    for n in range(3):
        _publish([groups.department_group("motor")], n=n)
    assert len({id(loop) for _, _, loop, _ in counting_layer.published}) == 1
    assert len({thread for _, _, _, thread in counting_layer.published}) == 1
    assert counting_layer.published[0][3] != threading.get_ident()


class Recorder:
    def __init__(self):
        self.items = []

    def offer(self, item, *, late=False):
        self.items.append(item)


def test_the_stream_encodes_an_event_once_and_offers_every_socket_the_same_message():
    async def go():
        stream = EventStream(asyncio.get_running_loop())
        stream.ready.set()  # the head is 0: no database read needed for this
        sockets = [Recorder() for _ in range(50)]
        for n, socket in enumerate(sockets):
            # Every socket is in the department; half are also addressed personally.
            await stream.attach(socket, [groups.department_group("motor"), groups.user_group(n)])
        audience = [groups.department_group("motor"), *(groups.user_group(n) for n in range(0, 50, 2))]
        event = {"id": 1, "type": "claim.updated", "occurred_at": "2026-11-29T00:00:00+00:00", "data": {"n": 1}}
        with mock.patch.object(gaps._ENCODER, "encode", wraps=gaps._ENCODER.encode) as encode:
            stream.receive({"type": "event.message", "event": event, "audience": audience})
        assert encode.call_count == 1
        offered = [item for socket in sockets for item in socket.items]
        assert len(offered) == 50  # each socket once, also when two of its groups are addressed
        assert len({id(item) for item in offered}) == 1
        assert len({id(item.frame) for item in offered}) == 1
        assert offered[0].frame == {"type": "websocket.send", "text": offered[0].text}
        stream.closed = True

    async_to_sync(go)()


def test_sockets_send_the_shared_message_and_hold_no_layer_channel(actors, counting_layer):
    agents = [actors["agent"], actors["supervisor"], actors["admin"]]

    # The stream starts at the outbox's head, so the next event follows it without a gap to resolve.
    _publish([groups.STAFF])

    async def go():
        sockets = []
        for user in agents * 4:
            communicator = WebsocketCommunicator(application, f"/ws/events/?token={AccessToken.for_user(user)}")
            connected, _ = await communicator.connect()
            assert connected
            await communicator.send_json_to({"action": "ping"})
            assert (await communicator.receive_json_from(timeout=5))["type"] == "pong"
            sockets.append(communicator)
        # Only the process's stream took a channel on the layer, not the twelve sockets.
        assert counting_layer.channels_made == 1
        stored = await database_sync_to_async(_publish)([groups.department_group("motor")])
        # The layer here delivers nothing: hand the published message to this process's stream,
        # as the Redis layer would, and count the encodings and the messages sent.
        (_, message, _, _) = counting_layer.published[-1]
        from insurehub.realtime import stream as stream_module

        sent = []
        original = EventsConsumer.offer

        def offer(consumer, item, *, late=False):
            sent.append(item.frame)
            original(consumer, item, late=late)

        with (
            mock.patch.object(gaps._ENCODER, "encode", wraps=gaps._ENCODER.encode) as encode,
            mock.patch.object(EventsConsumer, "offer", offer),
        ):
            stream_module.for_this_loop().receive(message)
            frames = [await socket.receive_json_from(timeout=5) for socket in sockets]
        assert encode.call_count == 1
        assert [frame["id"] for frame in frames] == [stored.id] * 12
        assert len(sent) == 12 and len({id(frame) for frame in sent}) == 1
        for socket in sockets:
            await socket.disconnect()

    async_to_sync(go)()
