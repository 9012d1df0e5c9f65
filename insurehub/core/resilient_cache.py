"""The Django cache on Redis that degrades, instead of failing requests, while Redis is down or hangs.

Every use of the cache in InsureHub is a speed-up or a limit (rate throttles, the login guard's and
the account messages' counters, the access-token denylist, cached dashboard figures, provider
circuit breakers and rate limits, webhook delivery locks), so a Redis outage must not turn every
request into a 500 (issue 14). This backend is Django's RedisCache with three additions:

- Short socket timeouts (the `socket_connect_timeout` / `socket_timeout` OPTIONS, set from
  CACHE_CONNECT_TIMEOUT_SECONDS / CACHE_SOCKET_TIMEOUT_SECONDS): a Redis that hangs costs one
  operation a second, not a request its whole budget.
- When an operation fails to reach Redis (refused, timed out, still loading), it is served by a
  cache in this process's memory instead, and Redis is left alone for `retry_seconds`
  (CACHE_RETRY_SECONDS) before one operation tries it again: an outage costs one timeout per
  process and interval, not one per cache call. The outage is logged once when it starts (then at
  most once every `log_seconds`), and once when Redis answers again; the in-memory copy is then
  dropped. `insurehub_cache_fallback_operations_total` counts what was served from memory.
- One Redis client (and its connection pool) per process, shared by every thread: Django makes a
  cache object per thread and request context, each with its own pool, so every request used to
  open its own connection to Redis.

What degraded means, per use: throttles, login limits and message limits count per process (with
N processes an attacker gets N times the limit for the length of the outage, never unlimited);
cached figures are computed per process; the access-token denylist knows only what this process
denied during the outage, so an access token signed out of before it works again until it expires
(at most JWT_ACCESS_MINUTES); a webhook delivery lock is per process (a delivery may go out twice,
which the receiver's idempotency on the delivery id absorbs). Nothing is answered 500 because of it.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from insurehub.core import metrics

logger = logging.getLogger(__name__)

# What "Redis cannot be reached" looks like (BusyLoadingError, a Redis still loading its data, is a
# ConnectionError). Anything else (a wrong type, a bad command) is a bug and is raised as before.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

_OUR_OPTIONS = {"retry_seconds": 5.0, "log_seconds": 60.0, "fallback_max_entries": 10_000}


class _Outage:
    """One Redis server's state in this process, shared by every thread's cache object."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.down_since: float | None = None
        self.retry_at = 0.0
        self.logged_at: float | None = None
        self.served = 0

    def skip_redis(self) -> bool:
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, exc: BaseException, *, location: str, retry_seconds: float, log_seconds: float) -> None:
        now = time.monotonic()
        with self.lock:
            first = self.down_since is None
            if first:
                self.down_since, self.served = now, 0
            self.retry_at = now + retry_seconds
            if self.logged_at is not None and now - self.logged_at < log_seconds:
                return
            self.logged_at = now
            served = self.served
        logger.warning(
            "cache unreachable: serving from this process's memory, trying Redis again every %.0f s",
            retry_seconds,
            extra={
                "cache": location,
                "error": f"{exc.__class__.__name__}: {exc}"[:300],
                "outage_seconds": round(now - (self.down_since or now), 1),
                "operations_from_memory": served,
                "outage_started": first,
            },
        )

    def answered(self, *, location: str, fallback: LocMemCache) -> None:
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is None:
                return
            lasted, served = time.monotonic() - self.down_since, self.served
            self.down_since, self.logged_at = None, None
        fallback.clear()
        logger.warning(
            "cache reachable again",
            extra={"cache": location, "outage_seconds": round(lasted, 1), "operations_from_memory": served},
        )


_outages: dict[str, _Outage] = {}
_clients: dict[tuple, object] = {}
_registry_lock = threading.Lock()


def _outage_for(key: str) -> _Outage:
    with _registry_lock:
        return _outages.setdefault(key, _Outage())


def outage_seconds(location: str) -> float | None:
    """How long the cache at `location` has been served from memory in this process (None: it is not)."""
    outage = _outages.get(location)
    if outage is None or outage.down_since is None:
        return None
    return time.monotonic() - outage.down_since


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        ours = {name: options.pop(name, default) for name, default in _OUR_OPTIONS.items()}
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = server if isinstance(server, str) else ",".join(server)
        self._retry_seconds = float(ours["retry_seconds"])
        self._log_seconds = float(ours["log_seconds"])
        self._outage = _outage_for(self._location)
        # Same key prefix, version and default timeout as Redis; the storage is shared by every
        # thread of the process (LocMemCache keeps it per name).
        self._fallback = LocMemCache(
            f"insurehub-redis-fallback:{self._location}",
            {
                **{name: value for name, value in params.items() if name not in {"OPTIONS", "LOCATION", "BACKEND"}},
                "OPTIONS": {"MAX_ENTRIES": int(ours["fallback_max_entries"])},
            },
        )

    @property
    def _cache(self):
        """One client per process and configuration (redis-py's pools are thread-safe)."""
        key = (self._location, repr(sorted(self._options.items())))
        client = _clients.get(key)
        if client is None:
            with _registry_lock:
                client = _clients.setdefault(key, self._class(self._servers, **self._options))
        return client

    def _call(self, name: str, *args, **kwargs):
        outage = self._outage
        if not outage.skip_redis():
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE as exc:
                outage.failed(
                    exc, location=self._location, retry_seconds=self._retry_seconds, log_seconds=self._log_seconds
                )
            else:
                outage.answered(location=self._location, fallback=self._fallback)
                return result
        outage.served += 1  # approximate under threads; only reported
        metrics.CACHE_FALLBACK_OPERATIONS.labels(name).inc()
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")
