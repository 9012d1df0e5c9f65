"""What one request costs in process, through Django's WSGI handler with the whole middleware chain,
next to a plain Django view and a DRF view with JWT authentication and a constant body, timed in
the same run (issue #16 items 4 and 5):

    python bench/bench_in_process.py --claims 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insurehub_bench python bench/bench_in_process.py

No server and no client process: each request is a WSGI environ handed to the handler, so the
figures are the server's own CPU (thread time) and wall time per request, median and p90 over
`--requests` requests after a warm-up. Seeds with `manage.py seed_bench` when the database holds
fewer claims than asked (SQLite: a file under /tmp unless DATABASE_URL says otherwise). Also prints
the JWT authentication alone (`authenticate()` on a request: the price of a signed-in request
before the view).
"""

import argparse
import io
import json
import os
import statistics
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
os.environ.setdefault("DJANGO_ENV", "development")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/insurehub_bench_in_process.sqlite3")
os.environ.setdefault("DEBUG", "0")  # DEBUG keeps every query's SQL: not what production pays
# The bench sends thousands of requests a second as one user: measure the throttle, not its refusals.
os.environ.setdefault("THROTTLE_USER", "1000000000/hour")
os.environ.setdefault("THROTTLE_ANON", "1000000000/hour")
os.environ.setdefault("LOG_LEVEL", "WARNING")

BENCH_URLCONF = "bench_in_process_urls"


def _install_urlconf() -> None:
    """The project's routes plus a plain Django view and a DRF view with a constant body."""
    from django.http import HttpResponse
    from django.urls import include, path
    from rest_framework.response import Response
    from rest_framework.views import APIView

    def plain(request):
        return HttpResponse(b'{"ok": true}', content_type="application/json")

    class Constant(APIView):
        def get(self, request):
            return Response({"ok": True})

    module = types.ModuleType(BENCH_URLCONF)
    module.urlpatterns = [
        path("bench/plain/", plain),
        path("bench/drf/", Constant.as_view()),
        path("", include("insurehub.config.urls")),
    ]
    for name in ("handler400", "handler403", "handler404", "handler500"):
        setattr(module, name, f"insurehub.core.errors.{name}")
    sys.modules[BENCH_URLCONF] = module


def ensure_data(claims: int) -> int:
    from django.core.management import call_command
    from django.db import connection

    from insurehub.claims.models import Claim

    call_command("migrate", verbosity=0)
    have = Claim.objects.count()
    if have < claims:
        call_command("seed_bench", claims=claims - have)
    # Planner statistics as a live database has them (autovacuum): without them both databases
    # sort every visible claim for a page of 50 instead of walking the newest-first index.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" and have < claims else "ANALYZE")
    return Claim.objects.count()


def environ_for(path: str, token: str | None) -> dict:
    url_path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": url_path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_ACCEPT": "application/json",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if token:
        environ["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return environ


def measure(handler, path: str, token: str | None, requests: int, warmup: int) -> dict:
    statuses = set()
    size = 0

    def start_response(status, headers, exc_info=None):
        statuses.add(status.split()[0])

    cpu, wall = [], []
    for n in range(warmup + requests):
        environ = environ_for(path, token)
        c0, w0 = time.thread_time(), time.perf_counter()
        response = handler(environ, start_response)
        body = b"".join(response)
        if hasattr(response, "close"):
            response.close()
        c1, w1 = time.thread_time(), time.perf_counter()
        if n >= warmup:
            cpu.append((c1 - c0) * 1000)
            wall.append((w1 - w0) * 1000)
        size = len(body)
    return {"cpu": cpu, "wall": wall, "status": ",".join(sorted(statuses)), "bytes": size}


def measure_auth(token: str, requests: int, warmup: int) -> dict:
    """JWTAuthentication.authenticate() alone, on a request carrying the token."""
    from django.test import RequestFactory
    from rest_framework.request import Request

    from insurehub.users.authentication import JWTAuthentication

    auth = JWTAuthentication()
    cpu, wall = [], []
    for n in range(warmup + requests):
        request = Request(RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}"))
        c0, w0 = time.thread_time(), time.perf_counter()
        auth.authenticate(request)
        c1, w1 = time.thread_time(), time.perf_counter()
        if n >= warmup:
            cpu.append((c1 - c0) * 1000)
            wall.append((w1 - w0) * 1000)
    return {"cpu": cpu, "wall": wall, "status": "-", "bytes": 0}


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="seed up to this many claims")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per line")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="also print one final JSON line (bench/table.py)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    settings.ROOT_URLCONF = BENCH_URLCONF
    _install_urlconf()
    total = ensure_data(args.claims)

    from insurehub.claims import selectors
    from insurehub.users.models import User
    from insurehub.users.services import refresh_token_for

    agent = User.objects.get(email="bench-agent@insurehub.test")
    supervisor = User.objects.get(email="bench-supervisor@insurehub.test")
    tokens = {who: str(refresh_token_for(user).access_token) for who, user in (("agent", agent), ("sup", supervisor))}
    claim = selectors.claim_list(supervisor).order_by("-created_at").first()

    handler = WSGIHandler()
    lines = [
        ("plain Django view (baseline)", "/bench/plain/", None),
        ("DRF + JWT, constant body", "/bench/drf/", tokens["agent"]),
        ("/api/auth/me/ (agent)", "/api/auth/me/", tokens["agent"]),
        ("/api/claims/?page_size=50 (agent)", "/api/claims/?page_size=50", tokens["agent"]),
        ("/api/claims/?page_size=50 (supervisor)", "/api/claims/?page_size=50", tokens["sup"]),
        ("claim detail (supervisor)", f"/api/claims/{claim.pk}/", tokens["sup"]),
    ]
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}), {total} claims; "
        f"{args.requests} requests per line after {args.warmup} warm-up; renderer "
        f"{settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES'][0].rsplit('.', 1)[-1]}"
    )
    heads = ("CPU p50", "CPU p90", "wall p50", "wall p90")
    print(f"{'request':42} {'status':>6} {'bytes':>7} " + " ".join(f"{h:>9}" for h in heads) + "  (ms)")
    results = [(name, measure(handler, path, token, args.requests, args.warmup)) for name, path, token in lines]
    results.append(("JWT authenticate() alone", measure_auth(tokens["agent"], args.requests * 3, args.warmup)))
    for name, r in results:
        print(
            f"{name:42} {r['status']:>6} {r['bytes']:>7} {statistics.median(r['cpu']):9.3f} {p(r['cpu'], 90):9.3f} "
            f"{statistics.median(r['wall']):9.3f} {p(r['wall'], 90):9.3f}"
        )
    if args.json:
        print(json.dumps({"claims": total, "lines": [json_line(name, r) for name, r in results]}))


def json_line(name: str, r: dict) -> dict:
    """One line of --json: the request's name, status and CPU/wall medians and p90 in ms."""
    return {
        "name": name,
        "status": r["status"],
        "cpu_p50_ms": round(statistics.median(r["cpu"]), 3),
        "cpu_p90_ms": round(p(r["cpu"], 90), 3),
        "wall_p50_ms": round(statistics.median(r["wall"]), 3),
        "wall_p90_ms": round(p(r["wall"], 90), 3),
    }


if __name__ == "__main__":
    main()
