"""FNOL latency benchmark: files N claims (`POST /api/claims/`) in-process through the API client as
the demo customer, on SQLite with the demo data, while every outside provider HANGS (a server on
127.0.0.1 that accepts connections and never answers; the clients keep their configured timeouts).

Prints p50/p95/max for, in the same run:
- a bare authenticated GET (`/api/auth/me/`): the floor of any request;
- the FNOL with claim enrichment off: what filing a claim itself costs;
- the same with an `Idempotency-Key` (what the key costs: its record stored with the claim);
- the FNOL with enrichment on, the providers hanging, tasks in the mode under test
  (TASKS_IN_PROCESS, `thread` by default here: the work runs after the response).
Target: FNOL p95 < 150 ms. `--eager K` adds K FNOLs with tasks run inline (how it was: each waits
for the providers' timeouts, tens of seconds). Not a test: `make bench` or
`python bench/bench_fnol.py [N] [--eager K]`.
"""

import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-fnol-"))
os.environ.setdefault("DJANGO_ENV", "test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ.setdefault("TASKS_IN_PROCESS", "thread")
os.environ.setdefault("LOG_LEVEL", "CRITICAL")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")


class HangingServer:
    """Accepts TCP connections on 127.0.0.1 and never answers: a provider that hangs."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1024)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self.accepted = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            self.held.append(conn)  # kept open, never read, never answered

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:<50} (none)"
    return (
        f"{name:<50} n={len(values):<4} p50={pct(values, 0.5) * 1000:8.1f} ms"
        f"  p95={pct(values, 0.95) * 1000:8.1f} ms  max={max(values) * 1000:8.1f} ms"
    )


def main(n: int, eager: int) -> None:
    hanging = HangingServer()
    for name in ("NOMINATIM", "VPIC", "OPEN_METEO_FORECAST", "OPEN_METEO_ARCHIVE", "DVLA_VES", "VEHICLE_HISTORY"):
        os.environ[f"{name}_BASE_URL"] = hanging.url
    os.environ["DVLA_VES_API_KEY"] = "bench-key"
    os.environ["VEHICLE_HISTORY_API_KEY"] = "bench-key"
    os.environ["THROTTLE_USER"] = "1000000/hour"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone
    from rest_framework.test import APIClient

    from insurehub.policies.models import Policy

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # no mail on stdout
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    seed_seconds = time.perf_counter() - started

    client = APIClient()
    login = client.post(
        "/api/auth/login/", {"email": "customer@insurehub.test", "password": "insurehub-demo"}, format="json"
    )
    assert login.status_code == 200, login.content
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {login.json()['access']}")
    policy = Policy.objects.filter(
        customer__email="customer@insurehub.test", status="active", policy_type__category_id="motor"
    ).first()
    vehicle = policy.vehicle
    counter = iter(range(10**6))

    def fnol(*, keyed: bool = False) -> float:
        i = next(counter)
        body = {
            "policy": str(policy.pk),
            "incident_date": (timezone.now() - timedelta(hours=2, minutes=i)).isoformat(),
            "incident_address": f"{i} Kenyatta Avenue, Nairobi",
            "description": f"Bench claim {i}: rear-ended at the lights on Kenyatta Avenue.",
            "estimated_cost": "25000.00",
        }
        if vehicle is not None:
            body["vehicle"] = str(vehicle.pk)
        headers = {"HTTP_IDEMPOTENCY_KEY": f"bench-fnol-{i}"} if keyed else {}
        t0 = time.perf_counter()
        response = client.post("/api/claims/", body, format="json", **headers)
        elapsed = time.perf_counter() - t0
        assert response.status_code == 201, response.content
        return elapsed

    def get_me() -> float:
        t0 = time.perf_counter()
        response = client.get("/api/auth/me/")
        elapsed = time.perf_counter() - t0
        assert response.status_code == 200, response.content
        return elapsed

    for _ in range(3):  # warm up (imports, caches, first connection)
        get_me()
    mode = getattr(settings, "TASKS_IN_PROCESS", "eager (no TASKS_IN_PROCESS setting)")
    bare = [get_me() for _ in range(n)]
    settings.INTEGRATIONS_ENRICH_CLAIMS = False
    fnol_off: list[float] = []
    fnol_keyed: list[float] = []
    for _ in range(n):  # interleaved, so that the growing tables and the machine's load weigh on both alike
        fnol_off.append(fnol())
        fnol_keyed.append(fnol(keyed=True))
    settings.INTEGRATIONS_ENRICH_CLAIMS = True
    fnol_on = [fnol() for _ in range(n)]
    fnol_eager: list[float] = []
    if eager:
        settings.TASKS_IN_PROCESS = "eager"
        fnol_eager = [fnol() for _ in range(eager)]
        settings.TASKS_IN_PROCESS = mode

    print(f"FNOL benchmark: {n} requests per line, SQLite with the demo data, providers hanging at {hanging.url}")
    print(f"tasks: {mode}; provider timeouts: connect {settings.INTEGRATIONS_CONNECT_TIMEOUT} s, ", end="")
    print(f"read {settings.INTEGRATIONS_READ_TIMEOUT} s, {settings.INTEGRATIONS_RETRIES} retries")
    print(f"seed_demo (same providers): {seed_seconds:.1f} s")
    print(line("baseline: GET /api/auth/me/", bare))
    print(line("baseline: FNOL, enrichment off", fnol_off))
    print(line("FNOL with an Idempotency-Key, enrichment off", fnol_keyed))
    print(line(f"FNOL, enrichment on, providers hanging ({mode})", fnol_on))
    if fnol_eager:
        print(line("FNOL, enrichment on, providers hanging (eager)", fnol_eager))
    verdict = "met" if pct(fnol_on, 0.95) < 0.150 else "MISSED"
    print(f"target FNOL p95 < 150 ms: {verdict}; connections the hanging providers received: {hanging.accepted}")
    executor_shutdown = getattr(__import__("insurehub.core.tasks", fromlist=["shutdown"]), "shutdown", None)
    if executor_shutdown is not None:
        left = executor_shutdown(timeout=0)
        print(f"background tasks still waiting on the providers at exit (left to the retry job): {left}")
    hanging.close()
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    eager_count = 0
    if "--eager" in args:
        at = args.index("--eager")
        eager_count = int(args[at + 1])
        del args[at : at + 2]
    main(int(args[0]) if args else 50, eager_count)
