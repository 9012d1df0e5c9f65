"""Login protection: failed attempts slow an account (and an IP) down, then lock it.

After LOGIN_SLOWDOWN_AFTER failures in the window, each further attempt must wait
2**(n - LOGIN_SLOWDOWN_AFTER) seconds after the last failure; after LOGIN_LOCKOUT_AFTER
the account is locked for LOGIN_LOCKOUT_SECONDS. An IP that fails LOGIN_IP_LOCKOUT_AFTER
times in the window (across accounts: credential stuffing) is locked the same way.
State lives in the cache (Redis in production), shared by every web worker.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from insurehub.core.errors import ApplicationError


@dataclass
class _State:
    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


def _key(kind: str, value: str) -> str:
    return f"login-guard:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"


def _load(key: str) -> _State:
    raw = cache.get(key)
    return _State(**raw) if raw else _State()


def _store(key: str, state: _State) -> None:
    cache.set(key, vars(state), timeout=max(settings.LOGIN_FAILURE_WINDOW_SECONDS, settings.LOGIN_LOCKOUT_SECONDS))


def _wait_seconds(state: _State, now: float, slowdown_after: int | None) -> float:
    if state.locked_until > now:
        return state.locked_until - now
    if slowdown_after is not None and state.failures >= slowdown_after:
        delay = 2 ** (state.failures - slowdown_after)
        return max(0.0, state.last_failure + delay - now)
    return 0.0


def check(*, email: str, ip: str | None) -> None:
    """Raise a 429 ApplicationError when this account or IP must wait."""
    now = time.time()
    waits = [_wait_seconds(_load(_key("account", email.lower())), now, settings.LOGIN_SLOWDOWN_AFTER)]
    if ip:
        waits.append(_wait_seconds(_load(_key("ip", ip)), now, None))
    wait = max(waits)
    if wait > 0:
        raise ApplicationError(
            "login_throttled",
            f"Too many failed sign-in attempts. Try again in {math.ceil(wait)} seconds.",
            status=429,
            extra={"retry_after": math.ceil(wait)},
        )


def record_failure(*, email: str, ip: str | None) -> None:
    now = time.time()
    targets = [(_key("account", email.lower()), settings.LOGIN_LOCKOUT_AFTER)]
    if ip:
        targets.append((_key("ip", ip), settings.LOGIN_IP_LOCKOUT_AFTER))
    for key, lock_after in targets:
        state = _load(key)
        if now - state.last_failure > settings.LOGIN_FAILURE_WINDOW_SECONDS:
            state = _State()
        state.failures += 1
        state.last_failure = now
        if state.failures >= lock_after:
            state.locked_until = now + settings.LOGIN_LOCKOUT_SECONDS
        _store(key, state)


def record_success(*, email: str) -> None:
    cache.delete(_key("account", email.lower()))
