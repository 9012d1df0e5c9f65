"""Realtime benchmark: N open WebSockets on a real uvicorn server, M committed events, and the
commit-to-receive latency at every socket.

    python bench/realtime.py --sockets 500 --events 200
    REDIS_URL=redis://127.0.0.1:6379/0 python bench/realtime.py --sockets 500 --events 200
    python bench/realtime.py --writers 4   # commits from 4 threads at once, as background work does

The server runs in this process (a thread with its own event loop), so the in-memory channel
layer works too; with REDIS_URL the events go through Redis as in production. Each event is
committed by the outbox service inside the server's loop, as a request handler would (or, with
--writers, from that many plain threads at once, as background work does), and stamped with the
time of its commit; every socket records when it arrives and whether it came in id order.
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
os.environ.setdefault("DJANGO_ENV", "development")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sockets", type=int, default=200)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between commits")
    parser.add_argument("--writers", type=int, default=0, help="commit from this many threads at once")
    args = parser.parse_args()

    import django

    django.setup()
    import uvicorn
    import websockets
    from channels.db import database_sync_to_async
    from django.core.management import call_command
    from django.db import transaction
    from rest_framework_simplejwt.tokens import AccessToken

    from insurehub.config.asgi import application
    from insurehub.core.roles import Role
    from insurehub.realtime import groups
    from insurehub.realtime.services import publish
    from insurehub.users.models import User

    call_command("migrate", verbosity=0)
    agent = User.objects.filter(email="bench-realtime@insurehub.test").first() or User.objects.create_user(
        email="bench-realtime@insurehub.test", password=None, role=Role.AGENT, department="motor"
    )
    token = str(AccessToken.for_user(agent))

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning", lifespan="off", ws_max_queue=1024)
    )
    loop_box = {}

    def serve():
        loop = asyncio.new_event_loop()
        loop_box["loop"] = loop
        asyncio.set_event_loop(loop)
        loop.run_until_complete(server.serve())

    threading.Thread(target=serve, daemon=True).start()
    while not server.started:
        time.sleep(0.05)

    commit_times: dict[int, float] = {}

    def commit(n: int) -> int:
        box = {}
        with transaction.atomic():
            # Stamped by the first after-commit hook, before the event's own dispatch runs.
            transaction.on_commit(lambda: commit_times.__setitem__(box["id"], time.perf_counter()))
            box["id"] = publish("claim.status_changed", {"bench": n}, [groups.department_group("motor")]).id
        return box["id"]

    latencies: list[float] = []
    out_of_order = 0

    async def client(ws, expected: int, done: asyncio.Event):
        nonlocal out_of_order
        received = last = 0
        while received < expected:
            frame = json.loads(await ws.recv())
            if frame.get("type") == "claim.status_changed":
                arrived = time.perf_counter()
                latencies.append((arrived - commit_times.get(frame["id"], arrived)) * 1000)
                out_of_order += frame["id"] < last
                last = max(last, frame["id"])
                received += 1
        done.set()

    def write_from_threads() -> None:
        from django.db import connections

        def work(first: int) -> None:
            try:
                for n in range(first, args.events, args.writers):
                    commit(n)
                    time.sleep(args.interval)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=work, args=(i,)) for i in range(args.writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    async def run():
        url = f"ws://127.0.0.1:{port}/ws/events/?token={token}"
        opened = time.perf_counter()
        sockets = []
        for start in range(0, args.sockets, 50):
            sockets += await asyncio.gather(
                *(websockets.connect(url, max_queue=None) for _ in range(start, min(start + 50, args.sockets)))
            )

        async def ready(ws):
            # A pong comes after the server has finished connecting the socket (auth, stream):
            # events committed before that are not the socket's to receive.
            await ws.send(json.dumps({"action": "ping"}))
            while json.loads(await ws.recv()).get("type") != "pong":
                pass

        await asyncio.gather(*(ready(ws) for ws in sockets))
        print(f"{args.sockets} sockets open in {time.perf_counter() - opened:.1f} s")

        async def ping(ws):
            sent = time.perf_counter()
            await ws.send(json.dumps({"action": "ping"}))
            while json.loads(await ws.recv()).get("type") != "pong":
                pass
            return (time.perf_counter() - sent) * 1000

        # The baseline, on the same sockets and machine in this run: a ping to every socket at
        # once and its pong, the transport's own cost of reaching all of them.
        pings = await asyncio.gather(*(ping(ws) for ws in sockets))
        print(
            f"baseline, ping -> pong on every socket at once: p50 {statistics.median(pings):.1f} ms, "
            f"p95 {percentile(pings, 95):.1f} ms, p99 {percentile(pings, 99):.1f} ms"
        )
        events = [asyncio.Event() for _ in sockets]
        readers = [asyncio.create_task(client(ws, args.events, ev)) for ws, ev in zip(sockets, events, strict=True)]
        started = time.perf_counter()
        if args.writers:
            await asyncio.to_thread(write_from_threads)
        for n in range(0 if args.writers else args.events):
            future = asyncio.run_coroutine_threadsafe(database_sync_to_async(commit)(n), loop_box["loop"])
            await asyncio.wrap_future(future)
            await asyncio.sleep(args.interval)
        await asyncio.wait_for(asyncio.gather(*readers), timeout=120)
        elapsed = time.perf_counter() - started
        for ws in sockets:
            await ws.close()
        return elapsed

    elapsed = asyncio.run(run())
    server.should_exit = True
    from django.conf import settings

    layer = settings.CHANNEL_LAYERS["default"]["BACKEND"].rsplit(".", 1)[-1]
    writers = f", {args.writers} writer threads" if args.writers else ""
    print(
        f"{args.events} events x {args.sockets} sockets = {len(latencies)} deliveries in {elapsed:.1f} s "
        f"({layer}{writers}); out of id order: {out_of_order}"
    )
    print(
        f"commit -> receive: p50 {statistics.median(latencies):.1f} ms, p95 {percentile(latencies, 95):.1f} ms, "
        f"p99 {percentile(latencies, 99):.1f} ms, max {max(latencies):.1f} ms"
    )


if __name__ == "__main__":
    main()
