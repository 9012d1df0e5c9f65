"""How HTTP is served, side by side in one run (issue 16, item 1): prints a table, asserts nothing.

Candidates, each with WORKERS processes and THREADS request threads per process, on the same
PostgreSQL database and the same client:
  a. uvicorn + Django's ASGI handler (what shipped before issue 16: every sync middleware and the
     view hop threads on their own);
  b. gunicorn gthread + Django's WSGI handler (HTTP only: /ws/ would need a second server);
  c1. one uvicorn process, /ws/ to Channels and HTTP to the WSGI handler through a2wsgi's responder
      (its thread goes back to the loop for every message of the response);
  c2. the shipped server, scripts/serve.sh: the same routing, HTTP through config/wsgi_bridge.py (one
      thread hop per request);
  d. granian, WSGI interface (HTTP only).
Each next to a bare app answering a constant body on the same server software (a bare ASGI app on
uvicorn for a, a bare WSGI app for b and d, the bare WSGI app through a2wsgi or the bridge on uvicorn
for c1 and c2): the share is the candidate's requests/s over its bare app's, and over the bare ASGI
app's on uvicorn. On a machine shared with other work requests/s drift; the server CPU per request
(user + system time of the server's processes over the requests answered) drifts much less.

Endpoints: /healthz, /api/auth/me/ (JWT), /api/dashboard/kpi/, /api/claims/?page_size=50, signed in as
the demo supervisor. Client: wrk (its own process, logs nothing; installed with apt-get when missing
and run as root), CONNECTIONS keep-alive connections for DURATION seconds per endpoint after a warm-up.

    python bench/bench_serving.py [--database-url postgres://postgres@127.0.0.1:5432/insurehub_serve]
        [--prepare] [--claims 20000] [--duration 5] [--connections 8] [--workers 2] [--threads 4]
        [--rounds 3] [--only a,c2]

--prepare migrates the database and seeds it (seed_demo, then seed_bench --claims N) first; without it the
database is only migrated, and the bench says it is skipped when the database is missing. The servers
run DJANGO_ENV=development, DEBUG=0, no access log, LOG_LEVEL=WARNING, no in-process scheduler and no
Daraja stand-in, DB_POOL_MAX_SIZE=THREADS per process.

The module's apps (bare_asgi, bare_wsgi and the factories) are what the servers
import; importing it loads no Django.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BODY = b'{"status":"ok"}'
ENDPOINTS = ["/healthz", "/api/auth/me/", "/api/dashboard/kpi/", "/api/claims/?page_size=50"]
USER = ("supervisor@insurehub.test", "insurehub-demo")


# --- the apps the servers import ------------------------------------------------------------------
def bare_wsgi(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))])
    return [BODY]


async def bare_asgi(scope, receive, send):
    if scope["type"] != "http":
        return
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": BODY})


def bare_wsgi_over_asgi():
    """Factory: the bare WSGI app through a2wsgi, as the shipped server runs Django's."""
    from a2wsgi import WSGIMiddleware

    return WSGIMiddleware(bare_wsgi, workers=int(os.environ.get("HTTP_THREADS", "8")))


def bare_wsgi_bridge():
    """Factory: the bare WSGI app through insurehub.config.wsgi_bridge, as the shipped server runs Django's."""
    from insurehub.config.wsgi_bridge import WSGIBridge

    return WSGIBridge(bare_wsgi, threads=int(os.environ.get("HTTP_THREADS", "8")))


def django_a2wsgi():
    """Factory: /ws/ through Channels, HTTP through Django's WSGI handler and a2wsgi's own responder."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
    from django.core.wsgi import get_wsgi_application

    http = get_wsgi_application()
    from a2wsgi import WSGIMiddleware
    from channels.routing import ProtocolTypeRouter, URLRouter

    from insurehub.config.websocket_urls import websocket_urlpatterns
    from insurehub.realtime.origin import BrowserOriginValidator

    return ProtocolTypeRouter(
        {
            "http": WSGIMiddleware(http, workers=int(os.environ["HTTP_THREADS"])),
            "websocket": BrowserOriginValidator(URLRouter(websocket_urlpatterns)),
        }
    )


def django_asgi():
    """Factory: HTTP through Django's ASGI handler, /ws/ through Channels (the model before issue 16)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
    from django.core.asgi import get_asgi_application

    http = get_asgi_application()
    from channels.routing import ProtocolTypeRouter, URLRouter

    from insurehub.config.websocket_urls import websocket_urlpatterns
    from insurehub.realtime.origin import BrowserOriginValidator

    return ProtocolTypeRouter({"http": http, "websocket": BrowserOriginValidator(URLRouter(websocket_urlpatterns))})


# --- the bench ------------------------------------------------------------------------------------
WRK_SCRIPT = """
local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), e.status + e.connect + e.read + e.write + e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, capture_output=True)  # noqa: S607  # nosec
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-q"], check=False, capture_output=True)  # noqa: S607  # nosec
            subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, capture_output=True)  # noqa: S607  # nosec
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("needs wrk (apt-get install wrk)")


def servers(workers: int, threads: int) -> dict[str, tuple[str, list[str], list[str]]]:
    """name -> (its bare app's name, the command, the server software) for every server to start."""
    uvicorn = [str(BIN / "python"), "-m", "uvicorn", "--no-access-log", "--log-level", "warning", "--workers"]
    gunicorn = [str(BIN / "gunicorn"), "-k", "gthread", "--workers", str(workers), "--threads", str(threads)]
    granian = [str(BIN / "granian"), "--interface", "wsgi", "--workers", str(workers), "--blocking-threads"]
    granian += [str(threads), "--no-access-log", "--log-level", "warning"]
    return {
        "bare ASGI, uvicorn": ("", [*uvicorn, str(workers), "bench.bench_serving:bare_asgi"], []),
        "bare WSGI, gunicorn gthread": ("", [*gunicorn, "bench.bench_serving:bare_wsgi"], []),
        "bare WSGI, uvicorn + a2wsgi": (
            "",
            [*uvicorn, str(workers), "--factory", "bench.bench_serving:bare_wsgi_over_asgi"],
            [],
        ),
        "bare WSGI, uvicorn + WSGIBridge": (
            "",
            [*uvicorn, str(workers), "--factory", "bench.bench_serving:bare_wsgi_bridge"],
            [],
        ),
        "bare WSGI, granian": ("", [*granian, "bench.bench_serving:bare_wsgi"], []),
        "a. uvicorn, Django ASGI (before)": (
            "bare ASGI, uvicorn",
            [*uvicorn, str(workers), "--factory", "bench.bench_serving:django_asgi"],
            ENDPOINTS,
        ),
        "b. gunicorn gthread, Django WSGI": (
            "bare WSGI, gunicorn gthread",
            [*gunicorn, "insurehub.config.wsgi:application"],
            ENDPOINTS,
        ),
        "c1. uvicorn: Channels + a2wsgi": (
            "bare WSGI, uvicorn + a2wsgi",
            [*uvicorn, str(workers), "--factory", "bench.bench_serving:django_a2wsgi"],
            ENDPOINTS,
        ),
        "c2. scripts/serve.sh: Channels + WSGIBridge": (
            "bare WSGI, uvicorn + WSGIBridge",
            ["bash", "scripts/serve.sh"],
            ENDPOINTS,
        ),
        "d. granian, Django WSGI": ("bare WSGI, granian", [*granian, "insurehub.config.wsgi:application"], ENDPOINTS),
    }


def start(command: list[str], port: int, env: dict, log: Path) -> subprocess.Popen:
    if command[0] == "bash":
        pass  # serve.sh takes PORT/HOST from the environment
    elif "gunicorn" in command[0]:
        command = [*command, "--bind", f"127.0.0.1:{port}"]
    else:
        command = [*command, "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        command,
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:  # nosec B310
                if answer.status == 200:
                    return process
        except (urllib.error.URLError, OSError):
            pass
        if process.poll() is not None:
            break
        time.sleep(0.2)
    stop(process)
    sys.exit(f"server did not start: {' '.join(command)}\n{log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def sign_in(port: int) -> str:
    data = json.dumps({"email": USER[0], "password": USER[1]}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/auth/login/", data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310  # nosec B310
        return json.load(answer)["access"]


def wrk(binary: str, script: Path, url: str, token: str, connections: int, seconds: float) -> dict:
    command = [binary, "-t", "2", "-c", str(connections), "-d", f"{max(1, round(seconds))}s", "--timeout", "10s"]
    command += ["-s", str(script)]
    done = subprocess.run(  # noqa: S603  # nosec B603
        [*command, url], capture_output=True, text=True, env={**os.environ, "BENCH_TOKEN": token}
    )
    if done.returncode:
        sys.exit(f"wrk failed: {done.stderr or done.stdout}")
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    requests, micros, p50, p95, errors = (int(part) for part in line.split()[1:])
    rps = requests / (micros / 1e6)
    return {"requests": requests, "rps": rps, "p50": p50 / 1000, "p95": p95 / 1000, "errors": errors}


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(session: int) -> float:
    """User + system CPU of every process in the server's session (its workers and their threads)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # field 6, the session id (each server starts its own)
            total += int(fields[11]) + int(fields[12])  # fields 14 and 15, utime and stime
    return total / TICKS


def plan_by(plan: list[tuple[str, str]], endpoint: str) -> list[tuple[str, str]]:
    return [(name, item) for name, item in plan if item == endpoint]


def manage(env: dict, *steps: list[str]) -> None:
    python = str(BIN / "python")
    for args in steps:
        print("manage.py", *args, flush=True)
        subprocess.run([python, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603  # nosec B603


def database_state(url: str) -> str:
    """'' when the database answers and holds the demo users; else why the bench cannot run."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            found = conn.execute("SELECT count(*) FROM users_user WHERE email = %s", [USER[0]]).fetchone()
    except psycopg.errors.UndefinedTable:
        return "not migrated"
    except psycopg.Error as exc:
        return f"unreachable ({str(exc).strip().splitlines()[0]})"
    return "" if found and found[0] else "not seeded"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/insurehub_serve")
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--only", default="", help="candidates, e.g. a,c2 (their bare apps come along)")
    args = parser.parse_args()

    binary = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="bench-serving-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DJANGO_", "REDIS_URL", "CELERY_"))},
        "DJANGO_ENV": "development",
        "DEBUG": "0",
        "DATABASE_URL": args.database_url,
        "MEDIA_ROOT": str(work / "media"),
        "LOG_LEVEL": "WARNING",
        "ACCESS_LOG": "0",
        "WORKERS": str(args.workers),
        "THREADS": str(args.threads),
        "HTTP_THREADS": str(args.threads),
        "DB_POOL_MAX_SIZE": str(args.threads),
        "DB_POOL_MIN_SIZE": "1",
        "TASKS_IN_PROCESS_SCHEDULER": "0",
        "MPESA_BASE_URL": "http://127.0.0.1:9",  # no Daraja stand-in
        "THROTTLE_USER": "100000000/hour",
        "THROTTLE_AUTH": "100000/minute",
        "THROTTLE_ANON": "100000000/hour",
        "PYTHONPATH": str(ROOT),
    }
    problem = database_state(args.database_url)
    if args.prepare:
        manage(env, ["migrate", "--noinput", "-v0"], ["seed_demo"], ["seed_bench", "--claims", str(args.claims)])
    elif problem:  # make bench runs every bench_*.py: without the database this one has nothing to measure
        print(f"bench_serving skipped: {args.database_url} is {problem} (--prepare seeds it)")
        return
    else:
        manage(env, ["migrate", "--noinput", "-v0"])
    script = work / "report.lua"
    script.write_text(WRK_SCRIPT)

    table = servers(args.workers, args.threads)
    wanted = {letter.strip() for letter in args.only.split(",") if letter.strip()}
    if wanted:
        keep = {name for name in table if name.split(".")[0] in wanted}
        keep |= {table[name][0] for name in keep}
        table = {name: row for name, row in table.items() if name in keep}

    # Every server up at once, then each endpoint measured on each server in turn, ROUNDS times: the
    # machine's other load drifts, so the candidates take it in turns; the table gives the median round.
    runs: dict[tuple[str, str], list[dict]] = {}
    load = [os.getloadavg()[0]]
    started: dict[str, tuple[subprocess.Popen, int, str]] = {}
    try:
        for name, (_bare, command, endpoints) in table.items():
            port = free_port()
            process = start(command, port, env, work / f"{port}.log")
            started[name] = (process, port, sign_in(port) if endpoints else "")
        plan = [(name, endpoint) for name in table for endpoint in (table[name][2] or ["/healthz"])]
        for name, endpoint in plan:  # warm-up
            _process, port, token = started[name]
            wrk(binary, script, f"http://127.0.0.1:{port}{endpoint}", token, args.connections, args.warmup)
        for round_number in range(args.rounds):
            for endpoint in ["/healthz", *ENDPOINTS[1:]]:
                for name, item in plan_by(plan, endpoint):
                    process, port, token = started[name]
                    url = f"http://127.0.0.1:{port}{item}"
                    before = cpu_seconds(process.pid)
                    row = wrk(binary, script, url, token, args.connections, args.duration)
                    row["cpu_ms"] = (cpu_seconds(process.pid) - before) * 1000 / max(1, row["requests"])
                    runs.setdefault((name, item), []).append(row)
                    print(
                        f"  round {round_number + 1} {name:46} {item:28} {row['rps']:8.0f} req/s"
                        f" {row['cpu_ms']:6.2f} ms CPU",
                        flush=True,
                    )
                load.append(os.getloadavg()[0])
    finally:
        for process, _port, _token in started.values():
            stop(process)
    results = {key: sorted(runs[key], key=lambda row: row["rps"])[len(runs[key]) // 2] for key in plan if key in runs}

    reference = results.get(("bare ASGI, uvicorn", "/healthz"))
    print()
    print(
        f"{args.connections} connections (wrk, keep-alive), {args.duration:g} s per endpoint and server, median of"
        f" {args.rounds} interleaved rounds, {args.workers} worker processes x {args.threads} threads,"
        f" {args.database_url.rsplit('/', 1)[-1]};"
        f" load average {min(load):.2f}-{max(load):.2f} during the run"
    )
    print()
    print(
        "| server | endpoint | req/s | p50 ms | p95 ms | errors | server CPU ms/request"
        " | share of its bare app | share of bare ASGI |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for (name, endpoint), row in results.items():
        bare = results.get((table[name][0], "/healthz")) if table[name][0] else row
        share = f"{row['rps'] / bare['rps']:.2f}" if bare else ""
        share_asgi = f"{row['rps'] / reference['rps']:.2f}" if reference else ""
        print(
            f"| {name} | `{endpoint}` | {row['rps']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['errors']}"
            f" | {row['cpu_ms']:.2f} | {share} | {share_asgi} |"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
