"""One web process holds at most DB_POOL_MAX_SIZE PostgreSQL connections, however many requests
arrive at once: a burst queues for a connection instead of opening one per request thread (issue
14, item 6: one process opened about 100 under parallel logins; issue 16, item 2: still so with the
shipped server, HTTP on a bounded set of threads). The real server as scripts/serve.sh starts it on
the test database; connections counted in pg_stat_activity by the server's application_name."""

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.db import connection, connections

from insurehub.core.tests.own_redis import free_port
from insurehub.users.tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
    pytest.mark.django_db(transaction=True),
]

LOGINS = 40


def _database_url(application_name: str) -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    where = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return f"postgres://{auth}@{where}?application_name={application_name}"


def _connections_of(application_name: str) -> int:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [application_name])
        return cursor.fetchone()[0]


def _burst(emails: list[str], **env: str) -> tuple[int, list[int]]:
    """The most connections the server's processes held during parallel logins, and their statuses."""
    port = free_port()
    name = f"insurehub-pool-test-{port}"
    process_env = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "REDIS_URL", "CELERY_"))}
    process_env.update(
        DJANGO_ENV="test",
        DATABASE_URL=_database_url(name),
        PORT=str(port),
        ACCESS_LOG="0",
        INSUREHUB_PYTHON=sys.executable,
        **env,
    )
    server = subprocess.Popen(
        ["/bin/bash", "scripts/serve.sh"],  # the shipped server
        cwd=Path(settings.BASE_DIR),
        env=process_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak, stop = [0], threading.Event()

    def sample() -> None:
        try:
            while not stop.is_set():
                peak[0] = max(peak[0], _connections_of(name))
                time.sleep(0.01)
        finally:
            connections.close_all()

    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, server.stderr.read().decode()[-3000:]
            time.sleep(0.1)
        sampler = threading.Thread(target=sample)
        sampler.start()

        def login(email: str) -> int:
            credentials = {"email": email, "password": TEST_PASSWORD}
            return httpx.post(f"{base}/api/auth/login/", json=credentials, timeout=60).status_code

        with ThreadPoolExecutor(len(emails)) as pool:
            statuses = list(pool.map(login, emails))
        stop.set()
        sampler.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(10)
    return peak[0], statuses


def test_a_burst_of_logins_queues_for_the_pool_instead_of_opening_a_connection_each():
    # One login per account (parallel attempts on one account are limited, by design).
    emails = [UserFactory(email=f"burst-{n}@example.test").email for n in range(LOGINS)]
    unpooled, unpooled_statuses = _burst(emails, DB_POOL_MAX_SIZE="0", THREADS="6")
    pooled, statuses = _burst(emails, DB_POOL_MAX_SIZE="4", DB_POOL_MIN_SIZE="1", THREADS="8")
    two, two_statuses = _burst(emails, DB_POOL_MAX_SIZE="3", DB_POOL_MIN_SIZE="1", THREADS="8", WORKERS="2")
    print(
        f"\n{LOGINS} parallel logins: one process of 8 threads {pooled} connections with a pool of 4; two such"
        f" processes {two} with pools of 3; one of 6 threads without a pool {unpooled}"
    )
    assert statuses == [200] * LOGINS  # queued, none refused ("too many clients" would be a 503)
    assert 1 <= pooled <= 4  # fewer than the threads: they queue for the pool
    assert two_statuses == [200] * LOGINS
    assert 1 <= two <= 2 * 3  # per process
    # Without the pool a connection per request thread at most, never one per request.
    assert unpooled_statuses == [200] * LOGINS
    assert 1 <= unpooled <= 6
