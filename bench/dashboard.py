"""Dashboard and claim-list benchmark: concurrent clients against a real uvicorn server, next
to the bare SQL of the same aggregates over the raw claims table, timed in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insurehub_bench \
        python bench/dashboard.py --claims 1000000 --clients 50 --seconds 30

Seeds with `manage.py seed_bench` when the database holds fewer claims than asked. Prints
p50/p95/p99 and requests per second per endpoint, then the bare SQL timings.
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
os.environ.setdefault("DJANGO_ENV", "development")
os.environ.setdefault("DASHBOARD_CACHE_SECONDS", "0")  # measure the queries, not the cache

BARE_SQL = {
    "open by status x priority (motor)": """
        SELECT status, priority, count(*) FROM claims_claim
        WHERE department = 'motor' AND status IN ('submitted','under_review','assessment','approved','settlement')
        GROUP BY status, priority""",
    "SLA breaches + aging (motor)": """
        SELECT count(*) FILTER (WHERE sla_due_at < now()),
               count(*) FILTER (WHERE submitted_at > now() - interval '7 days'),
               count(*) FILTER (WHERE submitted_at <= now() - interval '7 days'
                                  AND submitted_at > now() - interval '14 days'),
               count(*) FILTER (WHERE submitted_at <= now() - interval '14 days'
                                  AND submitted_at > now() - interval '30 days'),
               count(*) FILTER (WHERE submitted_at <= now() - interval '30 days')
        FROM claims_claim
        WHERE department = 'motor' AND status IN ('submitted','under_review','assessment','approved','settlement')""",
}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def ensure_data(claims: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from insurehub.claims.models import Claim

    have = Claim.objects.count()
    call_command("migrate", verbosity=0)
    if have < claims:
        call_command("seed_bench", claims=claims - have)


def bare_sql(repeats: int) -> dict[str, list[float]]:
    from django.db import connection

    timings = {}
    if connection.vendor != "postgresql":
        return timings
    for name, sql in BARE_SQL.items():
        samples = []
        with connection.cursor() as cursor:
            for _ in range(repeats):
                started = time.perf_counter()
                cursor.execute(sql)
                cursor.fetchall()
                samples.append((time.perf_counter() - started) * 1000)
        timings[name] = samples
    return timings


def run_clients(base: str, token: str, clients: int, seconds: float, think: float = 0.0) -> dict[str, list[float]]:
    endpoints = {
        "GET /api/dashboard/kpi/": "/api/dashboard/kpi/",
        "GET /api/dashboard/claims/": "/api/dashboard/claims/",
        "GET /api/claims/ (first page)": "/api/claims/?page_size=50",
        "GET /api/claims/ (deep page)": None,
    }
    results: dict[str, list[float]] = {name: [] for name in endpoints}
    errors: dict[str, int] = dict.fromkeys(endpoints, 0)
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(index: int) -> None:
        names = list(endpoints)
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
            cursor_url = None
            step = index
            while time.monotonic() < deadline:
                name = names[step % len(names)]
                step += 1
                url = endpoints[name] or cursor_url or "/api/claims/?page_size=50"
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if response.status_code == 200:
                        results[name].append(elapsed)
                    else:
                        errors[name] += 1
                        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if think:
                    time.sleep(think)
                if name.startswith("GET /api/claims/") and response.status_code == 200:
                    cursor_url = response.json().get("next") or None
                    if cursor_url:
                        cursor_url = cursor_url.replace(base, "")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results["_errors"] = errors
    if statuses:
        print(f"non-200 answers by status: {statuses}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--think", type=float, default=0.0, help="seconds each client waits between requests")
    args = parser.parse_args()

    ensure_data(args.claims)
    from django.db import connection

    from insurehub.claims.models import Claim

    total = Claim.objects.count()
    env = {**os.environ, "THROTTLE_USER": "1000000/minute", "THROTTLE_AUTH": "1000000/minute", "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(  # noqa: S603 - fixed argv
        [
            sys.executable,
            "-m",
            "uvicorn",
            "insurehub.config.asgi:application",
            "--port",
            str(args.port),
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        login = httpx.post(
            f"{base}/api/auth/login/", json={"email": "bench-supervisor@insurehub.test", "password": "bench-password-1"}
        )
        token = login.json()["access"]
        run_clients(base, token, min(5, args.clients), 2)  # warm up
        started = time.perf_counter()
        results = run_clients(base, token, args.clients, args.seconds, args.think)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
    errors = results.pop("_errors")
    setup = f"{args.clients} clients (think {args.think} s) for {args.seconds:.0f} s, {args.workers} uvicorn workers"
    print(f"\n{total:,} claims on {connection.vendor}; {setup}")
    print(f"{'endpoint':<34} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>7}")
    for name, samples in results.items():
        print(
            f"{name:<34} {percentile(samples, 50):8.1f} {percentile(samples, 95):8.1f} {percentile(samples, 99):8.1f} "
            f"{len(samples) / wall:8.1f} {errors[name]:7d}"
        )
    timings = bare_sql(20)
    if timings:
        print("\nbare SQL over the raw claims table (same run, 20 repeats)")
        for name, samples in timings.items():
            print(f"{name:<40} p50 {statistics.median(samples):7.1f} ms   p95 {percentile(samples, 95):7.1f} ms")


if __name__ == "__main__":
    main()
