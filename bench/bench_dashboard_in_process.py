"""What each dashboard read costs in process (issue #16 item 3), through Django's WSGI handler with
the whole middleware chain, next to a plain Django view timed in the same run:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insurehub_bench REDIS_URL=redis://127.0.0.1:6379/9 \\
        python bench/bench_dashboard_in_process.py --claims 150000

Lines: the KPI uncached (DASHBOARD_CACHE_SECONDS=0) and cached (the shared cache: Redis when
REDIS_URL is set, else local memory), `/api/dashboard/claims/` for an agent, an assessor and a
supervisor and `/api/dashboard/assessments/` (both uncached), with the SQL queries per request.
Server CPU (thread time) and wall time per request, median and p90 after a warm-up. Seeds with
`manage.py seed_bench` when the database holds fewer claims than asked (bench_in_process.py).

For a before/after, run the same file against the older code from a git worktree of it:
    git worktree add /tmp/before <commit> && cp bench/bench_dashboard_in_process.py /tmp/before/bench/
    (cd /tmp/before && DATABASE_URL=... python bench/bench_dashboard_in_process.py)
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_in_process as base  # sets the environment before Django loads


def count_queries(handler, path: str, token: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        base.measure(handler, path, token, 1, 0)
    return len(captured.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="seed up to this many claims")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per line")
    parser.add_argument("--warmup", type=int, default=20)
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
    # The assessor with the most claims: at 1,000,000 claims seed_bench gives each of its 20 assessors about
    # 45,000, and an assessor's own figures are read from their claims (not from the department rollups),
    # so theirs are the reads that grow with the table.
    busiest = (
        Claim.objects.exclude(assigned_assessor=None)
        .values_list("assigned_assessor__email")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    people["busiest"] = busiest[0]
    tokens = {who: str(refresh_token_for(User.objects.get(email=email)).access_token) for who, email in people.items()}
    handler = WSGIHandler()
    lines = [
        ("plain Django view (baseline)", "/bench/plain/", None, 0),
        ("KPI uncached (supervisor)", "/api/dashboard/kpi/", tokens["supervisor"], 0),
        ("KPI uncached (assessor)", "/api/dashboard/kpi/", tokens["assessor"], 0),
        ("KPI cached (supervisor)", "/api/dashboard/kpi/", tokens["supervisor"], 15),
        ("dashboard claims (agent)", "/api/dashboard/claims/", tokens["agent"], 0),
        ("dashboard claims (assessor)", "/api/dashboard/claims/", tokens["assessor"], 0),
        ("dashboard claims (supervisor)", "/api/dashboard/claims/", tokens["supervisor"], 0),
        (f"KPI uncached (assessor, {busiest[1]} claims)", "/api/dashboard/kpi/", tokens["busiest"], 0),
        (f"dashboard claims (assessor, {busiest[1]})", "/api/dashboard/claims/", tokens["busiest"], 0),
        ("dashboard assessments (supervisor)", "/api/dashboard/assessments/", tokens["supervisor"], 0),
        ("dashboard assessments (assessor)", "/api/dashboard/assessments/", tokens["assessor"], 0),
    ]
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}), {total} claims; cache "
        f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}; {args.requests} requests per line "
        f"after {args.warmup} warm-up"
    )
    heads = ("CPU p50", "CPU p90", "wall p50", "wall p90")
    print(f"{'request':42} {'status':>6} {'bytes':>7} {'SQL':>4} " + " ".join(f"{h:>9}" for h in heads) + "  (ms)")
    for name, path, token, seconds in lines:
        settings.DASHBOARD_CACHE_SECONDS = seconds
        cache.delete("dashboard:generation")
        r = base.measure(handler, path, token, args.requests, args.warmup)
        queries = count_queries(handler, path, token) if token else 0  # as the timed requests ran
        print(
            f"{name:42} {r['status']:>6} {r['bytes']:>7} {queries:>4} {statistics.median(r['cpu']):9.3f} "
            f"{base.p(r['cpu'], 90):9.3f} {statistics.median(r['wall']):9.3f} {base.p(r['wall'], 90):9.3f}"
        )


if __name__ == "__main__":
    main()
