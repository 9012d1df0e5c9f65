"""A database that is down or hangs is a quick 503 problem+json with Retry-After, never a hang or a
500 (issue 14, item 5): PostgreSQL's connect timeout, the pool's bounded wait, statement_timeout and
lock_timeout, all set from the environment."""

import importlib.util
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError, OperationalError, connection, connections, transaction

from insurehub.core.errors import dependency_failure
from insurehub.core.testing import client_for
from insurehub.users.models import User

ROOT = Path(settings.BASE_DIR)
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never says a word: a database that hangs."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def _settings_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DATABASE_URL", "REDIS_URL", "CELERY_"))}
    env.update(DJANGO_ENV="test", DJANGO_SETTINGS_MODULE="insurehub.config.settings", **extra)
    return env


# Runs in a process of its own whose DATABASE_URL points at the silent server: four requests at
# once (readiness, an API list, login, an admin page with a session) each report how they ended.
_REQUESTS = r"""
import json, threading, time, uuid
import django
django.setup()
from django.test import Client
from rest_framework_simplejwt.tokens import AccessToken

token = AccessToken()
token["user_id"] = str(uuid.uuid4())
results = {}

def run(name, method, path, **kwargs):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "s" * 32
    started = time.monotonic()
    response = getattr(client, method)(path, **kwargs)
    results[name] = {
        "seconds": round(time.monotonic() - started, 2),
        "status": response.status_code,
        "content_type": response.get("Content-Type"),
        "retry_after": response.get("Retry-After"),
        "type": json.loads(response.content).get("type") if response.content else None,
    }

calls = [
    ("readyz", "get", "/readyz", {}),
    ("api_list", "get", "/api/claims/", {"HTTP_AUTHORIZATION": f"Bearer {token}"}),
    ("login", "post", "/api/auth/login/",
     {"data": {"email": "a@example.test", "password": "x" * 12}, "content_type": "application/json"}),
    ("admin_page", "get", "/admin/", {}),
]
threads = [threading.Thread(target=run, args=(name, method, path), kwargs=kw) for name, method, path, kw in calls]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("RESULTS " + json.dumps(results))
"""


@pytest.mark.parametrize("pool", ["pool", "no-pool"])
def test_a_database_that_hangs_is_a_quick_503_with_retry_after(silent_server, pool):
    env = _settings_env(
        DATABASE_URL=f"postgres://insurehub@127.0.0.1:{silent_server.port}/insurehub",
        **({} if pool == "pool" else {"DB_POOL_MAX_SIZE": "0"}),
    )
    started = time.monotonic()
    try:
        done = subprocess.run(  # noqa: S603 - this interpreter and our own script
            [sys.executable, "-c", _REQUESTS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.fail("requests against a database that does not answer still hung after 60 s")
    elapsed = time.monotonic() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULTS ")]
    assert lines, done.stderr[-3000:]
    results = json.loads(lines[-1].removeprefix("RESULTS "))
    assert silent_server.accepted, "the database was never tried"
    for name, result in results.items():
        assert result["status"] == 503, (name, result)
        assert result["content_type"] == "application/problem+json", (name, result)
        assert result["retry_after"] == "5", (name, result)
        assert result["seconds"] < 8, (name, result)  # connect timeout / pool wait: 5 s by default
    assert results["api_list"]["type"] == "/problems/database_unavailable"
    assert results["admin_page"]["type"] == "/problems/database_unavailable"
    assert results["readyz"]["type"] == "/problems/not_ready"
    print(f"\n[{pool}] seconds to 503 with a hung database:", {name: r["seconds"] for name, r in results.items()})
    assert elapsed < 30


def test_postgresql_settings_carry_the_timeouts_and_the_bounded_pool(monkeypatch):
    def options(**env: str) -> dict:
        for name in [name for name in os.environ if name.startswith("DB_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("DATABASE_URL", "postgres://u@127.0.0.1:5432/db?sslmode=prefer")
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        # A fresh copy of the settings' database module, run under this environment.
        spec = importlib.util.find_spec("insurehub.config.settings.database")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.DATABASES["default"]["OPTIONS"]

    default = options()
    assert default["connect_timeout"] == 5
    assert default["options"] == "-c statement_timeout=30000 -c lock_timeout=10000"
    assert default["pool"] == {"min_size": 2, "max_size": 10, "timeout": 5.0, "name": "insurehub"}
    assert default["sslmode"] == "prefer"  # what the URL says is kept
    tuned = options(
        DB_CONNECT_TIMEOUT_SECONDS="2",
        DB_STATEMENT_TIMEOUT_SECONDS="0",
        DB_LOCK_TIMEOUT_SECONDS="2.5",
        DB_POOL_MAX_SIZE="4",
        DB_POOL_MIN_SIZE="8",
        DB_POOL_TIMEOUT_SECONDS="1",
    )
    assert tuned["connect_timeout"] == 2
    assert tuned["options"] == "-c statement_timeout=0 -c lock_timeout=2500"
    assert tuned["pool"]["max_size"] == 4 and tuned["pool"]["min_size"] == 4 and tuned["pool"]["timeout"] == 1.0
    assert "pool" not in options(DB_POOL_MAX_SIZE="0")


@on_postgresql
@pytest.mark.django_db
def test_connections_run_with_the_statement_and_lock_timeouts():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "10s"


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_statement_or_lock_timeout_is_a_503_not_a_500(actors):
    """Waiting for a lock longer than lock_timeout, or a statement longer than statement_timeout,
    ends as an error the handlers answer 503 database_timeout; the connection serves on after."""
    agent = actors["agent"]
    holder_ready, release = threading.Event(), threading.Event()

    def hold_the_row() -> None:
        try:
            with transaction.atomic():
                User.objects.select_for_update().get(pk=agent.pk)
                holder_ready.set()
                release.wait(10)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    try:
        assert holder_ready.wait(5)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
        try:
            with pytest.raises(OperationalError) as caught, transaction.atomic():
                User.objects.select_for_update().get(pk=agent.pk)
            assert dependency_failure(caught.value) == "database_timeout"
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = '100ms'")
            with pytest.raises(OperationalError) as caught, connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(1)")
            assert dependency_failure(caught.value) == "database_timeout"
            response = client_for(agent).get("/api/claims/")
            assert response.status_code == 200  # the session's own limits do not leak into the next query
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
                cursor.execute("RESET statement_timeout")
    finally:
        release.set()
        holder.join()


def test_only_outages_count_as_dependency_failures_not_mistakes(db):
    """A query that is wrong stays a 500 (a bug to fix), only an unavailable database is a 503."""
    with pytest.raises(DatabaseError) as caught, connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table_anywhere")
    assert dependency_failure(caught.value) is None
