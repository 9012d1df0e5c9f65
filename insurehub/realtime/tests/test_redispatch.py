"""Events published while the channel layer (Redis) is down are sent as soon as it is back, by the
process that published them, without waiting for the periodic dispatcher (issue 14, item 5). On a
redis-server of the test's own, killed with -9 and started again."""

import asyncio
import logging
import time

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.test import override_settings

from insurehub.core.tests.own_redis import running_redis
from insurehub.realtime import groups, redispatch
from insurehub.realtime.models import OutboxEvent
from insurehub.realtime.services import publish

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def layer_redis(tmp_path):
    # Append-only and fsynced: the stream group's membership survives the kill, as with the
    # production Redis (appendonly yes) it would.
    yield from running_redis(tmp_path, persistent=True)


class _Recorded(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _layers(url: str) -> dict:
    host = {"address": url, "socket_timeout": 30, "socket_connect_timeout": 1}
    return {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [host]}}}


def _publish(n: int) -> int:
    with transaction.atomic():
        return publish("claim.updated", {"n": n}, ["department.motor"]).id


def _received(layer, channel: str, expected: int, seconds: float) -> list[int]:
    async def receive_all() -> list[int]:
        ids: list[int] = []
        deadline = time.monotonic() + seconds
        while len(ids) < expected and time.monotonic() < deadline:
            try:
                message = await asyncio.wait_for(layer.receive(channel), timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                break
            ids.append(message["event"]["id"])
        return ids

    return async_to_sync(receive_all)()


def test_events_the_layer_missed_are_sent_when_it_is_back_without_the_beat(layer_redis):
    handler = _Recorded()
    logging.getLogger(redispatch.__name__).addHandler(handler)
    with override_settings(CHANNEL_LAYERS=_layers(layer_redis.url), REALTIME_REDISPATCH_MAX_SECONDS=1):
        layer = get_channel_layer()
        channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(groups.STREAM, channel)
        first = _publish(0)
        assert _received(layer, channel, 1, 5) == [first]

        layer_redis.kill()
        started = time.monotonic()
        missed = [_publish(n) for n in range(1, 6)]
        publishing = time.monotonic() - started
        assert OutboxEvent.objects.filter(id__in=missed, published_at__isnull=True).count() == 5
        assert redispatch.pending_through() == max(missed)

        layer_redis.start()
        back = time.monotonic()
        deadline = back + 10
        while OutboxEvent.objects.filter(id__in=missed, published_at__isnull=True).exists():
            assert time.monotonic() < deadline, "events still unpublished 10 s after the layer came back"
            time.sleep(0.05)
        sent_after = time.monotonic() - back
        assert sorted(_received(layer, channel, 5, 5)) == missed  # none lost
        assert redispatch.pending_through() == 0
    # Five events published into a dead layer cost the requests little: refused once, then deferred.
    assert publishing < 2
    logging.getLogger(redispatch.__name__).removeHandler(handler)
    # Once each way (a sweep that the tests' in-memory SQLite refused for a moment is tried again).
    assert handler.messages[0] == "channel layer unreachable: events are kept and sent when it is back"
    assert handler.messages[-1] == "channel layer reachable again: held-up events sent"
    assert set(handler.messages[1:-1]) <= {"outbox redispatch could not sweep; trying again"}
    print(f"\nheld-up events sent {sent_after:.2f} s after the layer came back (backoff at most 1 s)")
