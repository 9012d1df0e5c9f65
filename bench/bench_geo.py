"""Claims map benchmark (issue 19 item 4): `GET /api/claims/geo/` on a larger claims table, next to
the bare SQL that answers the same question, in the same run.

A fresh database is migrated and given `--claims` claims (default 100,000) spread over Kenya, a third
of them around Nairobi, copied in batches from one filed claim (the map reads; how claims are filed
is not what is measured); a database seeded by an earlier run is used again as it is. The claims
table is then ANALYZEd, as a database in use would be (PostgreSQL's autovacuum does it; SQLite only
when told, and without statistics its planner reads every claim of the agent's department through
the access rule's indexes instead of the position index). Then, interleaved (A B, B A, ...) so drift
and warm caches hit both alike:

1. points: a box over central Nairobi small enough for at most 500 claims (the answer lists each);
2. clusters: the whole of Kenya (the answer is a grid of at most 64 x 64 cells);
3. a centre and 5 km radius in Nairobi (exact haversine in SQL after the indexed box): about 4,900
   claims, so clusters on a grid of 2^-9 degree cells (about 1,600 of them);

each through Django's WSGI handler and the whole middleware chain as an agent (a real JWT), and as
bare SQL on the same connection: the same queries written by hand (the points query reading up to
501 rows, then, when there are more, the GROUP BY with the same counts by status), no Django, no
JSON. Prints the median and p95 of each, and the difference. Not a test:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insurehub_bench_geo python bench/bench_geo.py
    python bench/bench_geo.py --claims 20000 --iterations 100     # SQLite under /tmp by default
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
os.environ.setdefault("DJANGO_ENV", "development")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/insurehub_bench_geo.sqlite3")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("THROTTLE_USER", "1000000000/hour")
os.environ.setdefault("THROTTLE_ANON", "1000000000/hour")
os.environ.setdefault("LOG_LEVEL", "WARNING")

NAIROBI = (-1.286389, 36.817223)
KENYA_BOX = (33.9, -4.7, 41.9, 5.0)


def _seed(total: int):
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from insurehub.claims.models import Claim
    from insurehub.claims.tests.factories import file_claim
    from insurehub.core.roles import Department, Role
    from insurehub.policies.tests.factories import PolicyFactory
    from insurehub.users.models import User
    from insurehub.users.tests.factories import UserFactory

    agent = User.objects.filter(email__startswith="bench-geo-agent-").first()
    if agent is not None and Claim.objects.exclude(incident_latitude=None).count() >= total:
        print(f"{Claim.objects.count()} claims from an earlier run")
        return agent
    run = uuid.uuid4().hex[:8]
    customer = UserFactory(role=Role.CUSTOMER, email=f"bench-geo-customer-{run}@example.test")
    agent = UserFactory(role=Role.AGENT, department=Department.MOTOR, email=f"bench-geo-agent-{run}@example.test")
    template = file_claim(policy=PolicyFactory(customer=customer))
    have = Claim.objects.exclude(incident_latitude=None).count()
    rng = random.Random(19)  # nosec B311 - places for a benchmark, not a secret
    started = time.perf_counter()
    fields = {field.attname: getattr(template, field.attname) for field in Claim._meta.concrete_fields}
    while have < total:
        batch = []
        for _ in range(min(5000, total - have)):
            if rng.random() < 1 / 3:
                lat, lon = rng.gauss(NAIROBI[0], 0.08), rng.gauss(NAIROBI[1], 0.08)
            else:
                lat, lon = rng.uniform(-4.6, 4.9), rng.uniform(34.0, 41.8)
            row = Claim(**{**fields, "id": uuid.uuid4(), "claim_number": f"CLM-B-{uuid.uuid4().hex[:13]}"})
            row.incident_latitude, row.incident_longitude = Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")
            row.status = rng.choice(["submitted", "under_review", "assessment", "approved", "closed", "settled"])
            batch.append(row)
        Claim.objects.bulk_create(batch)
        have += len(batch)
    print(f"{have} claims with a place ({time.perf_counter() - started:.1f} s to add the missing ones)")
    return agent


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1e3, ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()

    agent = _seed(args.claims)
    _analyze()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory
    from rest_framework_simplejwt.tokens import AccessToken

    from insurehub.claims import geo

    handler, factory = WSGIHandler(), RequestFactory()
    authorization = f"Bearer {AccessToken.for_user(agent)}"
    cell = geo.cell_size_for(geo.Box(*KENYA_BOX))
    circle = geo.make_circle(NAIROBI[0], NAIROBI[1], 5.0)
    around = circle.bounds()
    visible = "(department = %s OR assigned_agent_id = %s OR assigned_assessor_id = %s)"
    agent_id = agent.pk.hex if connection.vendor == "sqlite" else agent.pk  # SQLite keeps UUIDs as hex
    scope = [agent.department, agent_id, agent_id]
    box_where = (
        "incident_latitude >= %s AND incident_latitude <= %s AND incident_longitude >= %s AND incident_longitude <= %s"
    )

    # A box over central Nairobi holding at most 500 claims (found once, before timing).
    half = 0.02
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT COUNT(*) FROM claims_claim WHERE {box_where} AND {visible}",  # noqa: S608  # nosec B608
                [NAIROBI[0] - half, NAIROBI[0] + half, NAIROBI[1] - half, NAIROBI[1] + half, *scope],
            )
            if cursor.fetchone()[0] <= 400 or half < 0.001:
                break
            half /= 1.5
    small = (NAIROBI[1] - half, NAIROBI[0] - half, NAIROBI[1] + half, NAIROBI[0] + half)

    def api(params: dict, mode: str):
        def call() -> None:
            environ = factory.get("/api/claims/geo/", params, HTTP_AUTHORIZATION=authorization, HTTP_HOST="localhost")
            response = handler(environ.environ, lambda status, headers, exc_info=None: None)
            body = json.loads(b"".join(response))
            response.close()
            assert mode in ("any", body["mode"]), body.get("mode", body)

        return call

    def sql(statement: str, params: list, then: tuple[str, list] | None = None):
        """One statement; with `then`, a second one when the first read 501 rows (points, else clusters)."""

        def call() -> None:
            with connection.cursor() as cursor:
                cursor.execute(statement, params)
                if len(cursor.fetchall()) > 500 and then is not None:
                    cursor.execute(*then)
                    cursor.fetchall()

        return call

    lat_f = "CAST(incident_latitude AS REAL)" if connection.vendor == "sqlite" else "incident_latitude::float8"
    lon_f = lat_f.replace("latitude", "longitude")
    distance = (
        f"2 * 6371.0088 * ASIN(SQRT(POWER(SIN(RADIANS({lat_f} - %s) / 2), 2) + "
        f"COS(RADIANS(%s)) * COS(RADIANS({lat_f})) * POWER(SIN(RADIANS({lon_f} - %s) / 2), 2)))"
    )
    from insurehub.claims.models import OPEN_STATUSES, ClaimStatus

    statuses = [value for value, _ in ClaimStatus.choices]
    open_list = ", ".join(f"'{status}'" for status in OPEN_STATUSES)
    # What each cell of the map's grid answers: count, mean position, open count, count by status.
    cell_columns = (
        f"COUNT(*), AVG({lat_f}), AVG({lon_f}), SUM(CASE WHEN status IN ({open_list}) THEN 1 ELSE 0 END), "
        + (", ".join(f"SUM(CASE WHEN status = '{status}' THEN 1 ELSE 0 END)" for status in statuses))
    )

    def grid(where: str, cell_size: float) -> str:
        return (
            f"SELECT FLOOR({lat_f} / {cell_size!r}) AS y, FLOOR({lon_f} / {cell_size!r}) AS x, {cell_columns} "  # noqa: S608  # nosec B608
            f"FROM claims_claim WHERE {where} GROUP BY 1, 2 ORDER BY 1, 2"
        )

    circle_where = f"{box_where} AND {visible} AND {distance} <= 5"
    circle_params = [around.min_lat, around.max_lat, around.min_lon, around.max_lon, *scope, *NAIROBI[:1], *NAIROBI]
    cases = {
        "points (central Nairobi box)": (
            api({"bbox": ",".join(f"{v:.6f}" for v in small)}, "points"),
            sql(
                f"SELECT id, claim_number, status, priority, incident_latitude, incident_longitude FROM claims_claim "  # noqa: S608  # nosec B608
                f"WHERE {box_where} AND {visible} LIMIT 501",
                [small[1], small[3], small[0], small[2], *scope],
            ),
        ),
        "clusters (all of Kenya)": (
            api({"bbox": ",".join(map(str, KENYA_BOX))}, "clusters"),
            sql(
                f"SELECT id, claim_number, status, priority, incident_latitude, incident_longitude FROM claims_claim "  # noqa: S608  # nosec B608
                f"WHERE {box_where} AND {visible} LIMIT 501",
                kenya := [KENYA_BOX[1], KENYA_BOX[3], KENYA_BOX[0], KENYA_BOX[2], *scope],
                then=(grid(f"{box_where} AND {visible}", cell), kenya),
            ),
        ),
        "radius 5 km around Nairobi": (
            api({"lat": NAIROBI[0], "lon": NAIROBI[1], "radius_km": 5}, "clusters"),
            sql(
                f"SELECT id, claim_number, status, priority, incident_latitude, incident_longitude FROM claims_claim "  # noqa: S608  # nosec B608
                f"WHERE {circle_where} LIMIT 501",
                circle_params,
                then=(grid(circle_where, geo.cell_size_for(around)), circle_params),
            ),
        ),
    }
    print(f"Claims map, {args.iterations} requests per variant, database {connection.vendor}, cell {cell} degrees")
    for name, (endpoint, bare) in cases.items():
        for _ in range(args.warmup):
            endpoint()
            bare()
        timings: dict[str, list[float]] = {"api": [], "sql": []}
        for i in range(args.iterations):
            for which in ("api", "sql") if i % 2 == 0 else ("sql", "api"):
                started = time.perf_counter()
                (endpoint if which == "api" else bare)()
                timings[which].append(time.perf_counter() - started)
        api_median, api_p95 = _stats(timings["api"])
        sql_median, sql_p95 = _stats(timings["sql"])
        print(f"  {name}")
        print(f"    GET /api/claims/geo/ (whole WSGI stack)   median {api_median:8.2f} ms   p95 {api_p95:8.2f} ms")
        print(f"    bare SQL baseline (same run)             median {sql_median:8.2f} ms   p95 {sql_p95:8.2f} ms")
        print(f"    the API adds                             median {api_median - sql_median:+8.2f} ms")


if __name__ == "__main__":
    main()
