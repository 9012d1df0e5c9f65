"""Login protection that holds under parallel attempts and cannot be used to lock others out.

Every attempt is counted BEFORE the password is checked, with the cache's atomic `add` + `incr`
(Redis in production, shared by every web worker), so N parallel guesses for one account from
one address get at most LOGIN_LOCKOUT_AFTER password checks, never N.

- (account, client address) pair: after LOGIN_SLOWDOWN_AFTER failures each further attempt must
  wait 2**(n - LOGIN_SLOWDOWN_AFTER) seconds after the last one; after LOGIN_LOCKOUT_AFTER the
  pair is locked for LOGIN_LOCKOUT_SECONDS. A stranger guessing a victim's password from their
  own address locks only themselves out; the victim signs in from theirs.
- client address alone: LOGIN_IP_LOCKOUT_AFTER failures across accounts (credential stuffing).
- account alone, only under a distributed attack: LOGIN_ACCOUNT_LOCKOUT_AFTER failures from at
  least LOGIN_ACCOUNT_LOCKOUT_MIN_IPS addresses in the window. The caller that locks it gets
  `locked_now=True` and sends the owner an unlock link (users.services); opening it
  (`unlock`) starts the account's counters afresh, its pairs' too (a generation number in
  every key of the account).
A successful sign-in clears its pair. The client address is core.client_address's, which
believes X-Forwarded-For only from our own proxies.
"""

import contextlib
import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from insurehub.core.errors import ApplicationError


@dataclass(frozen=True)
class Attempt:
    """A counted attempt; hand it back to `failed` or `succeeded`."""

    account: str
    ip: str | None
    generation: int


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _account_key(kind: str, account: str, generation: int) -> str:
    return f"login-guard:{kind}:{_digest(account)}:{generation}"


def _pair_key(kind: str, account: str, ip: str | None, generation: int) -> str:
    pair = f"{account}|{ip or '-'}"
    return f"login-guard:{kind}:{_digest(pair)}:{generation}"


def _ip_key(kind: str, ip: str) -> str:
    return f"login-guard:{kind}:{_digest(ip)}"


def _generation_key(account: str) -> str:
    return f"login-guard:generation:{_digest(account)}"


def _window() -> int:
    return max(settings.LOGIN_FAILURE_WINDOW_SECONDS, settings.LOGIN_LOCKOUT_SECONDS)


def _incr(key: str, timeout: int) -> int:
    """Add one to a counter atomically (created at 0 with its timeout on first use)."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 0, timeout=timeout)
        return cache.incr(key)


def _decr(key: str) -> None:
    with contextlib.suppress(ValueError):
        cache.decr(key)


def _throttled(wait: float) -> ApplicationError:
    seconds = max(1, math.ceil(wait))
    return ApplicationError(
        "login_throttled",
        f"Too many failed sign-in attempts. Try again in {seconds} seconds.",
        status=429,
        extra={"retry_after": seconds},
    )


def _locked_for(until: float | None, now: float) -> float:
    return (until - now) if until and until > now else 0.0


def begin(*, email: str, ip: str | None) -> Attempt:
    """Count one attempt for (email, ip) before its password is checked; raise a 429 when the
    account, the address or the pair must wait (such an attempt is not counted)."""
    account = email.strip().lower()
    now = time.time()
    generation = cache.get(_generation_key(account)) or 0
    attempt = Attempt(account=account, ip=ip, generation=generation)
    keys = {
        "account": _account_key("locked", account, generation),
        "pair": _pair_key("locked", account, ip, generation),
        "last": _pair_key("last", account, ip, generation),
    }
    if ip:
        keys["ip"] = _ip_key("locked", ip)
    state = cache.get_many(list(keys.values()))
    wait = max(_locked_for(state.get(keys[kind]), now) for kind in ("account", "pair", "ip") if kind in keys)
    if wait > 0:
        raise _throttled(wait)
    attempts_key = _pair_key("attempts", account, ip, generation)
    attempts = _incr(attempts_key, _window())
    if attempts > settings.LOGIN_LOCKOUT_AFTER:
        _decr(attempts_key)
        raise _throttled(_locked_for(cache.get(keys["pair"]), now) or settings.LOGIN_LOCKOUT_SECONDS)
    slowdown_after = settings.LOGIN_SLOWDOWN_AFTER
    if attempts > slowdown_after:
        delay = 2 ** (attempts - 1 - slowdown_after)
        wait = (state.get(keys["last"]) or 0) + delay - now
        if wait > 0:
            _decr(attempts_key)
            raise _throttled(wait)
    return attempt


def failed(attempt: Attempt) -> bool:
    """Record that the attempt's password was wrong. True when this failure locked the whole
    account (a distributed attack): the owner should get an unlock link, exactly once."""
    now = time.time()
    account, ip, generation = attempt.account, attempt.ip, attempt.generation
    window, lock_seconds = _window(), settings.LOGIN_LOCKOUT_SECONDS
    cache.set(_pair_key("last", account, ip, generation), now, timeout=window)
    attempts = cache.get(_pair_key("attempts", account, ip, generation)) or 0
    if attempts >= settings.LOGIN_LOCKOUT_AFTER:
        cache.add(_pair_key("locked", account, ip, generation), now + lock_seconds, timeout=lock_seconds)
        cache.touch(_pair_key("attempts", account, ip, generation), lock_seconds)
    if ip:
        ip_failures = _incr(_ip_key("failures", ip), window)
        if ip_failures >= settings.LOGIN_IP_LOCKOUT_AFTER:
            cache.add(_ip_key("locked", ip), now + lock_seconds, timeout=lock_seconds)
            cache.touch(_ip_key("failures", ip), lock_seconds)
    # How many addresses fail on this account: a pair's first failure in the window counts one.
    if cache.add(_pair_key("seen", account, ip, generation), 1, timeout=window):
        _incr(_account_key("addresses", account, generation), window)
    account_failures = _incr(_account_key("failures", account, generation), window)
    addresses = cache.get(_account_key("addresses", account, generation)) or 0
    if account_failures >= settings.LOGIN_ACCOUNT_LOCKOUT_AFTER and addresses >= settings.LOGIN_ACCOUNT_LOCKOUT_MIN_IPS:
        return cache.add(_account_key("locked", account, generation), now + lock_seconds, timeout=lock_seconds)
    return False


def succeeded(attempt: Attempt) -> None:
    """The right password: the pair starts afresh (the account's and the address's counts stay)."""
    cache.delete_many(
        [
            _pair_key(kind, attempt.account, attempt.ip, attempt.generation)
            for kind in ("attempts", "last", "locked", "seen")
        ]
    )


def unlock(*, email: str) -> None:
    """The owner proved control of the address (an unlock link, a password reset): every lock on
    the account and its pairs ends, and counting starts afresh."""
    account = email.strip().lower()
    key = _generation_key(account)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)
