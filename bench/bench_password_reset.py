"""Password-reset timing: does `POST /api/auth/password-reset/` answer as fast for an address
that has an account as for one that has not? (A difference would tell who has an account.)

Sends N requests for known and N for unknown addresses, interleaved, through the whole stack
(middleware, throttles, service, audit, e-mail log; the e-mail itself goes to a real SMTP server
on 127.0.0.1 from the in-process task threads, as under `make run`), first with no response-time
floor, then with PASSWORD_RESET_MIN_RESPONSE_SECONDS as configured, and prints p50/p95 of each
next to the other. Not a test: `make bench` or `python bench/bench_password_reset.py [N]`.
"""

import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-reset-"))
os.environ.setdefault("DJANGO_ENV", "test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["TASKS_IN_PROCESS"] = "thread"
os.environ["ACCOUNT_MESSAGES_PER_IP_PER_HOUR"] = "1000000"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return (
        f"{name:<34} n={len(values):<4} p50={pct(values, 0.5) * 1000:7.1f} ms"
        f"  p95={pct(values, 0.95) * 1000:7.1f} ms  mean={statistics.mean(values) * 1000:7.1f} ms"
    )


def main(n: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from insurehub.notifications.tests.servers import SMTPServer
    from insurehub.users.models import User

    call_command("migrate", verbosity=0)
    configured_floor = settings.PASSWORD_RESET_MIN_RESPONSE_SECONDS
    client = APIClient()
    with SMTPServer() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
        for floor in (0.0, configured_floor):
            settings.PASSWORD_RESET_MIN_RESPONSE_SECONDS = floor
            tag = f"floor{floor}"
            for i in range(n):
                User.objects.create_user(email=f"known-{tag}-{i}@bench.test", password=secrets.token_urlsafe(16))
            client.post("/api/auth/password-reset/", {"email": "warm-up@bench.test"}, format="json")
            known, unknown = [], []
            for i in range(n):
                for address, into in (
                    (f"known-{tag}-{i}@bench.test", known),
                    (f"nobody-{tag}-{i}@bench.test", unknown),
                ):
                    started = time.perf_counter()
                    response = client.post("/api/auth/password-reset/", {"email": address}, format="json")
                    into.append(time.perf_counter() - started)
                    assert response.status_code == 202, response.content
            print(f"-- response-time floor {floor * 1000:.0f} ms")
            print(line("unknown address (baseline)", unknown))
            print(line("known address (link e-mailed)", known))
            print(f"{'difference of the medians':<34} {(pct(known, 0.5) - pct(unknown, 0.5)) * 1000:+7.1f} ms")
        time.sleep(1)
        print(f"e-mails received by the SMTP server: {len(smtp.messages)} (expected {2 * n})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
