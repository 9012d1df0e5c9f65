"""Read-audit benchmark (issue #18 item 2): what recording reads of personal data adds to a request.

In one process, in the same run, interleaved (A B, B A, A B, ...) so drift and warm caches hit both alike:

1. a staff member's `GET /api/claims/<id>/` through Django's WSGI handler and the whole middleware
   chain (a real JWT), with the read audit (one entry buffered, then one INSERT once the response is
   sent and closed) and without it (the view's `record_read` replaced by a no-op for that half only):
   timed until the answer is ready to send (the client's wait) and until it is closed (the thread's);
2. the read audit alone: N reads recorded in a request's buffer (what the request pays before its
   answer is sent), and recorded then flushed (one INSERT, paid after sending), for N in 1, 5, 20,
   next to an empty buffer (the middleware's fixed cost).

Prints the median and p95 per request and the difference (the added cost). Not a test:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insurehub_bench_read python bench/bench_read_audit.py
    python bench/bench_read_audit.py --iterations 2000     # SQLite under /tmp by default

Give it a fresh, empty database (it is migrated, then a customer, an agent and a claim created in it).
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
os.environ.setdefault("DJANGO_ENV", "development")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/insurehub_bench_read_audit.sqlite3")
os.environ.setdefault("DEBUG", "0")  # DEBUG keeps every query's SQL: not what production pays
os.environ.setdefault("THROTTLE_USER", "1000000000/hour")
os.environ.setdefault("THROTTLE_ANON", "1000000000/hour")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1e6, ordered[int(len(ordered) * 0.95) - 1] * 1e6


def _row(name: str, samples: list[float]) -> tuple[float, float]:
    median, p95 = _stats(samples)
    print(f"  {name:<52} median {median:9.1f} us   p95 {p95:9.1f} us")
    return median, p95


def _setup():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from insurehub.claims.tests.factories import file_claim
    from insurehub.core.roles import Department, Role
    from insurehub.policies.tests.factories import PolicyFactory
    from insurehub.users.tests.factories import UserFactory

    run = uuid.uuid4().hex[:8]  # a database reused by another run keeps its users
    customer = UserFactory(role=Role.CUSTOMER, email=f"bench-customer-{run}@example.test")
    agent = UserFactory(role=Role.AGENT, department=Department.MOTOR, email=f"bench-agent-{run}@example.test")
    claim = file_claim(policy=PolicyFactory(customer=customer))
    return customer, agent, claim


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1000, help="requests per variant (default 1000)")
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args()

    customer, agent, claim = _setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory
    from rest_framework_simplejwt.tokens import AccessToken

    from insurehub.audit import read_audit
    from insurehub.audit.models import ReadAuditEntry
    from insurehub.claims.api import views as claim_views

    handler, factory = WSGIHandler(), RequestFactory()
    authorization = f"Bearer {AccessToken.for_user(agent)}"
    url = f"/api/claims/{claim.pk}/"
    real = claim_views.record_read
    sent, closed = {True: [], False: []}, {True: [], False: []}

    def skip(*args, **kwargs):
        return False

    def start_response(status, headers, exc_info=None):
        assert status.startswith("200"), status

    def request(audited: bool) -> None:
        claim_views.record_read = real if audited else skip
        environ = factory.get(url, HTTP_AUTHORIZATION=authorization, HTTP_HOST="localhost").environ
        started = time.perf_counter()
        response = handler(environ, start_response)  # the answer, ready to send
        ready = time.perf_counter()
        b"".join(response)
        response.close()  # what the server does once it has sent the body: the INSERT runs here
        done = time.perf_counter()
        sent[audited].append(ready - started)
        closed[audited].append(done - started)

    for i in range(args.warmup):
        request(i % 2 == 0)
    before = ReadAuditEntry.objects.count()
    for lists in (sent, closed):
        for samples in lists.values():
            samples.clear()
    for i in range(args.iterations):  # alternate which goes first: the second of a pair finds warmer caches
        for audited in (True, False) if i % 2 == 0 else (False, True):
            request(audited)
    claim_views.record_read = real
    written = ReadAuditEntry.objects.count() - before
    assert written == args.iterations, f"{written} entries for {args.iterations} audited requests"

    print(f"Read audit, {args.iterations} requests per variant, database {os.environ['DATABASE_URL'].split('://')[0]}")
    print("1. GET /api/claims/<id>/ by an agent through the WSGI handler (whole middleware chain)")
    print("   a) until the answer is ready to send (what the client waits for)")
    base, base95 = _row("baseline: read audit off (same run)", sent[False])
    audited, audited95 = _row("read audit on (1 entry buffered)", sent[True])
    print(f"  added per request: median {audited - base:+.1f} us, p95 {audited95 - base95:+.1f} us")
    print("   b) until the response is closed (the server thread's whole time: the one INSERT included)")
    base, base95 = _row("baseline: read audit off (same run)", closed[False])
    audited, audited95 = _row("read audit on (1 entry, 1 INSERT after sending)", closed[True])
    print(f"  added per request: median {audited - base:+.1f} us, p95 {audited95 - base95:+.1f} us")

    print("2. The read audit alone, per request: N reads buffered, then one INSERT")

    def block(n: int) -> float:
        started = time.perf_counter()
        with read_audit.buffered():
            for i in range(n):
                read_audit.record_read(agent, customer.pk, "claims.claim", i, ["name", "phone"])
        return time.perf_counter() - started

    def buffered_only(n: int) -> float:  # what the request pays before its answer is sent
        pending = read_audit._buffer.set([])
        started = time.perf_counter()
        for i in range(n):
            read_audit.record_read(agent, customer.pk, "claims.claim", i, ["name", "phone"])
        elapsed = time.perf_counter() - started
        read_audit._buffer.reset(pending)
        return elapsed

    only = {n: [buffered_only(n) for _ in range(args.iterations)] for n in (1, 5, 20)}
    for n, samples in only.items():
        median, _ = _row(f"{n} read(s) recorded in the buffer only (before sending)", samples)
    cells = {n: [] for n in (0, 1, 5, 20)}
    for _ in range(args.warmup):
        block(1)
    for _ in range(args.iterations):
        for n, samples in cells.items():
            samples.append(block(n))
    empty, _ = _row("baseline: an empty buffer (no read)", cells[0])
    for n in (1, 5, 20):
        median, _ = _row(f"{n} read(s)", cells[n])
        print(f"    added: {median - empty:+.1f} us per request, {(median - empty) / n:.1f} us per read")


if __name__ == "__main__":
    main()
