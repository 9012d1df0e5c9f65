"""One bench, one table (issue #16 item 7): the whole set on PostgreSQL, each figure next to its target
and to a baseline measured on the same box in the same run.

    python bench/table.py                      # 1,000,000 claims in the database insurehub_table
    python bench/table.py --quick              # 50,000 claims, shorter runs: for iterating
    python bench/table.py --readme             # the same, then README.md's benchmark table rewritten
    python bench/table.py --skip-http --skip-realtime   # any phase can be left out

Phases (each one that fails prints "not measured: <reason>" in its rows; the table is always printed):
1. the database `--db` (created when missing; seeded with `manage.py seed_bench` up to `--claims`, the
   seed time recorded on the database as a comment so that a reused database still reports it);
2. bare SQL: the dashboard's aggregates over the raw claims rows and the claims list's page of 50;
3. a bare WSGI and a bare ASGI app (bench/bare_app.py, a constant body) on the same server software as
   the shipped server, driven by the same client as it;
4. the shipped server (scripts/serve.sh when present, DEBUG off, Redis DB `--redis-db`) driven by wrk
   in its own process (it logs nothing): per-connection tokens for agents and supervisors, think times
   drawn at random per request (wrk's delay()), p95 from the client's own histogram;
5. the in-process figures of bench/bench_dashboard_in_process.py --json;
6. the realtime figures of bench/realtime.py --json.

wrk comes from Debian's package (installed with apt-get when running as root and missing).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
README = ROOT / "README.md"
SERVE_SCRIPT = ROOT / "scripts" / "serve.sh"
BEGIN_MARK = "<!-- bench/table.py: the table below is generated (python bench/table.py --readme) -->"
END_MARK = "<!-- bench/table.py: end of the generated table -->"

# --- targets (issue #16) -------------------------------------------------------------------------------
MIX_50_P95_MS = 200
MIX_500_P95_MS = 1000
KPI_RPS = 300
LIST_RPS = 150
IN_PROCESS_MS = 10
SHARES = {"healthz": 0.5, "me": 0.3, "kpi": 0.3, "list": 0.15}
REALTIME_P99_MS = 100
SEED_SECONDS = 180
# Security review: throwaway keys of the bench's own database, never a deployment's.
BENCH_KEYS = {
    "SECRET_KEY": "bench-table-secret-key-not-for-deployments-0123456789",  # nosec B105
    "FIELD_ENCRYPTION_KEYS": "bench:YmVuY2gtdGFibGUtZmllbGQta2V5LTAxMjM0NTY3ODk=",
    "FIELD_HASH_KEY": "bench-table-field-hash-key-0123456789abcdef",
    "BACKUP_SIGNING_KEY": "bench-table-backup-signing-key-0123456789ab",
    "AUDIT_CHAIN_KEY": "bench-table-audit-chain-key-0123456789abcdef",
}
WRK_THREADS = 10  # wrk threads at most, each with its share of the connections

# The mixed dashboard workload: (share of requests, path; {id} is one of the caller's claims).
MIX = [
    (0.30, "/api/dashboard/kpi/"),
    (0.30, "/api/dashboard/claims/"),
    (0.20, "/api/claims/?page_size=50"),
    (0.20, "/api/claims/{id}/"),
]
SUPERVISOR_SHARE = 0.2  # of the mixed workload's sessions; the rest are agents


# --- the table -----------------------------------------------------------------------------------------
@dataclass
class Row:
    measure: str
    target: str
    figure: str
    baseline: str = ""
    met: str = ""


def not_measured(measure: str, target: str, reason: str) -> Row:
    return Row(measure, target, f"not measured: {reason}", "", "not measured")


def under(value: float, limit: float) -> str:
    """'yes' when value < limit, else by how much the target is missed."""
    if value < limit:
        return "yes"
    return f"no: {value / limit:.1f}x the target"


def at_least(value: float, floor: float) -> str:
    """'yes' when value >= floor, else the share of the target reached."""
    if value >= floor:
        return "yes"
    return f"no: {value / floor:.0%} of the target"


def ms(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def rate(value: float) -> str:
    return f"{value:,.0f} req/s"


def cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def format_table(rows: list[Row]) -> str:
    lines = ["| measure | target | figure | baseline in the same run | met? |", "|---|---|---|---|---|"]
    for row in rows:
        lines.append(
            "| " + " | ".join(cell(x) for x in (row.measure, row.target, row.figure, row.baseline, row.met)) + " |"
        )
    return "\n".join(lines)


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


# --- wrk ----------------------------------------------------------------------------------------------
WRK_DONE = r"""
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"mean_us":%.1f,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_sessions(sessions: list[dict]) -> str:
    """The sessions file wrk's threads read: one line per session, its token (or "-") and its claim ids."""
    lines = []
    for session in sessions:
        ids = ",".join(session.get("ids") or []) or "none"
        lines.append(f"{session.get('token') or '-'} {ids}")
    return "\n".join(lines) + "\n"


def wrk_script(sessions_path: str, threads: int, mix: list[tuple[float, str]], think_ms: tuple[int, int] | None) -> str:
    """A wrk script: thread t of `threads` takes lines t, t + threads, ... of the sessions file (one per
    connection it opens; read by that thread alone) and signs each request as the next of its sessions in turn;
    each request picks a path from `mix` at random (with {id} one of that session's claims); with `think_ms`
    wrk waits a time drawn uniformly from that range before each request (the first too, so that clients do
    not start in step)."""
    out = ["-- generated by bench/table.py", f"local sessions_path = {lua_string(sessions_path)}"]
    out += [f"local threads = {threads}", "local mix = {"]
    total = sum(weight for weight, _ in mix)
    acc = 0.0
    for weight, path in mix:
        acc += weight / total
        out.append(f"  {{{acc:.6f}, {lua_string(path)}}},")
    out.append("}")
    out.append(
        r"""
local created = 0
function setup(thread)
  created = created + 1
  thread:set("index", created)
end

local mine, turn = {}, 0
function init(args)
  local n = 0
  for line in io.lines(sessions_path) do
    n = n + 1
    if (n - 1) % threads == index - 1 then
      local token, list = string.match(line, "^(%S+) (%S+)$")
      local session = {ids = {}}
      if token ~= "-" then session.auth = "Bearer " .. token end
      for id in string.gmatch(list, "[^,]+") do session.ids[#session.ids + 1] = id end
      mine[#mine + 1] = session
    end
  end
  math.randomseed(index * 7919 + os.time())
  turn = math.random(#mine)
end

function request()
  turn = turn % #mine + 1
  local session = mine[turn]
  local r = math.random()
  local path = mix[#mix][2]
  for _, m in ipairs(mix) do
    if r <= m[1] then path = m[2]; break end
  end
  if string.find(path, "{id}", 1, true) then
    path = string.gsub(path, "{id}", session.ids[math.random(#session.ids)])
  end
  local headers = {}
  if session.auth then headers["Authorization"] = session.auth end
  return wrk.format("GET", path, headers)
end
"""
    )
    if think_ms:
        low, high = think_ms
        out.append(f"function delay()\n  return math.random({low}, {high})\nend")
    out.append(WRK_DONE)
    return "\n".join(out)


def parse_wrk(stdout: str) -> dict:
    """The figures the script's done() printed (a line 'WRKJSON {...}'), in ms and req/s."""
    for line in stdout.splitlines():
        if line.startswith("WRKJSON "):
            raw = json.loads(line[len("WRKJSON ") :])
            seconds = raw["duration_us"] / 1e6
            errors = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
            return {
                "requests": raw["requests"],
                "seconds": seconds,
                "rps": raw["requests"] / seconds if seconds else 0.0,
                "p50": raw["p50_us"] / 1000,
                "p95": raw["p95_us"] / 1000,
                "p99": raw["p99_us"] / 1000,
                "max": raw["max_us"] / 1000,
                "errors": errors,
                "non2xx": raw["status"],
                "timeouts": raw["timeout"],
                "socket_errors": raw["connect"] + raw["read"] + raw["write"],
            }
    raise ValueError("no WRKJSON line in wrk's output: " + stdout[-500:])


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, capture_output=True)  # noqa: S607  # nosec B607
        found = shutil.which("wrk")
        if found:
            return found
    raise RuntimeError("wrk is not installed (apt-get install wrk)")


def run_wrk(
    base: str,
    sessions: list[dict],
    mix: list[tuple[float, str]],
    connections: int,
    seconds: float,
    think_ms: tuple[int, int] | None = None,
) -> dict:
    wrk = ensure_wrk()
    # wrk's threads share the connections; more than a few dozen OS threads on a loaded box delay their own
    # event loops (measured: 500 threads for 500 connections put 0.6 s on a bare app's p95, 50 threads 26 ms)
    threads = max(1, min(connections, WRK_THREADS))
    sessions = (sessions * (connections // max(1, len(sessions)) + 1))[:connections]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="bench-table-", delete=False) as handle:
        handle.write(wrk_sessions(sessions))
        sessions_path = handle.name
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bench-table-", delete=False) as handle:
        handle.write(wrk_script(sessions_path, threads, mix, think_ms))
        path = handle.name
    try:
        argv = [wrk, "-t", str(threads), "-c", str(connections), "-d", f"{seconds:.0f}s", "--timeout", "30s"]
        done = subprocess.run(  # noqa: S603  # nosec B603 - fixed argv
            [*argv, "-s", path, base], capture_output=True, text=True, timeout=seconds + 120
        )
    finally:
        os.unlink(path)
        os.unlink(sessions_path)
    if done.returncode != 0:
        raise RuntimeError(f"wrk exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return parse_wrk(done.stdout)


# --- servers ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, process: subprocess.Popen, seconds: float = 90) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as answer:  # noqa: S310  # nosec B310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer /healthz within {seconds:.0f} s")


def wait_idle(base: str, seconds: float = 60) -> None:
    """Wait until the server answers /healthz within 50 ms again (it may still be working off a backlog)."""
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(OSError), urllib.request.urlopen(base + "/healthz", timeout=5):  # noqa: S310  # nosec B310
            if time.perf_counter() - started < 0.05:
                return
        time.sleep(1)


@contextlib.contextmanager
def server(argv: list[str], env: dict, port: int, log: Path):
    with open(log, "ab") as out:
        process = subprocess.Popen(  # noqa: S603  # nosec B603 - argv built here
            argv, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def shipped_software() -> str:
    """Which server software serves the shipped HTTP API: read from scripts/serve.sh when present."""
    if SERVE_SCRIPT.exists():
        commands = [line for line in SERVE_SCRIPT.read_text().splitlines() if line.strip().startswith("exec ")]
        for name in ("gunicorn", "granian", "uvicorn", "daphne"):
            if any(name in line for line in commands):
                return name
    return "uvicorn"


def shipped_argv(port: int, workers: int, threads: int) -> tuple[list[str], dict]:
    """The shipped server: scripts/serve.sh (env PORT/HOST/WORKERS) when it exists, else uvicorn as
    `make run` started it before."""
    env = {"PORT": str(port), "HOST": "127.0.0.1", "WORKERS": str(workers), "THREADS": str(threads)}
    if SERVE_SCRIPT.exists():
        return ["bash", str(SERVE_SCRIPT)], env
    argv = [str(BIN / "uvicorn"), "insurehub.config.asgi:application", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--workers", str(workers), "--no-server-header"]
    return argv, env


def bare_argv(kind: str, port: int, workers: int, threads: int) -> list[str]:
    """The bare app on the same server software as the shipped one: WSGI under gunicorn gthread (or granian),
    ASGI under uvicorn (or granian)."""
    software = shipped_software()
    if kind == "wsgi":
        if software == "granian":
            return [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port),
                    "--workers", str(workers), "--blocking-threads", str(threads), "--working-dir", "bench",
                    "bare_app:wsgi"]  # fmt: skip
        return [str(BIN / "gunicorn"), "-k", "gthread", "-w", str(workers), "--threads", str(threads),
                "-b", f"127.0.0.1:{port}", "--chdir", "bench", "--log-level", "warning", "bare_app:wsgi"]  # fmt: skip
    if software == "granian":
        return [str(BIN / "granian"), "--interface", "asgi", "--host", "127.0.0.1", "--port", str(port),
                "--workers", str(workers), "--working-dir", "bench", "bare_app:asgi"]  # fmt: skip
    return [str(BIN / "uvicorn"), "bare_app:asgi", "--app-dir", "bench", "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--no-access-log", "--log-level", "warning"]  # fmt: skip


def shipped_http_kind() -> str:
    """The bare app the shipped server's shares are taken against: the one on the same server software
    ('asgi' under uvicorn or daphne, 'wsgi' under gunicorn or granian)."""
    return "asgi" if shipped_software() in ("uvicorn", "daphne") else "wsgi"


# --- the bench ----------------------------------------------------------------------------------------
class Bench:
    def __init__(self, args):
        self.args = args
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.database_url = f"postgres://postgres@{args.pg_host}:{args.pg_port}/{args.db}"
        self.redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
        self.log = Path(tempfile.gettempdir()) / f"bench-table-{os.getpid()}.log"
        self.sql: dict[str, float] = {}
        self.bare: dict[str, dict] = {}
        self.claims = 0

    # environment shared by every Django process this bench starts
    def django_env(self, production: bool = False, **extra) -> dict:
        """The environment of every Django process this bench starts: one set of keys (so that the seed's
        encrypted fields and the minted tokens are the server's), DEBUG off, throttles out of the way (the
        bench sends hundreds of requests a second as a few users). The shipped server runs as the image
        does (DJANGO_ENV=production, LOG_LEVEL INFO, access log on, into a file) except for the payment and
        message stand-ins (ALLOW_SANDBOX_PROVIDERS=1) and the HTTPS redirect (TLS ends at a proxy)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in ("DEBUG", "LOG_LEVEL")}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "insurehub.config.settings",
                "DJANGO_ENV": "production" if production else "development",
                "DEBUG": "0",
                "DATABASE_URL": self.database_url,
                "REDIS_URL": self.redis_url,
                "THROTTLE_USER": "1000000000/hour",
                "THROTTLE_ANON": "1000000000/hour",
                "THROTTLE_AUTH": "1000000/minute",
                "DB_POOL_MAX_SIZE": str(self.args.pool),
                **BENCH_KEYS,
            }
        )
        if production:
            env.update({"ALLOW_SANDBOX_PROVIDERS": "1", "SECURE_SSL_REDIRECT": "0"})
        else:
            env["LOG_LEVEL"] = "WARNING"
        env.update(extra)
        return env

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(format_table([row]).splitlines()[-1], flush=True)

    def phase(self, name: str, rows_if_failed: list[tuple[str, str]], function) -> None:
        print(f"-- {name}", flush=True)
        started = time.perf_counter()
        try:
            function()
        except Exception as error:
            reason = f"{type(error).__name__}: {error}".strip()[:160]
            print(f"   {name} failed: {reason}", flush=True)
            for measure, target in rows_if_failed:
                self.add(not_measured(measure, target, reason))
        print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)

    # 1. the database
    def connect(self, dbname: str | None = None):
        import psycopg

        return psycopg.connect(
            host=self.args.pg_host,
            port=self.args.pg_port,
            user="postgres",
            dbname=dbname or self.args.db,
            autocommit=True,
        )

    def seed(self) -> None:
        args = self.args
        with self.connect("postgres") as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (args.db,)).fetchone()
            if exists and args.reseed:
                conn.execute(f'DROP DATABASE "{args.db}" WITH (FORCE)')  # nosec B608 - our own name
                exists = None
            if not exists:
                conn.execute(f'CREATE DATABASE "{args.db}"')  # nosec B608
        env = self.django_env()
        # as the deployment's migrate job runs: without the statement limit (a new index on 1,000,000 claims
        # takes longer than the requests' 30 s)
        checked([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], {**env, "DB_STATEMENT_TIMEOUT_SECONDS": "0"})
        have = self.count_claims()
        target = f"under {SEED_SECONDS} s at 1,000,000 claims, vacuumed"
        full = args.claims >= 1_000_000  # the target's size: a smaller seed gets no verdict
        measure = f"`seed_bench --claims {args.claims:,}`"
        if have >= args.claims:
            with self.connect() as conn:
                comment = conn.execute(
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", (args.db,)
                ).fetchone()[0]
            recorded = json.loads(comment) if comment and comment.startswith("{") else None
            self.claims = have
            if recorded and recorded.get("claims") == have:
                self.add(
                    Row(
                        measure,
                        target,
                        f"{recorded['seconds']:,.0f} s (database reused: seeded {recorded['when']} at "
                        f"{recorded['commit']}, load {recorded.get('load', '?')})",
                        "",
                        under(recorded["seconds"], SEED_SECONDS) if full else "",
                    )
                )
            else:
                self.add(not_measured(measure, target, f"database reused with {have:,} claims, seed time unknown"))
            return
        if have:
            raise RuntimeError(f"{args.db} holds {have:,} claims, fewer than {args.claims:,}: rerun with --reseed")
        started = time.perf_counter()
        checked([PYTHON, "manage.py", "seed_bench", "--claims", str(args.claims)], env)
        seeded = time.perf_counter() - started
        vacuum_started = time.perf_counter()
        with self.connect() as conn:
            dead = conn.execute(
                "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables WHERE relname = 'claims_claim'"
            ).fetchone()[0]
            conn.execute("VACUUM ANALYZE")
        vacuum = time.perf_counter() - vacuum_started
        self.claims = self.count_claims()
        record = {
            "claims": self.claims,
            "seconds": round(seeded, 1),
            "vacuum_seconds": round(vacuum, 1),
            "dead_rows_after_seed": int(dead),
            "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git_commit(),
            "load": loadavg(),
        }
        with self.connect() as conn:
            conn.execute(f"COMMENT ON DATABASE \"{args.db}\" IS '{json.dumps(record)}'")  # nosec B608
        self.add(
            Row(
                measure,
                target,
                f"{seeded:,.0f} s; {int(dead):,} dead rows left, VACUUM ANALYZE after it {vacuum:,.0f} s",
                "",
                under(seeded, SEED_SECONDS) if full else "",
            )
        )

    def count_claims(self) -> int:
        with self.connect() as conn:
            try:
                return conn.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
            except Exception:
                return 0

    # 2. bare SQL
    BARE_SQL = {
        "dashboard aggregates over the raw rows (open by status x priority, SLA breaches, aging; motor)": [
            """SELECT status, priority, count(*) FROM claims_claim
               WHERE department = 'motor'
                 AND status IN ('submitted','under_review','assessment','approved','settlement')
               GROUP BY status, priority""",
            """SELECT count(*) FILTER (WHERE sla_due_at < now()),
                      count(*) FILTER (WHERE submitted_at > now() - interval '7 days'),
                      count(*) FILTER (WHERE submitted_at <= now() - interval '7 days'
                                         AND submitted_at > now() - interval '30 days'),
                      count(*) FILTER (WHERE submitted_at <= now() - interval '30 days')
               FROM claims_claim
               WHERE department = 'motor'
                 AND status IN ('submitted','under_review','assessment','approved','settlement')""",
        ],
        "claims list, a page of 50 newest first (motor)": [
            """SELECT id, claim_number, status, priority, department, estimated_cost, currency, submitted_at,
                      sla_due_at, assigned_agent_id, assigned_assessor_id, created_at, updated_at
               FROM claims_claim WHERE department = 'motor' ORDER BY created_at DESC, id DESC LIMIT 51""",
        ],
        "the busiest agent's queue, a page of 25 by SLA": [
            """SELECT id, claim_number, status, priority, sla_due_at FROM claims_claim
               WHERE assigned_agent_id = %(agent)s
                 AND status IN ('submitted','under_review','assessment','approved','settlement')
               ORDER BY sla_due_at, id LIMIT 25""",
        ],
    }

    def bare_sql(self) -> None:
        repeats = 5 if self.args.quick else 15
        agent_id = None
        with self.connect() as conn:
            row = conn.execute(
                "SELECT assigned_agent_id, count(*) FROM claims_claim WHERE assigned_agent_id IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
            ).fetchone()
            agent_id = row[0] if row else None
            for name, statements in self.BARE_SQL.items():
                samples = []
                for _ in range(repeats + 2):
                    started = time.perf_counter()
                    for sql in statements:
                        conn.execute(sql, {"agent": agent_id} if "%(" in sql else None).fetchall()
                    samples.append((time.perf_counter() - started) * 1000)
                figure = statistics.median(samples[2:])
                self.sql[name] = figure
                self.add(Row(f"bare SQL: {name}", "(baseline)", f"p50 {ms(figure)}", "", ""))

    # 3. bare apps
    def bare_apps(self) -> None:
        args = self.args
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        sessions = [{"token": None, "ids": []}]
        for kind in ("wsgi", "asgi"):
            port = free_port()
            argv = bare_argv(kind, port, args.workers, args.threads)
            label = f"bare {kind.upper()} app ({Path(argv[0]).name})"
            with server(argv, env, port, self.log) as base:
                run_wrk(base, sessions, [(1, "/healthz")], args.connections, 3)  # warm up
                b2b = run_wrk(base, sessions, [(1, "/healthz")], args.connections, args.b2b_seconds)
                # the mixed workload's clients and think times on the bare app the shares are taken against
                mixes = {}
                if kind == shipped_http_kind():
                    for clients in (50, args.many):
                        mixes[clients] = run_wrk(
                            base, sessions, [(1, "/healthz")], clients, args.mix_seconds / 2, (1000, 3000)
                        )
            self.bare[kind] = {"label": label, "b2b": b2b, "mix": mixes}
            self.add(
                Row(
                    f"{label}, {args.connections} connections back to back",
                    "(baseline)",
                    f"{rate(b2b['rps'])}, p95 {ms(b2b['p95'])}",
                    "",
                    "",
                )
            )

    # 4. the shipped server
    def sessions(self, count: int, supervisor_share: float) -> list[dict]:
        """`count` sessions, each its own access token: agents (on their own claims) and supervisors; the
        distinct users sign in through the API once each (timed), the rest of the tokens are minted."""
        code = r"""
import json, os, random, sys
import django
django.setup()
from insurehub.claims.models import Claim
from insurehub.core.roles import Role
from insurehub.users.models import User
from insurehub.users.services import refresh_token_for
count, share = int(sys.argv[1]), float(sys.argv[2])
rng = random.Random(7)
agents = list(User.objects.filter(role=Role.AGENT, email__startswith="bench-agent").order_by("email"))
supervisors = list(User.objects.filter(role=Role.SUPERVISOR, email__startswith="bench-supervisor").order_by("email"))
ids = {}
for user in agents:
    ids[user.pk] = [str(i) for i in Claim.objects.filter(assigned_agent=user).values_list("id", flat=True)[:200]]
for user in supervisors:
    ids[user.pk] = [str(i) for i in Claim.objects.filter(department=user.department).values_list("id", flat=True)[:200]]
out = []
n_sup = round(count * share) if supervisors else 0
for n in range(count):
    pool = supervisors if n < n_sup else agents
    user = pool[n % len(pool)]
    out.append({"email": user.email, "role": user.role, "token": str(refresh_token_for(user).access_token),
                "ids": ids[user.pk] or ["none"]})
rng.shuffle(out)
print(json.dumps(out))
"""
        done = subprocess.run(  # noqa: S603  # nosec B603
            [PYTHON, "-c", code, str(count), str(supervisor_share)],
            cwd=ROOT,
            env=self.django_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError("minting tokens failed: " + last_line(done.stderr))
        return json.loads(done.stdout)

    def sign_in(self, base: str, emails: list[str]) -> list[float]:
        import urllib.request

        timings = []
        for email in emails:
            body = json.dumps({"email": email, "password": "bench-password-1"}).encode()
            request = urllib.request.Request(  # noqa: S310  # nosec B310
                base + "/api/auth/login/", data=body, headers={"Content-Type": "application/json"}
            )
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310  # nosec B310
                json.loads(answer.read())
            timings.append((time.perf_counter() - started) * 1000)
        return timings

    def shipped(self) -> None:
        args = self.args
        kind = shipped_http_kind()
        bare = self.bare.get(kind)
        port = free_port()
        argv, extra = shipped_argv(port, args.workers, args.threads)
        software = shipped_software() if SERVE_SCRIPT.exists() else "uvicorn (ASGI; no scripts/serve.sh yet)"
        self.notes.append(
            f"shipped server: {'scripts/serve.sh' if SERVE_SCRIPT.exists() else 'uvicorn'} ({software}), "
            f"WORKERS={args.workers}, THREADS={args.threads}, DJANGO_ENV=production, DEBUG=0, its logs (INFO, access "
            f"log on) to a file, Redis DB {args.redis_db}, at most {args.pool} database connections per process"
        )
        mix_sessions = self.sessions(max(args.many, args.connections), SUPERVISOR_SHARE)
        with server(argv, self.django_env(production=True, **extra), port, self.log) as base:
            # a few of the users sign in through the API, one after another (each a password hash)
            users = {s["email"]: s["role"] for s in mix_sessions}
            emails = sorted(e for e in users if users[e] == "agent")[:8]
            emails += sorted(e for e in users if users[e] == "supervisor")[:2]
            signed = self.sign_in(base, emails)
            counts = {r: sum(1 for e in emails if users[e] == r) for r in ("agent", "supervisor")}
            roles = ", ".join(f"{n} {r}{'s' if n != 1 else ''}" for r, n in counts.items())
            self.add(
                Row(
                    f"sign-in through the API, one after another, {len(emails)} users ({roles})",
                    "",
                    f"p50 {ms(statistics.median(signed))}, max {ms(max(signed))}",
                    "",
                    "",
                )
            )
            warm = mix_sessions[: args.connections]
            run_wrk(base, warm, MIX, args.connections, 5)  # warm up every worker and its pool
            # back to back first: a saturated mixed run leaves the server a backlog to work off
            self.back_to_back(base, mix_sessions, bare)
            self.mixed(base, mix_sessions[:50], 50, MIX_50_P95_MS, bare)
            wait_idle(base)
            self.mixed(base, mix_sessions, args.many, MIX_500_P95_MS, bare)
        # what the server's own logging costs: the same server with its logs off, the cheapest requests
        quiet = {**extra, "ACCESS_LOG": "0", "LOG_LEVEL": "WARNING"}
        port = free_port()
        argv, _ = shipped_argv(port, args.workers, args.threads)
        quiet["PORT"] = str(port)
        with server(argv, self.django_env(production=True, **quiet), port, self.log) as base:
            people = [s for s in mix_sessions if s["role"] == "agent"][: args.connections]
            run_wrk(base, people, [(1, "/api/auth/me/")], args.connections, 3)  # warm up
            for path, who in (("/healthz", [{"token": None, "ids": []}]), ("/api/auth/me/", people)):
                result = run_wrk(base, who, [(1, path)], args.connections, args.b2b_seconds)
                share = f"{result['rps'] / bare['b2b']['rps']:.3f} of the bare app, " if bare else ""
                self.add(
                    Row(
                        f"{path}, {args.connections} connections back to back, the server's logs off "
                        "(ACCESS_LOG=0, LOG_LEVEL=WARNING)",
                        "(what logging costs)",
                        f"{share}{rate(result['rps'])}, p95 {ms(result['p95'])}",
                        f"{bare['label']}: {rate(bare['b2b']['rps'])}" if bare else "",
                        "",
                    )
                )

    def mixed(self, base: str, sessions: list[dict], clients: int, target_ms: float, bare: dict | None) -> None:
        args = self.args
        result = run_wrk(base, sessions[:clients], MIX, clients, args.mix_seconds, (1000, 3000))
        supervisors = sum(1 for s in sessions[:clients] if s["role"] == "supervisor")
        measure = (
            f"{clients} clients ({clients - supervisors} agents, {supervisors} supervisors), think 1-3 s, mixed "
            "dashboard workload (KPI, dashboard claims, claims list, claim detail): p95, errors"
        )
        target = f"p95 under {target_ms:,.0f} ms" + (", 0 errors" if clients == 50 else "")
        met = under(result["p95"], target_ms)
        if clients == 50 and result["errors"] and met == "yes":
            met = f"no: {result['errors']} errors"
        baseline = ""
        if bare and clients in bare["mix"]:
            b = bare["mix"][clients]
            baseline = f"{bare['label']}, {clients} clients, same think: p95 {ms(b['p95'])}"
        self.add(
            Row(
                measure,
                target,
                f"p95 {ms(result['p95'])} (p50 {ms(result['p50'])}, p99 {ms(result['p99'])}); "
                f"{result['errors']} errors "
                f"({result['non2xx']} non-2xx, {result['timeouts']} timeouts); {rate(result['rps'])}",
                baseline,
                met,
            )
        )

    def back_to_back(self, base: str, sessions: list[dict], bare: dict | None) -> None:
        args = self.args
        agents = [s for s in sessions if s["role"] == "agent"]
        supervisors = [s for s in sessions if s["role"] == "supervisor"]
        people = (supervisors[: args.connections // 2] + agents)[: args.connections]
        bare_rps = bare["b2b"]["rps"] if bare else None
        bare_label = f"{bare['label']}: {rate(bare_rps)}" if bare else "no bare app measured"
        runs = [
            ("healthz", "/healthz", [{"token": None, "ids": []}], None),
            ("me", "/api/auth/me/", people, None),
            ("kpi", "/api/dashboard/kpi/", people, KPI_RPS),
            ("list", "/api/claims/?page_size=50", people, LIST_RPS),
        ]
        names = {
            "healthz": "/healthz",
            "me": "`/api/auth/me/` (signed in)",
            "kpi": "`/api/dashboard/kpi/` (cached)",
            "list": "`/api/claims/?page_size=50`",
        }
        for key, path, who, floor in runs:
            result = run_wrk(base, who, [(1, path)], args.connections, args.b2b_seconds)
            errors = f"; {result['errors']} errors" if result["errors"] else ""
            figure = f"{rate(result['rps'])}, p95 {ms(result['p95'])}{errors}"
            if floor:
                self.add(
                    Row(
                        f"{names[key]}, {args.connections} connections back to back",
                        f"{floor} req/s or more",
                        figure,
                        bare_label,
                        at_least(result["rps"], floor),
                    )
                )
            if bare_rps:
                share = result["rps"] / bare_rps
                self.add(
                    Row(
                        f"{names[key]} as a share of the bare app",
                        f"{SHARES[key]} or more",
                        f"{share:.2f} ({rate(result['rps'])})"
                        if share >= 0.1
                        else f"{share:.3f} ({rate(result['rps'])})",
                        bare_label,
                        at_least(share, SHARES[key]),
                    )
                )
            else:
                self.add(not_measured(f"{names[key]} as a share of the bare app", f"{SHARES[key]}", "no bare app"))

    # 5. in process
    def in_process(self) -> None:
        lines, missing = [], []
        for name in ("bench_dashboard_in_process.py", "bench_in_process.py"):
            script = ROOT / "bench" / name
            if "--json" not in script.read_text():
                missing.append(f"bench/{name} has no --json mode yet")
                continue
            argv = [PYTHON, str(script), "--json", "--claims", str(self.claims or self.args.claims)]
            # the dashboard bench times 25 lines (every role's reads) and their bare SQL: 30 requests a line
            argv += ["--requests", "30", "--warmup", "5"] if self.args.quick or "dashboard" in name else []
            try:
                done = subprocess.run(  # noqa: S603  # nosec B603
                    argv, cwd=ROOT, env=self.django_env(), capture_output=True, text=True, check=False, timeout=900
                )
            except subprocess.TimeoutExpired:
                missing.append(f"bench/{name} did not finish in 15 minutes")
                continue
            if done.returncode != 0:
                missing.append(f"bench/{name} exited {done.returncode}: {last_line(done.stderr)}")
                continue
            data = json.loads(done.stdout.strip().splitlines()[-1])
            got = data.get("lines", data) if isinstance(data, dict) else data
            if name == "bench_in_process.py" and lines:
                # the dashboard bench had every role's claims page and detail: keep the authentication lines
                got = [line for line in got if not any(w in line["name"] for w in ("page_size", "detail", "plain"))]
            lines += got
        for row in in_process_rows(lines, self.sql):
            self.add(row)
        for reason in missing:
            self.add(not_measured("in process: " + reason.split(" ", 1)[0], f"under {IN_PROCESS_MS} ms", reason))

    # 6. realtime
    def realtime(self) -> None:
        script = ROOT / "bench" / "realtime.py"
        if "--json" not in script.read_text():
            raise RuntimeError("bench/realtime.py has no --json mode yet")
        argv = [PYTHON, str(script), "--json", "--database-url", self.database_url, "--redis-url", self.redis_url]
        if self.args.quick:
            argv += ["--duration", "5", "--rates", "20,50,100"]
        done = subprocess.run(  # noqa: S603  # nosec B603
            argv,
            cwd=ROOT,
            env=self.django_env(REDIS_URL=self.redis_url),
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )
        if done.returncode != 0:
            raise RuntimeError(f"exited {done.returncode}: {last_line(done.stderr)}")
        data = json.loads(done.stdout.strip().splitlines()[-1])
        for row in realtime_rows(data):
            self.add(row)


# in-process lines with a target: (words in the line's name, the target in ms, the bare SQL baseline's key)
IN_PROCESS_TARGETS = [
    ("kpi uncached", IN_PROCESS_MS, "dashboard aggregates"),
    ("dashboard claims", IN_PROCESS_MS, "queue"),
    ("dashboard assessments", IN_PROCESS_MS, None),
    ("page_size=50", IN_PROCESS_MS, "claims list"),
    ("claims page", IN_PROCESS_MS, "claims list"),
    ("claim detail", IN_PROCESS_MS, None),
    ("jwt authenticate", 0.5, None),
]


def in_process_rows(lines: list[dict], sql: dict[str, float]) -> list[Row]:
    """Rows from the in-process benches' --json lines ({name, wall_p50_ms, cpu_p50_ms, ...}): the reads the
    targets name against 10 ms (JWT authentication alone against 0.5 ms), next to the plain Django view and
    the bare SQL of the same question from this run."""
    plain = next((line for line in lines if "plain" in line.get("name", "")), None)
    rows = []
    for line in lines:
        name = line.get("name", "?")
        if "plain" in name:
            continue
        wall = first_number(line, ("wall_p50_ms", "wall_ms", "p50_ms"))
        cpu = first_number(line, ("cpu_p50_ms", "cpu_ms"))
        target = next((t for t in IN_PROCESS_TARGETS if t[0] in name.lower()), None)
        baseline = []
        if plain and first_number(plain, ("wall_p50_ms", "wall_ms", "p50_ms")) is not None:
            baseline.append(f"plain Django view {ms(first_number(plain, ('wall_p50_ms', 'wall_ms', 'p50_ms')))}")
        sql_ms = first_number(line, ("bare_sql_ms", "sql_ms"))
        if sql_ms is None and target and target[2]:
            sql_ms = next((value for key, value in sql.items() if target[2] in key), None)
        if sql_ms is not None:
            baseline.append(f"bare SQL {ms(sql_ms)}")
        figure = "no figure" if wall is None else f"{ms(wall)} wall"
        if cpu is not None:
            figure += f", {ms(cpu)} CPU"
        if line.get("queries") is not None:
            figure += f", {line['queries']} queries"
        if str(line.get("status")) not in ("None", "200", "-"):
            figure += f" (status {line['status']})"
        rows.append(
            Row(
                f"in process (p50): {name}",
                f"under {target[1]:g} ms" if target else "",
                figure,
                ", ".join(baseline),
                under(wall, target[1]) if target and wall is not None else "",
            )
        )
    return rows


def realtime_rows(data: dict) -> list[Row]:
    """Rows from realtime.py --json: the steady run (target: p99 under 100 ms at 20 events/s) and the largest
    rate of the search whose p99 stayed under 100 ms with nothing lost."""
    sockets, clients = data.get("sockets", "?"), data.get("clients", "?")
    layer = data.get("layer", "?")

    def figure(run: dict) -> str:
        text = (
            f"p50 {ms(run['p50_ms'])}, p95 {ms(run['p95_ms'])}, p99 {ms(run['p99_ms'])}; "
            f"{run['deliveries_per_s']:,.0f} deliveries/s; lost {run.get('lost', 0)}"
        )
        if run.get("server_cpu_ms_per_delivery") is not None:
            text += f"; server CPU {run['server_cpu_ms_per_delivery']:.3f} ms per delivery"
        return text

    where = f"{sockets} sockets ({layer}, clients in {clients} processes of their own)"
    rows = []
    steady = data.get("steady")
    if steady:
        lost = steady.get("lost", 0)
        met = under(steady["p99_ms"], REALTIME_P99_MS)
        if lost and met == "yes":
            met = f"no: {lost} frames lost"
        rows.append(
            Row(
                f"realtime, {where}, {steady['rate']:g} events/s, commit to receive",
                f"p99 under {REALTIME_P99_MS} ms at 20 events/s",
                figure(steady),
                "",
                met,
            )
        )
    else:
        rows.append(not_measured(f"realtime, {where}, steady rate", f"p99 under {REALTIME_P99_MS} ms", "no steady run"))
    best = data.get("max_rate_p99_under_100ms")
    runs = {run["rate"]: run for run in data.get("runs", [])}
    tried = ", ".join(f"{rate:g}" for rate in runs)
    if best is not None and best in runs:
        rows.append(
            Row(
                f"realtime, {where}: the largest rate with p99 under {REALTIME_P99_MS} ms (tried {tried} events/s)",
                "reported",
                f"{best:g} events/s: " + figure(runs[best]),
                "",
                "",
            )
        )
    elif runs:
        rows.append(
            Row(
                f"realtime, {where}: the largest rate with p99 under {REALTIME_P99_MS} ms (tried {tried} events/s)",
                "reported",
                "none of the rates tried",
                "",
                "",
            )
        )
    return rows


def last_line(text: str) -> str:
    """The last non-empty line of a process's output (a traceback's exception)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


def checked(argv: list[str], env: dict) -> str:
    """Run a command in the repository; its stdout, or RuntimeError naming the last line of its stderr."""
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(Path(a).name for a in argv[:3])} exited {done.returncode}: {last_line(done.stderr)}"
        )
    return done.stdout


def first_number(mapping: dict, keys: tuple[str, ...]):
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, int | float):
            return float(value)
    return None


def git_commit() -> str:
    done = subprocess.run(  # nosec B603 B607
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


# --- README -------------------------------------------------------------------------------------------
def summary(rows: list[Row]) -> str:
    """One paragraph: how many targets were met, which were missed and by how much, what was not measured."""
    judged = [row for row in rows if row.met and row.met != "not measured"]
    met = [row for row in judged if row.met == "yes"]
    missed = [f"{row.measure} ({row.met.removeprefix('no: ')})" for row in judged if row.met != "yes"]
    unmeasured = [
        f"{row.measure} ({row.figure.removeprefix('not measured: ')})" for row in rows if row.met == "not measured"
    ]
    text = f"Targets met: {len(met)} of {len(judged)} measured."
    if missed:
        text += " Missed: " + "; ".join(missed) + "."
    if unmeasured:
        text += " Not measured: " + "; ".join(unmeasured) + "."
    return text


def readme_block(table: str, caption: str, summary_text: str = "") -> str:
    tail = f"\n\n{summary_text}" if summary_text else ""
    return f"{BEGIN_MARK}\n{caption}\n\n{table}{tail}\n{END_MARK}"


def replace_generated(readme: str, block: str) -> str:
    """README.md with the generated block replaced (or, the first time, put in place of the table and the
    prose that followed it in "## Benchmarks", up to the next section)."""
    if BEGIN_MARK in readme and END_MARK in readme:
        head, rest = readme.split(BEGIN_MARK, 1)
        _, tail = rest.split(END_MARK, 1)
        return head + block + tail
    start = readme.index("## Benchmarks")
    end = readme.index("\n## ", start + 1)
    section = readme[start:end]
    table_at = section.find("\n|")
    if table_at < 0:
        return readme[:end] + "\n\n" + block + "\n" + readme[end:]
    # keep the section's introduction, less the line that led into the old table ("Figures measured ...:")
    intro = section[:table_at].rstrip()
    lines = intro.splitlines()
    while lines and lines[-1].rstrip().endswith(":") and not lines[-1].startswith("#"):
        lines.pop()
    intro = "\n".join(lines)
    return readme[:start] + intro.rstrip() + "\n\n" + block + "\n" + readme[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=None, help="claims in the database (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="50,000 claims, 100 clients instead of 500, short runs")
    parser.add_argument("--db", default=None, help="database name (default insurehub_table, insurehub_table_quick)")
    parser.add_argument("--reseed", action="store_true", help="drop and seed the database again")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--redis-db", type=int, default=14)
    parser.add_argument("--workers", type=int, default=2, help="server processes (the shipped one and the bare apps)")
    parser.add_argument("--threads", type=int, default=8, help="request threads per server process (THREADS)")
    parser.add_argument("--pool", type=int, default=8, help="database connections per server process at most")
    parser.add_argument("--connections", type=int, default=8, help="connections of the back-to-back runs")
    parser.add_argument("--mix-seconds", type=float, default=None, help="length of each mixed-workload run")
    parser.add_argument("--b2b-seconds", type=float, default=None, help="length of each back-to-back run")
    for phase in ("seed", "sql", "bare", "http", "in-process", "realtime"):
        parser.add_argument(f"--skip-{phase}", action="store_true")
    parser.add_argument("--readme", action="store_true", help="rewrite README.md's benchmark table with the result")
    args = parser.parse_args(argv)
    args.claims = args.claims or (50_000 if args.quick else 1_000_000)
    args.db = args.db or ("insurehub_table_quick" if args.quick else "insurehub_table")
    args.mix_seconds = args.mix_seconds or (20 if args.quick else 60)
    args.many = 100 if args.quick else 500  # the second mixed run's clients
    args.b2b_seconds = args.b2b_seconds or (8 if args.quick else 15)

    start_load = loadavg()
    started = datetime.datetime.now(datetime.UTC)
    bench = Bench(args)
    print(f"load average at start: {start_load}; server log: {bench.log}", flush=True)
    if args.skip_seed:
        bench.claims = bench.count_claims()
    else:
        bench.phase("seed", [(f"`seed_bench --claims {args.claims:,}`", f"under {SEED_SECONDS} s")], bench.seed)
    if not args.skip_sql:
        bench.phase("bare SQL", [("bare SQL baselines", "(baseline)")], bench.bare_sql)
    if not args.skip_bare:
        bench.phase("bare apps", [("bare WSGI and ASGI apps", "(baseline)")], bench.bare_apps)
    if not args.skip_http:
        http_rows = [
            ("50 clients, mixed dashboard workload", f"p95 under {MIX_50_P95_MS} ms, 0 errors"),
            ("500 clients, mixed dashboard workload", f"p95 under {MIX_500_P95_MS} ms"),
            ("KPI back to back", f"{KPI_RPS} req/s or more"),
            ("claims list back to back", f"{LIST_RPS} req/s or more"),
        ] + [(f"{key} as a share of the bare app", f"{share} or more") for key, share in SHARES.items()]
        bench.phase("shipped server", http_rows, bench.shipped)
    if not args.skip_in_process:
        bench.phase(
            "in process",
            [
                (
                    "in process: KPI uncached, dashboard claims, dashboard assessments, claims page, claim detail",
                    f"each under {IN_PROCESS_MS} ms",
                )
            ],
            bench.in_process,
        )
    if not args.skip_realtime:
        bench.phase(
            "realtime",
            [("realtime, 500 sockets on Redis, 20 events/s, commit to receive p99", f"under {REALTIME_P99_MS} ms")],
            bench.realtime,
        )

    end_load = loadavg()
    caption = (
        f"`python bench/table.py{' --quick' if args.quick else ''}` at {git_commit()}, "
        f"{started:%Y-%m-%d %H:%M} UTC: {bench.claims:,} claims on PostgreSQL ({args.db}), "
        f"{os.cpu_count()} cores shared by the server, PostgreSQL, Redis and the clients (wrk, in its own "
        f"process); load average {start_load} at the start, {end_load} at the end."
    )
    if bench.notes:
        caption += " " + "; ".join(bench.notes) + "."
    table = format_table(bench.rows)
    print()
    print(caption)
    print()
    print(table)
    print()
    print(summary(bench.rows))
    if args.readme:
        block = readme_block(table, caption, summary(bench.rows))
        README.write_text(replace_generated(README.read_text(), block))
        print("\nREADME.md: the benchmark table rewritten")
    return 0


if __name__ == "__main__":
    random.seed()
    sys.exit(main())
