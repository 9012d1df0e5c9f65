"""The database: DATABASE_URL (SQLite file by default), PostgreSQL's timeouts, pool and conflict retries."""

import dj_database_url

from .base import BASE_DIR
from .reader import env

# --- database -------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Used only without the pool below (DB_POOL_MAX_SIZE=0): a connection per request, or kept
        # DB_CONN_MAX_AGE seconds, one per HTTP thread (HTTP_THREADS per process, config/asgi.py).
        conn_max_age=env.int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side; the busy timeout queues writers
    # instead of failing them with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# PostgreSQL fails fast (issue 14, docs/operations.md): a server that does not answer gets
# DB_CONNECT_TIMEOUT_SECONDS to accept a connection, a statement runs at most
# DB_STATEMENT_TIMEOUT_SECONDS and waits for a lock at most DB_LOCK_TIMEOUT_SECONDS (0: no limit;
# the migrate job runs without the statement limit); what fails so is answered 503 problem+json with
# Retry-After: DB_UNAVAILABLE_RETRY_AFTER_SECONDS (insurehub/core/errors.py). Each process keeps
# a bounded pool (psycopg_pool) of DB_POOL_MIN_SIZE..DB_POOL_MAX_SIZE connections: a burst queues
# up to DB_POOL_TIMEOUT_SECONDS for one instead of opening a connection per request thread.
# DB_POOL_MAX_SIZE=0 turns the pool off (then DB_CONN_MAX_AGE applies).
DB_CONNECT_TIMEOUT_SECONDS = env.int("DB_CONNECT_TIMEOUT_SECONDS", 5)
DB_STATEMENT_TIMEOUT_SECONDS = env.float("DB_STATEMENT_TIMEOUT_SECONDS", 30.0)
DB_LOCK_TIMEOUT_SECONDS = env.float("DB_LOCK_TIMEOUT_SECONDS", 10.0)
DB_POOL_MIN_SIZE = env.int("DB_POOL_MIN_SIZE", 2)
DB_POOL_MAX_SIZE = env.int("DB_POOL_MAX_SIZE", 10)
DB_POOL_TIMEOUT_SECONDS = env.float("DB_POOL_TIMEOUT_SECONDS", 5.0)
DB_UNAVAILABLE_RETRY_AFTER_SECONDS = env.int("DB_UNAVAILABLE_RETRY_AFTER_SECONDS", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    _pg_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT_SECONDS)
    # TCP keepalives: a connection to a server that vanished (network cut) fails within about a minute.
    _keepalives = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
    for _name, _value in _keepalives.items():
        _pg_options.setdefault(_name, _value)
    _pg_options["options"] = " ".join(
        part
        for part in (
            _pg_options.get("options", ""),
            f"-c statement_timeout={int(DB_STATEMENT_TIMEOUT_SECONDS * 1000)}",
            f"-c lock_timeout={int(DB_LOCK_TIMEOUT_SECONDS * 1000)}",
        )
        if part
    )
    if DB_POOL_MAX_SIZE > 0:
        _pg_options["pool"] = {
            "min_size": min(DB_POOL_MIN_SIZE, DB_POOL_MAX_SIZE),
            "max_size": DB_POOL_MAX_SIZE,
            "timeout": DB_POOL_TIMEOUT_SECONDS,
            "name": "insurehub",
        }
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections (Django refuses both)
# A deadlock or serialization failure that still happens is retried, the whole transaction or the
# whole unsafe request, this many times in all with a jittered backoff doubling from this base;
# then the answer is 503 with Retry-After (insurehub/core/db.py).
DB_CONFLICT_ATTEMPTS = env.int("DB_CONFLICT_ATTEMPTS", 3)
DB_CONFLICT_BACKOFF_SECONDS = env.float("DB_CONFLICT_BACKOFF_SECONDS", 0.05)
DB_CONFLICT_RETRY_AFTER_SECONDS = env.int("DB_CONFLICT_RETRY_AFTER_SECONDS", 1)
