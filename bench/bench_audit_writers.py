"""Audit writers benchmark (issue 15 item 3): K concurrent writers, each on its OWN claim and its own
PostgreSQL connection, for N seconds per cell, K in 1, 2, 4, 8. Prints writes/s for, in the same run:

- baseline: bare SQL, one INSERT into a plain table per transaction (what the database and the
  machine allow K writers at all);
- `audit_record` alone, one entry per transaction;
- a claim edit through `claim_update` (the claim's row lock, the claim saved, its audit entry and
  its outbox event, in one transaction; the description only, so no shared rollup cell moves).

After each audit cell it counts the entries left unsealed and times `audit_seal` catching up; at the
end it runs `verify_audit_chain`. The same file runs against the code before the audit change (a git
worktree of that commit; the compat shim below covers the names that did not exist then), e.g.:

    git worktree add /tmp/audit-before 33e6ec1^
    cp bench/bench_audit_writers.py /tmp/audit-before/bench/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python \
        /tmp/audit-before/bench/bench_audit_writers.py --db insurehub_bench_audit_before
    git worktree remove /tmp/audit-before

Needs DATABASE_URL (PostgreSQL); the database named by --db (default insurehub_bench_audit) is dropped
and created on that server. At most 8 writers + 1 connection. Not a test:
`python bench/bench_audit_writers.py [--seconds N] [--repeat R] [--writers 1,2,4,8] [--db NAME]`.
"""

import argparse
import contextlib
import io
import multiprocessing
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each cell (default 5)")
    parser.add_argument("--writers", default="1,2,4,8", help="writer counts (default 1,2,4,8; at most 8)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the whole table; medians printed")
    parser.add_argument(
        "--processes", action="store_true", help="each writer a process of its own (default: threads of one process)"
    )
    parser.add_argument("--db", default="insurehub_bench_audit", help="database to drop, create and use")
    args = parser.parse_args()
    args.writers = [int(k) for k in args.writers.split(",")]
    if max(args.writers) > 8:
        parser.error("at most 8 writers (connections stay <= 12)")
    return args


ROWS = ["baseline: bare SQL INSERT", "audit_record alone", "claim edit"]


def build_writes(agent_pks: list, claim_pks: list) -> dict:
    """The three writes of the table, by row name: write(w, i) is writer w's i-th write on claim w."""
    from django.db import connection, transaction

    from insurehub.audit.services import audit_record
    from insurehub.claims.models import Claim
    from insurehub.claims.services import claim_update
    from insurehub.users.models import User

    agents = [User.objects.get(pk=pk) for pk in agent_pks]
    claims = [Claim.objects.get(pk=pk) for pk in claim_pks]

    def bare_sql(w: int, i: int) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO bench_plain (writer, payload) VALUES (%s, %s)", [w, f'{{"i": {i}, "claim": {w}}}']
            )

    def bare_audit(w: int, i: int) -> None:
        with transaction.atomic():
            audit_record(actor=agents[w], action="bench.write", target=claims[w], changes={"i": i})

    def claim_edit(w: int, i: int) -> None:
        claim_update(
            claim=claims[w],
            data={"description": f"Rear-ended at a junction; bumper damaged (bench edit {i})."},
            updated_by=agents[w],
        )

    return dict(zip(ROWS, (bare_sql, bare_audit, claim_edit), strict=True))


def process_writer(w: int, pipe, stop, agent_pks: list, claim_pks: list) -> None:
    """--processes: writer w in its own interpreter (no GIL shared with the others), as a web
    replica's worker would be; it runs the cells it is sent until it receives None."""
    import django

    django.setup()
    from django.db import connection

    writes = build_writes(agent_pks, claim_pks)
    while (name := pipe.recv()) is not None:
        error = ""
        try:
            writes[name](w, -1)  # warm
        except Exception as exc:
            error = f"writer {w}: {type(exc).__name__}: {exc}"
        pipe.send("ready")
        pipe.recv()  # go
        i = 0
        while not error and not stop.is_set():
            try:
                writes[name](w, i)
            except Exception as exc:
                error = f"writer {w}: {type(exc).__name__}: {exc}"
                break
            i += 1
        pipe.send((i, error))
    connection.close()


def recreate_database(url: str, name: str) -> str:
    """Drop and create `name` on the server of `url`; return the URL that names it."""
    import psycopg

    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server (postgres://...)")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def main() -> None:
    args = parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("DATABASE_URL is required (a PostgreSQL server; the bench uses its own database on it)")
    os.environ["DATABASE_URL"] = recreate_database(url, args.db)
    os.environ.setdefault("DJANGO_ENV", "test")
    os.environ.setdefault("LOG_LEVEL", "CRITICAL")
    os.environ.setdefault("DB_POOL_MIN_SIZE", "1")
    os.environ.setdefault("DB_POOL_MAX_SIZE", str(max(args.writers) + 2))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from insurehub.audit.models import AuditEvent
    from insurehub.claims.tests.factories import file_claim
    from insurehub.users.tests.factories import StaffFactory

    # Compat shim: before the audit change every entry was sealed (hashed, chained) by its writer
    # under the head's lock, so there is no sealer and nothing is ever left unsealed.
    try:
        from insurehub.audit.services import audit_seal

        code = "after: writers append, audit_seal chains after commit"
    except ImportError:

        def audit_seal(**_kwargs) -> int:
            return 0

        code = "before: every writer locks the chain head to its commit"

    call_command("migrate", verbosity=0)
    k_max = max(args.writers)
    agents = [StaffFactory() for _ in range(k_max)]
    claims = [file_claim() for _ in range(k_max)]
    audit_seal()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_plain (id bigserial PRIMARY KEY, writer int NOT NULL,"
            " at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)"
        )

    def cell(name: str, k: int) -> tuple[float, int, list[str]]:
        """K writers, each on its own claim until the deadline; returns writes/s, count, errors."""
        if args.processes:
            return process_cell(name, k)
        write = writes[name]
        counts = [0] * k
        errors: list[str] = []
        ready = threading.Barrier(k + 1)
        stop = threading.Event()

        def writer(w: int) -> None:
            try:
                write(w, -1)  # warm: opens this thread's connection, caches the statements
                ready.wait()
                i = 0
                while not stop.is_set():
                    write(w, i)
                    i += 1
                counts[w] = i
            except Exception as exc:  # reported in the table, never hidden
                errors.append(f"writer {w}: {type(exc).__name__}: {exc}")
                stop.set()
                ready.abort()
            finally:
                connection.close()

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(k)]
        for thread in threads:
            thread.start()
        with contextlib.suppress(threading.BrokenBarrierError):
            ready.wait()
        started = time.perf_counter()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        return sum(counts) / elapsed, sum(counts), errors

    def process_cell(name: str, k: int) -> tuple[float, int, list[str]]:
        for pipe in pipes[:k]:
            pipe.send(name)
        for pipe in pipes[:k]:
            pipe.recv()  # ready
        stop.clear()
        started = time.perf_counter()
        for pipe in pipes[:k]:
            pipe.send("go")
        time.sleep(args.seconds)
        stop.set()
        replies = [pipe.recv() for pipe in pipes[:k]]
        elapsed = time.perf_counter() - started
        total = sum(count for count, _error in replies)
        return total / elapsed, total, [error for _count, error in replies if error]

    def unsealed() -> int:
        return AuditEvent.objects.filter(hash__isnull=True).count()

    writes = build_writes([a.pk for a in agents], [c.pk for c in claims])
    rows = [(name, name) for name in ROWS]
    pipes, workers = [], []
    stop = multiprocessing.get_context("spawn").Event()
    if args.processes:
        context = multiprocessing.get_context("spawn")  # a fresh interpreter each: no forked connection or pool
        for w in range(k_max):
            ours, theirs = context.Pipe()
            worker = context.Process(
                target=process_writer,
                args=(w, theirs, stop, [a.pk for a in agents], [c.pk for c in claims]),
                daemon=True,
            )
            worker.start()
            pipes.append(ours)
            workers.append(worker)
    load_before = os.getloadavg()
    results: dict[str, dict[int, list[tuple[float, int, list[str]]]]] = {}
    lag: dict[str, dict[int, tuple[int, float, int]]] = {}
    for name, _write in rows:
        results[name], lag[name] = {k: [] for k in args.writers}, {}
    # Interleaved (each K runs its rows side by side, the whole table --repeat times; the median is
    # printed): other work on the machine then weighs on the baseline and the audit rows alike.
    for _round in range(args.repeat):
        for k in args.writers:
            for name, write in rows:
                results[name][k].append(cell(write, k))
                if write != ROWS[0]:
                    left = unsealed()
                    t0 = time.perf_counter()
                    caught = audit_seal()
                    lag[name][k] = (left, time.perf_counter() - t0, caught)
    load_after = os.getloadavg()
    for pipe, worker in zip(pipes, workers, strict=True):
        pipe.send(None)
        worker.join(timeout=30)
    out = io.StringIO()
    try:
        call_command("verify_audit_chain", stdout=out)
        verdict = out.getvalue().strip()
    except Exception as exc:  # CommandError: the chain is broken
        verdict = f"BROKEN: {exc}"

    print(f"Audit writers benchmark ({code})")
    print(
        f"PostgreSQL database {args.db}; {args.seconds:g} s per cell, median of {args.repeat} interleaved round(s);"
        f" each writer a {'process' if args.processes else 'thread'} with its own claim and connection"
    )
    loads = [" / ".join(f"{value:.2f}" for value in load) for load in (load_before, load_after)]
    print(f"machine: {os.cpu_count()} CPUs, load average (1, 5, 15 min) before {loads[0]}, after {loads[1]}")
    header = f"{'writes/s':<28}" + "".join(f"{f'K={k}':>10}" for k in args.writers)
    header += f"{f'K={args.writers[-1]}/K={args.writers[0]}':>12}"
    print(header)
    rate = {name: {k: statistics.median(r[0] for r in results[name][k]) for k in args.writers} for name, _ in rows}
    for name, _write in rows:
        line = f"{name:<28}" + "".join(f"{rate[name][k]:>10.1f}" for k in args.writers)
        first, last = rate[name][args.writers[0]], rate[name][args.writers[-1]]
        line += f"{(last / first if first else 0):>11.2f}x"
        print(line)
    for name, _write in rows:
        for k, (left, seconds, caught) in lag.get(name, {}).items():
            print(
                f"  sealing after {name}, K={k}: {left} unsealed when the writers stopped,"
                f" audit_seal sealed {caught} in {seconds * 1000:.1f} ms"
            )
    for name, _write in rows:
        for k, runs in results[name].items():
            for error in (error for run in runs for error in run[2]):
                print(f"  ERROR in {name}, K={k}: {error}")
    print(f"entries in the audit log: {AuditEvent.objects.count()}; verify_audit_chain: {verdict}")


if __name__ == "__main__":
    main()
