"""Circuit breaker and rate limiter per provider, kept in the Django cache so that every web
worker and Celery worker sees the same state (Redis in production, local memory embedded).

Breaker: after `threshold` failed calls in a row (a call fails once its retries are spent on
network errors, timeouts, 5xx or 429) the breaker opens for `reset_seconds`; calls are then
refused at once. When that time is up one caller (whoever wins `cache.add` on the probe key)
goes through half-open: success closes the breaker, failure opens it again.

Rate limit: fixed windows ("1/second", "600/minute") counted with `cache.incr`, shared by all workers.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from insurehub.core.metrics import INTEGRATION_BREAKER_OPEN

_PREFIX = "integrations"


class BreakerState:
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass
class CircuitBreaker:
    provider: str
    threshold: int | None = None
    reset_seconds: int | None = None

    def __post_init__(self):
        self.threshold = self.threshold or settings.INTEGRATIONS_BREAKER_FAILURES
        self.reset_seconds = self.reset_seconds or settings.INTEGRATIONS_BREAKER_RESET_SECONDS

    @property
    def _failures_key(self) -> str:
        return f"{_PREFIX}:breaker:{self.provider}:failures"

    @property
    def _opened_key(self) -> str:
        return f"{_PREFIX}:breaker:{self.provider}:opened_at"

    @property
    def _probe_key(self) -> str:
        return f"{_PREFIX}:breaker:{self.provider}:probe"

    def _opened_at(self) -> float | None:
        return cache.get(self._opened_key)

    def state(self) -> str:
        opened_at = self._opened_at()
        if opened_at is None:
            return BreakerState.CLOSED
        if time.time() - opened_at < self.reset_seconds:
            return BreakerState.OPEN
        return BreakerState.HALF_OPEN

    def retry_in(self) -> float:
        """Seconds until the breaker lets a probe through (0 when closed or half-open)."""
        opened_at = self._opened_at()
        if opened_at is None:
            return 0.0
        return max(0.0, self.reset_seconds - (time.time() - opened_at))

    def allow(self) -> bool:
        state = self.state()
        if state == BreakerState.CLOSED:
            return True
        if state == BreakerState.OPEN:
            return False
        # Half-open: a single probe at a time, across all workers.
        return cache.add(self._probe_key, 1, timeout=max(1, self.reset_seconds))

    def record_success(self) -> None:
        if self._opened_at() is not None:
            cache.delete_many([self._opened_key, self._probe_key])
            INTEGRATION_BREAKER_OPEN.labels(provider=self.provider).set(0)
        cache.delete(self._failures_key)

    def record_failure(self) -> None:
        if self._opened_at() is not None:  # a failed half-open probe opens it again
            self._open()
            return
        cache.add(self._failures_key, 0, timeout=self.reset_seconds * 10)
        try:
            failures = cache.incr(self._failures_key)
        except ValueError:  # evicted between add and incr
            cache.set(self._failures_key, 1, timeout=self.reset_seconds * 10)
            failures = 1
        if failures >= self.threshold:
            self._open()

    def _open(self) -> None:
        cache.set(self._opened_key, time.time(), timeout=self.reset_seconds * 10)
        cache.delete_many([self._probe_key, self._failures_key])
        INTEGRATION_BREAKER_OPEN.labels(provider=self.provider).set(1)

    def reset(self) -> None:
        cache.delete_many([self._opened_key, self._probe_key, self._failures_key])
        INTEGRATION_BREAKER_OPEN.labels(provider=self.provider).set(0)


_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def parse_rate(rate: str | None) -> tuple[int, int]:
    """ "60/minute" -> (60, 60). Empty or "0/..." means no limit: (0, 1)."""
    if not rate:
        return 0, 1
    count, _, period = rate.partition("/")
    return int(count), _PERIODS[period.strip().rstrip("s") or "minute"]


@dataclass
class RateLimiter:
    """`limit` calls per `window_seconds`, in fixed windows counted in the shared cache."""

    provider: str
    limit: int
    window_seconds: int = 60

    @classmethod
    def from_setting(cls, provider: str, rate: str | None) -> "RateLimiter":
        limit, window = parse_rate(rate)
        return cls(provider=provider, limit=limit, window_seconds=window)

    def _key(self, window: int) -> str:
        return f"{_PREFIX}:rate:{self.provider}:{self.window_seconds}:{window}"

    def try_acquire(self) -> float:
        """Take a slot. Returns how long to wait before calling (0.0: call now); raises nothing.
        With a limit of 1 per period ("1/second", Nominatim's policy) calls are spaced: each
        reserves the next free period boundary and waits for it, so two calls are never closer
        than the period, even across windows. Larger limits count calls in fixed windows and
        answer a positive wait only when the window is full (the call then must not be made)."""
        if self.limit <= 0:
            return 0.0
        if self.limit == 1:
            return self._reserve_spaced_slot()
        now = time.time()
        window = int(now // self.window_seconds)
        key = self._key(window)
        cache.add(key, 0, timeout=self.window_seconds * 2)
        try:
            used = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=self.window_seconds * 2)
            used = 1
        if used <= self.limit:
            return 0.0
        return -((window + 1) * self.window_seconds - now)  # negative: refused, retry after this long

    def _reserve_spaced_slot(self) -> float:
        now = time.time()
        first = math.ceil(now / self.window_seconds)
        for slot in range(first, first + 30):
            if cache.add(self._key(slot), 1, timeout=self.window_seconds * 32):
                return slot * self.window_seconds - now
        return -float(self.window_seconds * 30)

    def acquire(self, max_wait: float) -> bool:
        """Take a slot, waiting at most `max_wait` seconds for it."""
        deadline = time.monotonic() + max_wait
        while True:
            wait = self.try_acquire()
            if wait >= 0:
                if wait > max_wait:
                    return False  # a reserved far-off slot is simply left unused
                time.sleep(wait)
                return True
            if time.monotonic() - wait > deadline:
                return False
            time.sleep(-wait)
