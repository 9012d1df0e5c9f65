"""End to end: a real uvicorn server serving the real ASGI app, a real `websockets` client,
events committed in the server's process; on the in-memory layer and on Redis where it listens."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import uvicorn
import websockets
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from django.db import transaction
from rest_framework_simplejwt.tokens import AccessToken

from insurehub.realtime import groups
from insurehub.realtime.services import publish

pytestmark = pytest.mark.django_db(transaction=True)


def _redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.3):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _publish(type_, data, audience):
    with transaction.atomic():
        return publish(type_, data, audience)


@pytest.fixture(params=["in-memory", "redis"])
def layer(request, settings):
    if request.param == "redis":
        if not _redis_available():
            pytest.skip("Redis is not listening on 127.0.0.1:6379")
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": ["redis://127.0.0.1:6379/15"], "prefix": f"insurehub-test-{time.time_ns()}"},
            }
        }
    channel_layers.backends.clear()
    yield request.param
    channel_layers.backends.clear()


def test_commit_reaches_a_real_client_over_a_real_server(layer, actors):
    from insurehub.config.asgi import application

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    loop_box = {}

    def serve():
        loop = asyncio.new_event_loop()
        loop_box["loop"] = loop
        asyncio.set_event_loop(loop)
        loop.run_until_complete(server.serve())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        token = AccessToken.for_user(actors["agent"])
        # A rolled-back or deleted event leaves a hole below the next id: the stream must resolve
        # it from the table (from its own context, whoever published the event that revealed it).
        _publish("test.discarded", {}, [groups.ADMINS]).delete()

        async def client():
            url = f"ws://127.0.0.1:{port}/ws/events/?token={token}"
            async with websockets.connect(url) as ws:
                await ws.send(json.dumps({"action": "ping"}))
                assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "pong"}
                started = time.perf_counter()
                # Commit inside the server's process and loop, as a request handler would.
                future = asyncio.run_coroutine_threadsafe(
                    database_sync_to_async(_publish)(
                        "claim.status_changed", {"to": "approved"}, [groups.department_group("motor")]
                    ),
                    loop_box["loop"],
                )
                event = await asyncio.wrap_future(future)
                received = json.loads(await asyncio.wait_for(ws.recv(), 5))
                elapsed_ms = (time.perf_counter() - started) * 1000
                assert received["id"] == event.id and received["data"] == {"to": "approved"}
                return elapsed_ms

        elapsed = asyncio.run(client())
        assert elapsed < 5000

        async def refused():
            async with websockets.connect(f"ws://127.0.0.1:{port}/ws/events/?token=nope") as ws:
                await asyncio.wait_for(ws.recv(), 5)

        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            asyncio.run(refused())
        assert closed.value.rcvd.code == 4401

        async def foreign_origin():
            async with websockets.connect(
                f"ws://127.0.0.1:{port}/ws/events/?token={token}", origin="https://evil.example"
            ) as ws:
                await asyncio.wait_for(ws.recv(), 5)

        with pytest.raises((websockets.exceptions.InvalidStatus, websockets.exceptions.ConnectionClosed)):
            asyncio.run(foreign_origin())
    finally:
        server.should_exit = True
        thread.join(timeout=10)


_QUIET_RECEIVE = """
import asyncio, django
django.setup()
from channels.layers import get_channel_layer

async def main():
    layer = get_channel_layer()
    channel = await layer.new_channel()
    try:
        await asyncio.wait_for(layer.receive(channel), 7)
    except asyncio.TimeoutError:
        print("quiet and alive")

asyncio.run(main())
"""


def test_a_quiet_socket_survives_on_the_configured_redis_layer():
    """channels_redis waits 5 s per BZPOPMIN and redis-py 8 times reads out after 5 s: with the
    layer as configured from REDIS_URL, a receive with nothing to read must not fail."""
    if not _redis_available():
        pytest.skip("Redis is not listening on 127.0.0.1:6379")
    env = {
        **os.environ,
        "DJANGO_ENV": "test",
        "DJANGO_SETTINGS_MODULE": "insurehub.config.settings",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    done = subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and a fixed script
        [sys.executable, "-c", _QUIET_RECEIVE],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "quiet and alive" in done.stdout
