"""Bulk intake benchmark (issue 19 item 2): a file of N incidents (10,000 by default), each on its own
active motor policy, imported through the real path (the file read and checked, the rows stored, the
job turning them into claims through the FNOL service in batches: numbering, history, audit, outbox
events, their in-transaction and after-commit subscribers), with the claims' provider enrichment off.

Prints, in the same run and on the same data:
- baseline: a bare bulk INSERT of N claim-shaped rows into a plain table (what the database allows);
- the dry run of the same file (read, every row checked against the database; nothing written);
- the import: the upload's part (read, check, store the rows) and the job, total time and rows/s;
- the SQL statements the job sent per row (counted by a `connection.execute_wrapper`), and the
  machine's load average (the timings mean little on a busy machine).

SQLite by default (a fresh file); `--postgres URL` runs on a PostgreSQL server, in a database
`--db` (default insurehub_bench_intake) dropped and created there. Not a test:
`python bench/bench_intake.py [--rows N] [--postgres postgres://postgres@127.0.0.1:5432/x]`.
"""

import argparse
import csv
import io
import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-intake-"))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="incidents in the file (default 10,000)")
    parser.add_argument("--postgres", default="", help="a PostgreSQL server URL (default: SQLite)")
    parser.add_argument("--db", default="insurehub_bench_intake", help="the PostgreSQL database to drop and create")
    return parser.parse_args()


def recreate_database(url: str, name: str) -> str:
    import psycopg

    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def setup_environment(args: argparse.Namespace) -> str:
    os.environ.setdefault("DJANGO_ENV", "test")
    if args.postgres:
        os.environ["DATABASE_URL"] = recreate_database(args.postgres, args.db)
        engine = "PostgreSQL"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
        engine = "SQLite"
    os.environ["MEDIA_ROOT"] = str(WORK / "media")
    os.environ["TASKS_IN_PROCESS"] = "eager"
    os.environ["INTEGRATIONS_ENRICH_CLAIMS"] = "false"
    os.environ.setdefault("LOG_LEVEL", "CRITICAL")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
    return engine


def make_policies(n: int):
    """N customers, each with a car and an active motor policy, in bulk."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from insurehub.core.roles import Role
    from insurehub.policies.models import Policy, PolicyStatus
    from insurehub.policies.tests.factories import PolicyTypeFactory
    from insurehub.users.models import User
    from insurehub.vehicles.models import Vehicle

    policy_type = PolicyTypeFactory()
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(email=f"fleet{i}@bench.test", name=f"Driver {i}", role=Role.CUSTOMER, password=unusable)
            for i in range(n)
        ],
        batch_size=1000,
    )
    vehicles = Vehicle.objects.bulk_create(
        [
            Vehicle(
                owner=u,
                registration=f"KD{i:05d}B",
                vin=f"WVWZZZ1JZXB{i:06d}",
                make="Toyota",
                model="Probox",
                year=2019,
                estimated_value=Decimal("1500000.00"),
            )
            for i, u in enumerate(users)
        ],
        batch_size=1000,
    )
    start = timezone.localdate() - timedelta(days=60)
    return Policy.objects.bulk_create(
        [
            Policy(
                policy_number=f"POL-BENCH-{i:06d}",
                customer=u,
                policy_type=policy_type,
                vehicle=v,
                status=PolicyStatus.ACTIVE,
                start_date=start,
                end_date=start + timedelta(days=364),
                premium=Decimal("52500.00"),
                sum_insured=Decimal("1500000.00"),
                activated_at=timezone.now(),
            )
            for i, (u, v) in enumerate(zip(users, vehicles, strict=True))
        ],
        batch_size=1000,
    )


def incidents_file(policies) -> bytes:
    from django.utils import timezone

    from insurehub.intake.files import COLUMNS

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    at = timezone.now() - timedelta(days=1)
    for i, p in enumerate(policies):
        writer.writerow(
            [
                p.policy_number,
                p.vehicle.registration,
                (at - timedelta(minutes=i % 600)).isoformat(),
                f"Flood water entered the cabin on Jomo Kenyatta Highway ({i}).",
                "Jomo Kenyatta Highway, Kisumu",
                "-0.0917",
                "34.7680",
                "85000.00",
                f"FLEET-{i:06d}",
                "no",
                "no",
                "",
            ]
        )
    return out.getvalue().encode()


def bare_insert(n: int) -> float:
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_claims (id integer PRIMARY KEY, policy varchar(20), registration varchar(16), "
            "incident_date varchar(40), description text, address varchar(255), latitude numeric(9,6), "
            "longitude numeric(9,6), amount numeric(14,2), reference varchar(64))"
        )
    rows = [
        (
            i,
            f"POL-BENCH-{i:06d}",
            f"KD{i:05d}B",
            "2026-11-29T10:00:00+00:00",
            f"Flood {i}",
            "Kisumu",
            -0.0917,
            34.768,
            85000,
            f"FLEET-{i:06d}",
        )
        for i in range(n)
    ]
    t0 = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany("INSERT INTO bench_claims VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
    return time.perf_counter() - t0


def main() -> None:
    args = parse_args()
    engine = setup_environment(args)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from insurehub.claims.models import Claim
    from insurehub.core.roles import Department, Role
    from insurehub.intake import services
    from insurehub.intake.permissions import Caller
    from insurehub.users.models import User

    call_command("migrate", verbosity=0)
    n = args.rows
    t0 = time.perf_counter()
    policies = make_policies(n)
    content = incidents_file(policies)
    setup_seconds = time.perf_counter() - t0
    supervisor = User.objects.create(email="supervisor@bench.test", role=Role.SUPERVISOR, department=Department.MOTOR)
    caller = Caller(user=supervisor)

    baseline = bare_insert(n)
    t0 = time.perf_counter()
    dry = services.import_dry_run(caller=caller, content=content)
    dry_seconds = time.perf_counter() - t0
    assert dry.valid == n, (dry.valid, dry.rows[:3])

    enqueue = services.enqueue_on_commit
    services.enqueue_on_commit = lambda *a, **k: None  # the job is run (and timed) below, not on commit
    t0 = time.perf_counter()
    started = services.import_start(caller=caller, content=content, filename="bench.csv")
    upload_seconds = time.perf_counter() - t0
    services.enqueue_on_commit = enqueue
    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    t1 = time.perf_counter()
    with connection.execute_wrapper(count):
        services.import_run(import_id=started.intake_import.pk)
    job_seconds = time.perf_counter() - t1
    intake_import = started.intake_import
    intake_import.refresh_from_db()
    total_seconds = time.perf_counter() - t0
    assert intake_import.created_count == n, (intake_import.created_count, intake_import.refused_count)
    assert Claim.objects.count() == n

    def line(name: str, seconds: float) -> str:
        return f"{name:<58} {seconds:9.2f} s  {n / seconds:10.0f} rows/s"

    print(
        f"Bulk intake benchmark: {n} rows, {engine}, batches of {settings.INTAKE_BATCH_ROWS} rows, "
        f"file {len(content) / 1024:.0f} KiB (setup {setup_seconds:.1f} s)"
    )
    print(line("baseline: bare bulk INSERT of claim-shaped rows", baseline))
    print(line("dry run (read, check every row; writes nothing)", dry_seconds))
    print(line("import: upload (read, check, store rows)", upload_seconds))
    print(line("import: the job (claims through FNOL, in batches)", job_seconds))
    print(line("import: total (upload + job: claims through FNOL)", total_seconds))
    print(f"claims created: {intake_import.created_count}; per row {total_seconds / n * 1000:.1f} ms")
    print(
        f"the job's SQL statements: {statements} ({statements / n:.1f} per row, savepoints and the"
        " after-commit handlers' included)"
    )
    load = os.getloadavg()
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
