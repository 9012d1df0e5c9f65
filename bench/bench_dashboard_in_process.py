"""What each dashboard read costs in process (issue #16 item 3), per role, through Django's WSGI
handler with the whole middleware chain, next to a plain Django view and the bare SQL of the same
request, timed in the same run:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insurehub_bench REDIS_URL=redis://127.0.0.1:6379/9 \\
        python bench/bench_dashboard_in_process.py --claims 1000000 [--json]

Roles: an agent (bench-agent), an assessor (bench-assessor-0), the assessor holding the most claims,
a supervisor (bench-supervisor, motor). For each: the KPI uncached (DASHBOARD_CACHE_SECONDS=0) and
cached (the shared cache: Redis when REDIS_URL is set, else local memory), `/api/dashboard/claims/`
and `/api/dashboard/assessments/` (uncached), a claims page of 50 and a claim detail the role may
see. Server CPU (thread time) and wall time per request, median and p90 after a warm-up, the SQL
queries per request, and "bare SQL": the same request's queries (captured from one request, as
sent) run back to back on the raw database cursor, median wall over the same number of rounds.
Seeds with `manage.py seed_bench` when the database holds fewer claims than asked.

--json: one final JSON line {"claims", "database", "cache", "load", "requests", "lines": [...]},
each line {"name", "role", "path", "status", "bytes", "queries", "cpu_p50_ms", "cpu_p90_ms",
"wall_p50_ms", "wall_p90_ms", "bare_sql_ms"} (ms; bare_sql_ms null for the plain view). Names
contain "plain", "KPI uncached", "KPI cached", "dashboard claims", "dashboard assessments",
"claims page", "claim detail" (bench/table.py matches on them).

For a before/after, run the same file against the older code from a git worktree of it:
    git worktree add /tmp/before <commit> && cp bench/bench_dashboard_in_process.py /tmp/before/bench/
    (cd /tmp/before && DATABASE_URL=... python bench/bench_dashboard_in_process.py)
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_in_process as base  # sets the environment before Django loads


def captured(handler, path: str, token: str) -> list[str]:
    """The SQL of one request, as sent (transaction control left out)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        base.measure(handler, path, token, 1, 0)
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]


def bare_sql(statements: list[str], rounds: int, warmup: int) -> list[float]:
    """Wall ms of the statements run back to back on the raw driver cursor, per round."""
    from django.db import connection

    connection.ensure_connection()
    cursor = connection.connection.cursor()
    times = []
    for n in range(warmup + rounds):
        t0 = time.perf_counter()
        for sql in statements:
            cursor.execute(sql)
            cursor.fetchall()
        if n >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    cursor.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="seed up to this many claims")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per line")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="also print one final JSON line (bench/table.py)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    settings.ROOT_URLCONF = base.BENCH_URLCONF
    base._install_urlconf()
    total = base.ensure_data(args.claims)

    from django.db.models import Count

    from insurehub.claims.models import Claim
    from insurehub.users.models import User
    from insurehub.users.services import refresh_token_for

    people = {
        "agent": "bench-agent@insurehub.test",
        "assessor": "bench-assessor-0@insurehub.test",
        "supervisor": "bench-supervisor@insurehub.test",
    }
    # The assessor holding the most claims (seed_bench's workloads are uneven): an assessor's own
    # figures are theirs alone, so theirs are the reads that could grow with what they hold.
    busiest = (
        Claim.objects.exclude(assigned_assessor=None)
        .values_list("assigned_assessor__email")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    people["busiest assessor"] = busiest[0]
    users = {who: User.objects.get(email=email) for who, email in people.items()}
    tokens = {who: str(refresh_token_for(user).access_token) for who, user in users.items()}
    held = {who: Claim.objects.filter(assigned_assessor=u).count() for who, u in users.items() if "assessor" in who}
    own = {
        "agent": Claim.objects.filter(assigned_agent=users["agent"]).order_by("-created_at").first(),
        "assessor": Claim.objects.filter(assigned_assessor=users["assessor"]).order_by("-created_at").first(),
        "busiest assessor": Claim.objects.filter(assigned_assessor=users["busiest assessor"])
        .order_by("-created_at")
        .first(),
        "supervisor": Claim.objects.filter(department=users["supervisor"].department).order_by("-created_at").first(),
    }
    handler = WSGIHandler()
    lines = [("plain Django view (baseline)", None, "/bench/plain/", 0)]
    for who in ("agent", "assessor", "busiest assessor", "supervisor"):
        label = f"{who}, {held[who]} claims" if who in held else who
        lines += [
            (f"KPI uncached ({label})", who, "/api/dashboard/kpi/", 0),
            (f"KPI cached ({label})", who, "/api/dashboard/kpi/", 15),
            (f"dashboard claims ({label})", who, "/api/dashboard/claims/", 0),
            (f"dashboard assessments ({label})", who, "/api/dashboard/assessments/", 0),
            (f"claims page of 50 ({label})", who, "/api/claims/?page_size=50", 0),
            (f"claim detail ({label})", who, f"/api/claims/{own[who].pk}/", 0),
        ]
    cache_name = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}), {total} claims; cache "
        f"{cache_name}; {args.requests} requests per line after {args.warmup} warm-up; load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    heads = ("CPU p50", "CPU p90", "wall p50", "wall p90", "bare SQL")
    print(f"{'request':52} {'status':>6} {'bytes':>7} {'SQL':>4} " + " ".join(f"{h:>9}" for h in heads) + "  (ms)")
    out = []
    for name, who, path, seconds in lines:
        token = tokens.get(who)
        settings.DASHBOARD_CACHE_SECONDS = seconds
        cache.delete("dashboard:generation")
        r = base.measure(handler, path, token, args.requests, args.warmup)
        statements = captured(handler, path, token) if token else []  # as the timed requests ran
        sql = statistics.median(bare_sql(statements, args.requests, 3)) if statements else None
        line = {
            "name": name,
            "role": who,
            "path": path,
            "status": r["status"],
            "bytes": r["bytes"],
            "queries": len(statements),
            "cpu_p50_ms": round(statistics.median(r["cpu"]), 3),
            "cpu_p90_ms": round(base.p(r["cpu"], 90), 3),
            "wall_p50_ms": round(statistics.median(r["wall"]), 3),
            "wall_p90_ms": round(base.p(r["wall"], 90), 3),
            "bare_sql_ms": round(sql, 3) if sql is not None else None,
        }
        out.append(line)
        print(
            f"{name:52} {r['status']:>6} {r['bytes']:>7} {len(statements):>4} {line['cpu_p50_ms']:9.3f} "
            f"{line['cpu_p90_ms']:9.3f} {line['wall_p50_ms']:9.3f} {line['wall_p90_ms']:9.3f} "
            + (f"{sql:9.3f}" if sql is not None else f"{'-':>9}")
        )
    if args.json:
        print(
            json.dumps(
                {
                    "claims": total,
                    "database": connection.vendor,
                    "cache": cache_name,
                    "load": list(os.getloadavg()),
                    "requests": args.requests,
                    "lines": out,
                }
            )
        )


if __name__ == "__main__":
    main()
