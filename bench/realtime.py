"""Realtime benchmark (issue #16 item 6): the shipped server in its own process, WebSocket clients in
their own processes, events committed by a writer process at a steady rate; commit -> receive latency
at every socket, and the largest rate that keeps p99 under 100 ms.

    python bench/realtime.py                       # 500 sockets, 20 events/s for 10 s, then the search
    python bench/realtime.py --rate 5 --no-search  # one rate only
    python bench/realtime.py --json                # the same, plus one final JSON line (bench/table.py)

Processes (all on this box, as the issue's target says):
- the server: `scripts/serve.sh` when it exists (PORT and HOST in its environment), otherwise the ASGI
  server `make run` starts (`uvicorn insurehub.config.asgi:application`), with DJANGO_ENV=development,
  DEBUG=0, on PostgreSQL (`--database-url`, default the database insurehub_rt, created and migrated
  here) and the Redis channel layer (`--redis-url`, default Redis DB 12);
- `--clients` client processes (default 2) sharing `--sockets` WebSockets (default 500), each signed in
  with the access token of one of `--users` agents of one department (default 100), so every socket is
  in the audience of every event (its department's group); a socket counts as open once its ping has
  been answered; frames are timed on arrival (time.time()) and read after the run;
- a writer process per rate: `events.emit("bench.tick", ..., [department group])` in a transaction of
  its own, through the real outbox and dispatch path, on a fixed schedule (event i at start + i / rate,
  not randomised: a steady rate), from `--writers` threads (default 1; thread k takes every k-th
  slot, so with more the transactions overlap and may commit out of id order, as concurrent requests
  do, and the stream's ordering comes into play). A writer that cannot keep the schedule commits as
  fast as it can: `writer_rate` says what it achieved. Each event is stamped with time.time() by an after-commit hook
  registered before emit(), so it runs right after COMMIT and before the event's own dispatch.
  Latency = a socket's arrival time - its event's commit stamp (joined by event id); the clocks are
  the same machine's.

Each rate runs `--duration` seconds (default 10); events of the first `--warmup` seconds (default 1) are
left out of the figures. After the last commit the clients get `--drain` seconds (default 5) to receive
what is on its way; what has not arrived then is lost. The search runs the rates of `--rates` (default
5,20,50,100,150,200,300) in order on the same sockets and stops at the first whose p99 is 100 ms or more
(or that loses frames); the answer is the highest rate that passed. The steady run (`--rate`) is the
search's run of that rate, or runs after the search when the search did not reach it.

Flags: --sockets, --clients, --users, --rate (the steady rate, default 20), --writers, --duration, --warmup,
--drain, --rates, --no-search, --keep-going (run every rate of --rates even after one misses; the answer
is still the last rate before the first miss), --no-compression (clients refuse permessage-deflate; browsers ask for
it, so the default keeps it), --database-url, --redis-url, --json.

One line per rate:
    rate 20/s: 200 events x 500 sockets, 100000 deliveries, 9990/s; commit->receive p50 .. p95 .. p99 ..
    max .. ms; lost 0, out of order 0; server CPU 0.071 ms per delivery (71% of a core), load 1.2

--json adds one final line, a JSON object:
    sockets, clients, users, writers, server (the command), layer, database, compression (bool),
    loadavg_start, loadavg_end (the 1-minute load average),
    steady: the run at --rate, runs: every run, each {rate, events, sockets, deliveries, deliveries_per_s,
        p50_ms, p95_ms, p99_ms, max_ms, lost, sockets_closed, out_of_order, server_cpu_ms_per_delivery,
        server_cpu_share (of one core, over the run and its drain), client_cpu_ms_per_delivery (the client
        processes together), writer_rate (achieved commits/s), loadavg (the higher of before and after)},
    max_rate_p99_under_100ms: the highest rate of the search with p99 < 100 ms and nothing lost
        (null when none passed or with --no-search).
"""

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEPARTMENT = "motor"
EVENT_TYPE = "bench.tick"
USER_EMAIL = "bench-realtime-{}@insurehub.test"


def percentile(ordered: list[float], p: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its reaped children... and its live children (the server
    may be a supervisor with workers)."""
    total = 0.0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    tick = os.sysconf("SC_CLK_TCK")
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def django_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="insurehub.config.settings",
        DJANGO_ENV="development",
        DEBUG="0",
        LOG_LEVEL="WARNING",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        PYTHONPATH=str(ROOT),
    )
    return env


# --- the client process ------------------------------------------------------------------------
def client_main(args) -> None:
    """Open the sockets, say READY, record (frame head, arrival) until told DUMP (print them) or
    QUIT on stdin."""
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    from websockets.asyncio.client import connect

    tokens = json.loads(Path(args.tokens_file).read_text())
    records: list[list[tuple[str, float]]] = []
    closed = [0]

    async def reader(ws) -> None:
        mine: list[tuple[str, float]] = []
        records.append(mine)
        append = mine.append
        clock = time.time
        try:
            async for text in ws:
                append((text[:32], clock()))
        except Exception:  # noqa: S110  # nosec B110: a closed socket ends its reader; counted below
            pass
        closed[0] += 1

    async def open_one(n: int):
        url = f"ws://127.0.0.1:{args.port}/ws/events/?token={tokens[n % len(tokens)]}"
        ws = await connect(url, max_queue=None, compression=None if args.no_compression else "deflate")
        # A pong comes once the server has attached the socket to its stream: events committed
        # after that are the socket's to receive.
        await ws.send('{"action": "ping"}')
        while '"pong"' not in await ws.recv():
            pass
        return ws

    async def run() -> None:
        sockets = []
        for start in range(args.first, args.first + args.count, 25):
            batch = range(start, min(start + 25, args.first + args.count))
            sockets += await asyncio.gather(*(open_one(n) for n in batch))
        tasks = [asyncio.create_task(reader(ws)) for ws in sockets]
        print("READY", flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
            if line == "DUMP":
                heads: dict[int, list[float]] = {}
                out_of_order = 0
                for mine in records:
                    taken = mine[:]
                    del mine[: len(taken)]
                    last = 0
                    for head, arrived in taken:
                        if head.startswith('{"id": '):
                            event_id = int(head[7:].split(",", 1)[0])
                            heads.setdefault(event_id, []).append(arrived)
                            out_of_order += event_id < last
                            last = max(last, event_id)
                print(json.dumps({"arrivals": heads, "closed": closed[0], "out_of_order": out_of_order}), flush=True)
            else:
                break
        for task in tasks:
            task.cancel()
        for ws in sockets:
            await ws.close()

    asyncio.run(run())


# --- the writer process ------------------------------------------------------------------------
def writer_main(args) -> None:
    """Commit `rate * duration` events on a fixed schedule, event n at start + n / rate, from
    `--writers` threads (thread k takes every k-th slot; with more than one, transactions overlap
    and may commit out of id order, as concurrent requests do); print {"commits": {id: time}}."""
    import threading

    import django

    django.setup()
    from django.db import connections, transaction

    from insurehub.realtime import events, groups

    audience = [groups.department_group(DEPARTMENT)]
    commits: dict[int, float] = {}
    total = round(args.rate * args.duration)
    started = time.time() + 0.5

    def work(first: int) -> None:
        try:
            for n in range(first, total, args.writers):
                delay = started + n / args.rate - time.time()
                if delay > 0:
                    time.sleep(delay)
                stamp: dict[str, float] = {}
                with transaction.atomic():
                    # Registered first, so it runs first after COMMIT, before the event's dispatch.
                    transaction.on_commit(lambda stamp=stamp: stamp.__setitem__("t", time.time()))
                    stored = events.emit(EVENT_TYPE, {"n": n}, audience)
                commits[stored.id] = stamp["t"]
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(args.writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps = sorted(commits.values())
    achieved = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    print(json.dumps({"commits": commits, "achieved": achieved}), flush=True)


# --- the conductor -----------------------------------------------------------------------------
def prepare(args) -> tuple[list[str], str]:
    """Create and migrate the database, make the users; their access tokens, the layer's name."""
    import psycopg

    url = args.database_url
    if url.startswith("postgres"):
        base, _, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    env = django_env(args)
    migrate = [PYTHON, "manage.py", "migrate", "--verbosity", "0"]
    # Its output goes to stderr: stdout carries only the figures (and --json's line).
    subprocess.run(migrate, cwd=ROOT, env=env, check=True, stdout=sys.stderr)  # noqa: S603  # nosec B603
    script = f"""
import json, django
django.setup()
from rest_framework_simplejwt.tokens import AccessToken
from insurehub.core.roles import Role
from insurehub.users.models import User
from insurehub.realtime.models import OutboxEvent
from django.conf import settings
tokens = []
for n in range({args.users}):
    email = {USER_EMAIL!r}.format(n)
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=None, role=Role.AGENT, department={DEPARTMENT!r})
    tokens.append(str(AccessToken.for_user(user)))
# Old bench events are not this run's: keep the table small.
OutboxEvent.objects.filter(type={EVENT_TYPE!r}).delete()
print(json.dumps({{"tokens": tokens, "layer": settings.CHANNEL_LAYERS["default"]["BACKEND"].rsplit(".", 1)[-1]}}))
"""
    out = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    return answer["tokens"], answer["layer"]


def start_server(args, port: int) -> tuple[subprocess.Popen, str]:
    env = django_env(args)
    env.update(PORT=str(port), HOST="127.0.0.1")
    serve = ROOT / "scripts" / "serve.sh"
    env.setdefault("INSUREHUB_PYTHON", PYTHON)
    if args.server_command:  # experiments: another server command line; {port} is replaced
        command = [part.replace("{port}", str(port)) for part in args.server_command.split()]
    elif serve.exists():
        command = [str(serve), "--log-level", "warning"]
    else:
        command = [
            PYTHON, "-m", "uvicorn", "insurehub.config.asgi:application",
            "--host", "127.0.0.1", "--port", str(port), "--no-server-header", "--log-level", "warning",
        ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=sys.stderr)  # noqa: S603  # nosec B603
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                break
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                stop_server(server)
                raise SystemExit("the server did not start") from None
            time.sleep(0.3)
    if args.server_command:
        return server, args.server_command
    return server, "scripts/serve.sh" if serve.exists() else "uvicorn insurehub.config.asgi:application"


def stop_server(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)


def run_rate(args, rate: float, clients: list[subprocess.Popen], server: subprocess.Popen) -> dict:
    env = django_env(args)
    load_before = loadavg()
    cpu_before = cpu_seconds(server.pid)
    clients_before = sum(cpu_seconds(client.pid) for client in clients)
    wall_before = time.time()
    writer = subprocess.run(  # noqa: S603  # nosec B603
        [
            PYTHON,
            __file__,
            "--role",
            "writer",
            "--rate",
            str(rate),
            "--duration",
            str(args.duration),
            "--writers",
            str(args.writers),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    written = json.loads(writer.stdout.strip().splitlines()[-1])
    commits = {int(k): v for k, v in written["commits"].items()}
    time.sleep(args.drain)
    cpu_used = cpu_seconds(server.pid) - cpu_before
    clients_used = sum(cpu_seconds(client.pid) for client in clients) - clients_before
    wall = time.time() - wall_before
    arrivals: dict[int, list[float]] = {}
    closed = out_of_order = 0
    for client in clients:
        client.stdin.write("DUMP\n")
        client.stdin.flush()
    for client in clients:
        answer = json.loads(client.stdout.readline())
        closed += answer["closed"]
        out_of_order += answer["out_of_order"]
        for event_id, times in answer["arrivals"].items():
            arrivals.setdefault(int(event_id), []).extend(times)
    first_commit = min(commits.values())
    counted = {i: t for i, t in commits.items() if t >= first_commit + args.warmup}
    latencies = sorted(
        (arrived - counted[event_id]) * 1000
        for event_id, times in arrivals.items()
        if event_id in counted
        for arrived in times
    )
    deliveries_all = sum(len(times) for times in arrivals.values())
    last_arrival = max((max(times) for times in arrivals.values()), default=first_commit)
    expected = len(counted) * args.sockets
    result = {
        "rate": rate,
        "events": len(commits),
        "sockets": args.sockets,
        "deliveries": len(latencies),
        "deliveries_per_s": round(deliveries_all / max(1e-9, last_arrival - first_commit), 1),
        "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "lost": expected - len(latencies),
        "sockets_closed": closed,
        "out_of_order": out_of_order,
        "server_cpu_ms_per_delivery": round(cpu_used * 1000 / max(1, deliveries_all), 4),
        "server_cpu_share": round(cpu_used / wall, 2),
        "client_cpu_ms_per_delivery": round(clients_used * 1000 / max(1, deliveries_all), 4),
        "writer_rate": round(written["achieved"], 1),
        "loadavg": round(max(load_before, loadavg()), 2),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--role", choices=["conductor", "client", "writer"], default="conductor", help=argparse.SUPPRESS
    )
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--tokens-file", help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--sockets", type=int, default=500)
    parser.add_argument("--clients", type=int, default=2, help="client processes sharing the sockets")
    parser.add_argument("--users", type=int, default=100, help="agents the sockets sign in as")
    parser.add_argument("--rate", type=float, default=20.0, help="the steady rate, events/s")
    parser.add_argument("--writers", type=int, default=1, help="writer threads committing the events")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of commits per rate")
    parser.add_argument("--warmup", type=float, default=1.0, help="first seconds left out of the figures")
    parser.add_argument("--drain", type=float, default=5.0, help="seconds after the last commit to receive")
    parser.add_argument("--rates", default="5,20,50,100,150,200,300", help="the search's rates, in order")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--keep-going", action="store_true", help="run every rate of --rates, also after a miss")
    parser.add_argument("--no-compression", action="store_true", help="clients refuse permessage-deflate")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/insurehub_rt"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"))
    parser.add_argument("--json", action="store_true", help="print one final JSON line")
    parser.add_argument("--server-command", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role == "client":
        return client_main(args)
    if args.role == "writer":
        return writer_main(args)

    say = (lambda *a: print(*a, file=sys.stderr, flush=True)) if args.json else print
    load_start = loadavg()
    tokens, layer = prepare(args)
    tokens_file = ROOT / "bench" / f".realtime-tokens-{os.getpid()}.json"
    tokens_file.write_text(json.dumps(tokens))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server, server_name = start_server(args, port)
    clients: list[subprocess.Popen] = []
    runs: list[dict] = []
    try:
        share = -(-args.sockets // args.clients)
        opened = time.time()
        for c in range(args.clients):
            first = c * share
            count = max(0, min(share, args.sockets - first))
            command = [PYTHON, __file__, "--role", "client", "--port", str(port), "--tokens-file", str(tokens_file)]
            command += ["--first", str(first), "--count", str(count)]
            command += ["--no-compression"] if args.no_compression else []
            clients.append(
                subprocess.Popen(  # noqa: S603  # nosec B603
                    command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
                )
            )
        for client in clients:
            if client.stdout.readline().strip() != "READY":
                raise SystemExit("a client process could not open its sockets")
        say(
            f"{args.sockets} sockets in {args.clients} client processes open in {time.time() - opened:.1f} s; "
            f"server: {server_name}, layer: {layer}, database: {args.database_url.split(':', 1)[0]}, "
            f"permessage-deflate: {'off' if args.no_compression else 'on'}; load {load_start:.2f}"
        )

        def line(r: dict) -> str:
            return (
                f"rate {r['rate']:g}/s: {r['events']} events x {r['sockets']} sockets, {r['deliveries']} deliveries "
                f"counted, {r['deliveries_per_s']:.0f}/s; commit->receive p50 {r['p50_ms']} p95 {r['p95_ms']} "
                f"p99 {r['p99_ms']} max {r['max_ms']} ms; lost {r['lost']}, out of order {r['out_of_order']}; "
                f"server CPU {r['server_cpu_ms_per_delivery']:.3f} ms per delivery "
                f"({r['server_cpu_share']:.0%} of a core), clients {r['client_cpu_ms_per_delivery']:.3f} ms; "
                f"writer {r['writer_rate']:g}/s; load {r['loadavg']:.2f}"
            )

        # The search's rates go first, in the order given (lowest first by default), so that a rate
        # the server cannot keep does not leave a backlog in the runs of lower ones; the steady
        # rate is one of them or runs last.
        by_rate: dict[float, dict] = {}
        best = None
        missed = False
        if not args.no_search:
            for rate in [float(r) for r in args.rates.split(",")]:
                result = by_rate[rate] = run_rate(args, rate, clients, server)
                runs.append(result)
                say(line(result))
                if result["p99_ms"] is None or result["p99_ms"] >= 100 or result["lost"] or result["sockets_closed"]:
                    missed = True
                    if not args.keep_going:
                        break
                elif not missed:
                    best = rate
        steady = by_rate.get(args.rate)
        if steady is None:
            steady = run_rate(args, args.rate, clients, server)
            runs.append(steady)
            say(line(steady))
        if not args.no_search:
            say(f"largest rate with p99 < 100 ms and nothing lost: {best:g}/s" if best else "no rate passed")
    finally:
        for client in clients:
            try:
                client.stdin.write("QUIT\n")
                client.stdin.flush()
                client.wait(timeout=20)
            except Exception:
                client.kill()
        stop_server(server)
        tokens_file.unlink(missing_ok=True)
    if args.json:
        print(
            json.dumps(
                {
                    "sockets": args.sockets,
                    "clients": args.clients,
                    "users": args.users,
                    "writers": args.writers,
                    "server": server_name,
                    "layer": layer,
                    "database": args.database_url.split(":", 1)[0],
                    "compression": not args.no_compression,
                    "loadavg_start": load_start,
                    "loadavg_end": loadavg(),
                    "steady": steady,
                    "runs": runs,
                    "max_rate_p99_under_100ms": best,
                }
            )
        )


if __name__ == "__main__":
    main()
