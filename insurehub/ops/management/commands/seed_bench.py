"""Bulk data for benchmarks: `python manage.py seed_bench --claims 1000000`.

Load, not history: rows are generated in Python, column by column, and written with PostgreSQL's
COPY (psycopg's `cursor.copy()`), never through the services. On PostgreSQL, in one transaction:
the loaded tables' secondary indexes are dropped and rebuilt after the load (one sort each instead
of a million random inserts into twenty indexes), foreign-key triggers are off for the load
(`session_replication_role = replica`; the generator only points at rows it made or read), the
dashboard rollups are recomputed by SQL from the loaded rows (rollups.rebuild_in_sql); then
`VACUUM ANALYZE` of the loaded tables. Nothing is updated after it is written, so no dead rows are
left. Other databases (SQLite, small counts) take the same rows through executemany, then
rollups.rebuild().

What is made (flags below):
  staff      bench-supervisor@insurehub.test (motor) and bench-supervisor-<department>@ for the
             others; --agents agents spread over the departments by claim volume (bench-agent@ and
             bench-agent-<n>@, motor first); --assessors assessors (bench-assessor-<n>@). Workloads
             are uneven (weights 1 / (1 + rank / 10)), so one assessor is much busier than another.
             Password bench-password-1.
  customers  --customers customers, each with a vehicle and an active motor policy.
  claims     statuses, priorities and departments by the weights below. Open claims are young
             (age drawn from an exponential with a 14-day mean, at most a year), finished ones
             spread over two years. SLA deadline = submission + 24/72/168/336 h by priority
             (urgent/high/normal/low), so a share of the open ones are past it. Every claim but a
             draft has an agent of its department; claims at assessment or later (and half the
             rejected ones, a third of those under review) have an assessor.
  history    a decision entry (approved / rejected) per decided claim (the daily rollups count them).
  settlements  a paid settlement per settled or closed claim (approved amount).
  assessments  one per claim with an assessor: scheduled (under review, or at assessment), in
             progress (at assessment, 5-95% done) or completed (decided claims).

Flags: --claims N (default 100,000; added to what is there), --customers, --agents, --assessors,
--batch-size (rows generated and copied per round), --seed (random seed), --no-vacuum.
Prints the time taken and rows/s.
"""

import multiprocessing
import os
import random
import resource
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from insurehub.assessments.models import Assessment
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimSettlement, ClaimStatusHistory
from insurehub.core.roles import Department, Role
from insurehub.dashboard import rollups
from insurehub.policies.models import InsuranceCompany, Policy, PolicyCategory, PolicyType
from insurehub.users.models import User
from insurehub.vehicles.models import Vehicle, registration_index

STATUS_WEIGHTS = {
    "submitted": 6,
    "under_review": 8,
    "assessment": 7,
    "approved": 3,
    "settlement": 2,
    "settled": 20,
    "closed": 40,
    "rejected": 8,
    "withdrawn": 4,
    "draft": 2,
}
PRIORITY_WEIGHTS = {"low": 25, "normal": 50, "high": 18, "urgent": 7}
SLA_HOURS = {"urgent": 24, "high": 72, "normal": 168, "low": 336}
DEPARTMENT_WEIGHTS = {
    Department.MOTOR: 60,
    Department.HEALTH: 15,
    Department.PROPERTY: 10,
    Department.TRAVEL: 8,
    Department.LIFE: 7,
}
ESTIMATES = [5000, 15000, 40000, 90000, 150000, 400000, 900000]
DECIDED = frozenset({"approved", "settlement", "settled", "closed"})
# The share of a status's claims that have an assessor.
ASSESSED_SHARE = {s: 1.0 for s in (*DECIDED, "assessment")} | {"rejected": 0.5, "under_review": 0.33}
# Security review: a throwaway credential of generated bench users, never in production data.
BENCH_PASSWORD = "bench-password-1"  # noqa: S105  # nosec B105
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
DAY = 86400.0
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _at(seconds: float) -> datetime:
    return EPOCH + timedelta(seconds=seconds)


class _Days(dict):
    """Day number since 1970 -> "YYYY-MM-DD " (made on first use)."""

    def __missing__(self, day: int) -> str:
        text = self[day] = (EPOCH + timedelta(days=day)).strftime("%Y-%m-%d ")
        return text


_DAYS = _Days()
# Second of the day -> "HH:MM:SS+00".
_TIMES = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+00" for s in range(86400)]


def _stamp(seconds: float) -> str:
    """COPY's text for a UTC moment, to the second (several times cheaper than a datetime that
    psycopg then formats)."""
    day, rest = divmod(int(seconds), 86400)
    return _DAYS[day] + _TIMES[rest]


def _uuid4_bits(rng) -> int:
    """128 random bits with a version 4 UUID's version and variant."""
    bits = rng.getrandbits(128)
    return (bits & ~(0xF << 76) & ~(0x3 << 62)) | (0x4 << 76) | (0x2 << 62)


class Loader:
    """Rows for one table: the given columns per row, the model's defaults for the others."""

    def __init__(self, model, columns: list[str]):
        self.table = model._meta.db_table
        fields = {f.column: f for f in model._meta.concrete_fields}
        # Not given: the model's default (an auto-incremented primary key is left to the database).
        rest = [c for c in fields if c not in columns and not fields[c].primary_key]
        self.columns = list(columns) + rest
        self.fields = [fields[c] for c in columns]
        self.constants = tuple(fields[c].get_db_prep_save(fields[c].get_default(), connection) for c in rest)
        # What ends every line of COPY's text: the constants, then a newline.
        self.tail = "".join("\t\\N" if v is None else f"\t{v}" for v in self.constants) + "\n"
        self.written = 0

    def copy(self, text: str, count: int) -> None:
        """PostgreSQL: COPY the lines of `copy_text()`."""
        names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {self.table} ({names}) FROM STDIN") as copy:
            copy.write(text)
        self.written += count

    def insert(self, rows: list[tuple]) -> None:
        """Other databases: executemany with each value prepared by its field."""
        if not rows:
            return
        names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        marks = ", ".join(["%s"] * len(self.columns))
        prepared = [
            tuple(f.get_db_prep_save(v, connection) for f, v in zip(self.fields, row, strict=True)) + self.constants
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.table} ({names}) VALUES ({marks})", prepared)  # noqa: S608  # nosec B608
        self.written += len(rows)


def copy_text(rows: list[tuple], tail: str) -> str:
    """COPY's text format of rows whose values are COPY's text already (Generator(text=True)):
    None is \\N, the others their str() (no tabs, newlines or backslashes in generated values)."""
    return "".join(["\t".join(["\\N" if v is None else str(v) for v in row]) + tail for row in rows])


# The generating process (PostgreSQL): it draws batch after batch while this one COPYs the last.
_WORKER: dict = {}


def _worker_init(staff: dict, policies: list[tuple], tails: dict[str, str]) -> None:
    _WORKER.update(staff=staff, policies=policies, tails=tails)


def _generate(job: tuple[str, int, int]) -> dict[str, tuple[str, int]]:
    """One batch of claims and what goes with them, as COPY text per table: {kind: (text, rows)}."""
    key, first_number, count = job
    # Security review: reproducible bench data, not a secret.
    rng = random.Random(key)  # noqa: S311  # nosec B311
    rows: dict[str, list] = {kind: [] for kind in _WORKER["tails"]}
    for kind, row in Generator(rng, _WORKER["staff"], _WORKER["policies"], first_number, text=True).rows(count):
        rows[kind].append(row)
    return {kind: (copy_text(rows[kind], _WORKER["tails"][kind]), len(rows[kind])) for kind in rows}


def _cpu_seconds(pid: int) -> float | None:
    """A local process's user + system CPU seconds (the PostgreSQL backend's, when on this host)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def _indexes_rebuilt_after(tables: list[str]):
    """PostgreSQL: drop the tables' secondary indexes (those not backing a primary key or unique
    constraint), run the body, create them again from their saved definitions (one sort each).
    Inside the caller's transaction, so a failure leaves every index in place."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT i.indexname, i.indexdef FROM pg_indexes i
               WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
            [tables],
        )
        saved = cursor.fetchall()
        for name, _ in saved:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for _, definition in saved:
            cursor.execute(definition)


class Command(BaseCommand):
    help = "Generate N claims (and the customers, staff, policies, assessments they need) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000, help="claims to add")
        parser.add_argument("--customers", type=int, default=5_000, help="customers (each with a vehicle, policy)")
        parser.add_argument("--agents", type=int, default=50, help="agents, spread over departments")
        parser.add_argument("--assessors", type=int, default=40)
        parser.add_argument("--batch-size", type=int, default=50_000, help="claims generated and copied per round")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-vacuum", action="store_true", help="skip VACUUM ANALYZE (PostgreSQL)")

    def handle(self, *args, claims, customers, agents, assessors, batch_size, seed, no_vacuum, **options):
        started = time.perf_counter()
        existing = Claim.objects.count()
        # Security review: reproducible bench data, not a secret.
        rng = random.Random(seed * 1_000_003 + existing)  # noqa: S311  # nosec B311
        staff = self._staff(agents, assessors)
        policies = self._policies(rng, customers)
        postgres = connection.vendor == "postgresql"
        loaders = {
            "claims": Loader(Claim, CLAIM_COLUMNS),
            "history": Loader(ClaimStatusHistory, HISTORY_COLUMNS),
            "settlements": Loader(ClaimSettlement, SETTLEMENT_COLUMNS),
            "assessments": Loader(Assessment, ASSESSMENT_COLUMNS),
        }
        tables = [loader.table for loader in loaders.values()]
        jobs = [
            (f"{seed}-{existing}-{first}", existing + first, min(batch_size, claims - first))
            for first in range(0, claims, batch_size)
        ]
        made_at = time.perf_counter()
        server_cpu = None
        with transaction.atomic():
            if postgres:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    backend = cursor.fetchone()[0]
                    server_cpu = _cpu_seconds(backend)
                    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                    cursor.execute("SET LOCAL session_replication_role = replica")
                with _indexes_rebuilt_after(tables), self._generating(staff, policies, loaders) as batches:
                    for batch in batches(jobs):
                        for kind, (text, count) in batch.items():
                            loaders[kind].copy(text, count)
                        self._progress(loaders, claims, started)
                    loaded_at = time.perf_counter()
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL session_replication_role = origin")
            else:
                for _, first_number, count in jobs:
                    rows: dict[str, list] = {kind: [] for kind in loaders}
                    for kind, row in Generator(rng, staff, policies, first_number, text=False).rows(count):
                        rows[kind].append(row)
                    for kind, loader in loaders.items():
                        loader.insert(rows[kind])
                    self._progress(loaders, claims, started)
                loaded_at = time.perf_counter()
            indexed_at = time.perf_counter()
            counts = rollups.rebuild_in_sql() if postgres else rollups.rebuild()
        rolled_at = time.perf_counter()
        if postgres and not no_vacuum:
            with connection.cursor() as cursor:
                for table in [*tables, *rollups.TABLES]:
                    cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")
        finished = time.perf_counter()
        if server_cpu is not None:
            server_cpu = (_cpu_seconds(backend) or server_cpu) - server_cpu
        usage = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        client_cpu = sum(u.ru_utime + u.ru_stime for u in usage)
        rows = sum(loader.written for loader in loaders.values())
        open_count = Claim.objects.filter(status__in=OPEN_STATUSES).count()
        elapsed = finished - started
        self.stdout.write(
            f"  staff and customers {made_at - started:.1f} s; generate + COPY {loaded_at - made_at:.1f} s; "
            f"indexes {indexed_at - loaded_at:.1f} s; rollups {rolled_at - indexed_at:.1f} s; "
            f"vacuum analyze {finished - rolled_at:.1f} s"
        )
        self.stdout.write(
            f"  CPU: this command and its generator {client_cpu:.1f} s"
            + (f", the PostgreSQL backend {server_cpu:.1f} s" if server_cpu is not None else "")
            + f"; load average {os.getloadavg()[0]:.1f}"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{claims} claims ({rows} rows with history, settlements, assessments) in {elapsed:.1f} s: "
                f"{claims / elapsed:,.0f} claims/s, {rows / elapsed:,.0f} rows/s; {open_count} open; rollups {counts}"
            )
        )

    def _progress(self, loaders: dict, claims: int, started: float) -> None:
        done = loaders["claims"].written
        self.stdout.write(f"  {done}/{claims} claims ({time.perf_counter() - started:.0f} s)")

    @contextmanager
    def _generating(self, staff: dict, policies: list[tuple], loaders: dict):
        """Batches drawn in a process of their own (forked, it touches no database), so that drawing
        the next batch and PostgreSQL's COPY of the last one use both cores."""
        tails = {kind: loader.tail for kind, loader in loaders.items()}
        context = multiprocessing.get_context("fork")
        with context.Pool(1, initializer=_worker_init, initargs=(staff, policies, tails)) as pool:
            yield lambda jobs: pool.imap(_generate, jobs)

    def _staff(self, agents: int, assessors: int) -> dict:
        """The bench's staff, created once (one password hash for all)."""
        departments = list(DEPARTMENT_WEIGHTS)
        total = sum(DEPARTMENT_WEIGHTS.values())
        per_department = {d: max(1, round(agents * w / total)) for d, w in DEPARTMENT_WEIGHTS.items()}
        specs = [("bench-supervisor", Role.SUPERVISOR, Department.MOTOR, 0)]
        specs += [(f"bench-supervisor-{d}", Role.SUPERVISOR, d, 0) for d in departments[1:]]
        n = 0
        for department in departments:
            for _ in range(per_department[department]):
                name = "bench-agent" if n == 0 else f"bench-agent-{n - 1}"
                specs.append((name, Role.AGENT, department, 0))
                n += 1
        specs += [(f"bench-assessor-{i}", Role.ASSESSOR, Department.MOTOR, 1 + i % 3) for i in range(assessors)]
        emails = [f"{name}@insurehub.test" for name, *_ in specs]
        have = {u.email: u for u in User.objects.filter(email__in=emails)}
        password = make_password(BENCH_PASSWORD)
        missing = [
            User(
                email=email, password=password, role=role, department=department,
                certification_level=level, name=name.replace("-", " ").title(),
            )
            for email, (name, role, department, level) in zip(emails, specs, strict=True)
            if email not in have
        ]  # fmt: skip
        User.objects.bulk_create(missing)
        people = {u.email: u for u in User.objects.filter(email__in=emails)}
        staff: dict = {"agents": {d: [] for d in departments}, "supervisors": {}, "assessors": []}
        for email, (_, role, department, _) in zip(emails, specs, strict=True):
            user = people[email]
            if role == Role.AGENT:
                staff["agents"][user.department or department].append(user.pk)
            elif role == Role.SUPERVISOR:
                staff["supervisors"][department] = user.pk
            else:
                staff["assessors"].append(user.pk)
        for department in departments:  # a department without an agent of its own borrows motor's
            staff["agents"][department] = staff["agents"][department] or staff["agents"][Department.MOTOR]
        return staff

    def _policies(self, rng, customers: int) -> list[tuple]:
        """(policy id, customer id, vehicle id, customer name) of the bench's policies."""
        existing = list(
            Policy.objects.filter(policy_number__startswith="BEN-").values_list(
                "pk", "customer_id", "vehicle_id", "customer__name"
            )
        )
        if existing:
            return existing
        company, _ = InsuranceCompany.objects.get_or_create(
            name="Bench Insurance", defaults={"registration_number": "BENCH-1"}
        )
        product, _ = PolicyType.objects.get_or_create(
            company=company,
            name="Bench Motor",
            defaults={
                "category": PolicyCategory.objects.get(slug="motor"),
                "base_premium": Decimal("20000"),
                "coverage_details": {
                    "covers": ["Own damage"],
                    "limits": {},
                    "excess": {"amount": "10000.00"},
                    "exclusions": [],
                },
            },
        )
        users = [
            User(
                email=f"bench-customer-{n}@insurehub.test",
                role=Role.CUSTOMER,
                name=f"Bench Customer {n}",
                password="!",  # noqa: S106  # nosec B106
            )
            for n in range(customers)
        ]
        User.objects.bulk_create(users, batch_size=2000)
        vehicles = [
            Vehicle(
                owner=u,
                registration=f"BEN{n:06d}",
                registration_hash=registration_index(f"BEN{n:06d}"),  # bulk_create skips save()
                vin="".join(rng.choice(VIN_CHARS) for _ in range(17)),
                make="Toyota",
                model="Probox",
                year=2015,
                estimated_value=Decimal("900000"),
            )
            for n, u in enumerate(users)
        ]
        Vehicle.objects.bulk_create(vehicles, batch_size=2000)
        start = timezone.localdate() - timedelta(days=800)
        policies = [
            Policy(
                policy_number=f"BEN-{n:07d}",
                customer=u,
                policy_type=product,
                vehicle=v,
                status="active",
                start_date=start,
                end_date=start + timedelta(days=1600),
                premium=Decimal("45000"),
                sum_insured=Decimal("900000"),
                currency="KES",
            )
            for n, (u, v) in enumerate(zip(users, vehicles, strict=True))
        ]
        Policy.objects.bulk_create(policies, batch_size=2000)
        return list(
            Policy.objects.filter(policy_number__startswith="BEN-").values_list(
                "pk", "customer_id", "vehicle_id", "customer__name"
            )
        )


CLAIM_COLUMNS = [
    "id", "created_at", "updated_at", "claim_number", "status", "priority", "customer_id", "policy_id",
    "vehicle_id", "department", "assigned_agent_id", "assigned_assessor_id", "incident_date", "description",
    "injury", "third_party_involved", "estimated_cost", "approved_amount", "currency", "sla_due_at", "submitted_at",
    "assessment_completed_at", "settled_at", "closed_at", "last_activity_at",
]  # fmt: skip
HISTORY_COLUMNS = ["claim_id", "from_status", "to_status", "actor_id", "reason", "at"]
SETTLEMENT_COLUMNS = [
    "id", "created_at", "updated_at", "claim_id", "amount", "currency", "payee", "method", "status",
    "proposed_by_id", "approved_by_id",
]  # fmt: skip
ASSESSMENT_COLUMNS = [
    "id", "created_at", "updated_at", "claim_id", "assessor_id", "status", "department", "scheduled_at",
    "started_at", "completed_at", "completion_percentage", "overall_severity",
]  # fmt: skip


class Generator:
    """The rows of N claims and what goes with them, drawn column by column (rng.choices with k=N)
    and then assembled row by row."""

    def __init__(self, rng: random.Random, staff: dict, policies: list[tuple], existing: int, *, text: bool):
        self.rng = rng
        # text: moments and ids as COPY's text (PostgreSQL); else datetimes and UUIDs (executemany).
        self.at = _stamp if text else _at
        self.uid = (lambda bits: f"{bits:032x}") if text else (lambda bits: uuid.UUID(int=bits))
        self.staff = staff
        self.policies = policies
        self.number = existing
        self.now = timezone.now().timestamp()
        # Uneven workloads: rank r weighs 1 / (1 + r / 10), ranks shuffled so the busiest is not always first.
        self.agent_weights = {}
        for department, people in staff["agents"].items():
            ranks = list(range(len(people)))
            rng.shuffle(ranks)
            self.agent_weights[department] = [1 / (1 + r / 10) for r in ranks]
        ranks = list(range(len(staff["assessors"])))
        rng.shuffle(ranks)
        self.assessor_weights = [1 / (1 + r / 10) for r in ranks]

    def rows(self, n: int):
        rng, now, staff = self.rng, self.now, self.staff
        statuses = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()), k=n)
        priorities = rng.choices(list(PRIORITY_WEIGHTS), weights=list(PRIORITY_WEIGHTS.values()), k=n)
        departments = rng.choices(list(DEPARTMENT_WEIGHTS), weights=list(DEPARTMENT_WEIGHTS.values()), k=n)
        policies = rng.choices(self.policies, k=n)
        estimates = rng.choices(ESTIMATES, k=n)
        assessors = rng.choices(staff["assessors"], weights=self.assessor_weights, k=n)
        agents = {d: iter(rng.choices(p, weights=self.agent_weights[d], k=n)) for d, p in staff["agents"].items()}
        random_ = rng.random
        expo = rng.expovariate
        _at, uid = self.at, self.uid
        for i in range(n):
            self.number += 1
            status, priority, department = statuses[i], priorities[i], str(departments[i])
            policy_id, customer_id, vehicle_id, customer_name = policies[i]
            is_open = status in OPEN_STATUSES
            age = min(expo(1 / 14.0), 365.0) if is_open or status == "draft" else 2 + random_() * 728
            created = now - age * DAY
            submitted = None if status == "draft" else created + random_() * 3600
            agent = next(agents[department]) if status != "draft" else None
            share = ASSESSED_SHARE.get(status, 0.0)
            assessor = assessors[i] if share and (share == 1.0 or random_() < share) else None
            estimate = estimates[i]
            # Moments after submission, in order, all before now.
            span = now - (submitted or created)
            decided = assessed = settled = closed = None
            if status in DECIDED or status == "rejected":
                decided = submitted + span * min(0.9, 0.05 + random_() * 0.3)
                if assessor:
                    assessed = decided - (decided - submitted) * 0.2 * random_()
            if status in ("settled", "closed"):
                settled = decided + (now - decided) * min(0.9, random_() * 0.2)
            if status == "closed":
                closed = settled + (now - settled) * random_() * 0.1
            approved = round(estimate * (0.6 + 0.4 * random_())) if status in DECIDED else None
            last = closed or settled or decided or submitted or created
            if status == "withdrawn":
                last = submitted + span * random_() * 0.3
            claim_id = uid(_uuid4_bits(rng))
            year = datetime.fromtimestamp(created, UTC).year
            yield (
                "claims",
                (
                    claim_id, _at(created), _at(last), f"BEN-{year}-{self.number:07d}", status, priority, customer_id,
                    policy_id, vehicle_id, department, agent, assessor, _at(created - random_() * 3 * DAY),
                    "Benchmark claim", random_() < 0.05, random_() < 0.2, estimate, approved, "KES",
                    _at(submitted + SLA_HOURS[priority] * 3600) if submitted else None,
                    _at(submitted) if submitted else None, _at(assessed) if assessed else None,
                    _at(settled) if settled else None, _at(closed) if closed else None, _at(last),
                ),
            )  # fmt: skip
            if decided:
                to = "rejected" if status == "rejected" else "approved"
                source = "assessment" if assessor else "under_review"
                yield "history", (claim_id, source, to, agent, "", _at(decided))
            if settled:
                yield (
                    "settlements",
                    (
                        uid(_uuid4_bits(rng)), _at(settled - DAY), _at(settled), claim_id,
                        approved, "KES", customer_name, "mpesa" if random_() < 0.6 else "bank_transfer", "paid",
                        agent, staff["supervisors"][department],
                    ),
                )  # fmt: skip
            if assessor:
                start = (submitted or created) + min(span, 2 * DAY) * random_()
                if assessed:
                    state, percent, started, done = "completed", 100, start, assessed
                elif status == "assessment" and random_() < 0.7:
                    state, percent, started, done = "in_progress", 5 + int(random_() * 91), start, None
                else:
                    state, percent, started, done = "scheduled", 0, None, None
                yield (
                    "assessments",
                    (
                        uid(_uuid4_bits(rng)), _at(submitted or created),
                        _at(done or started or submitted or created), claim_id, assessor, state, department,
                        _at(start + DAY * 0.5), _at(started) if started else None, _at(done) if done else None,
                        percent, 1 + int(random_() * 5) if done else None,
                    ),
                )  # fmt: skip
