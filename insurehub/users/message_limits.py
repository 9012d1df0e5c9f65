"""How many account messages (reset links, verification links and codes) may be asked for.

Fixed one-hour windows counted in the cache (Redis in production, shared by every web
worker) with atomic `add` + `incr`, so concurrent requests cannot both slip under the limit.
Keys hold a hash of the address, never the address itself. An unknown address is counted
exactly like a known one: being limited says nothing about whether an account exists.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

from insurehub.core.errors import ApplicationError

WINDOW_SECONDS = 3600


def _key(kind: str, value: str, window: int) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
    return f"account-messages:{kind}:{digest}:{window}"


def _count(kind: str, value: str, now: float) -> tuple[int, int]:
    """Count one more request for (kind, value); return the count and the seconds left in the window."""
    window = int(now // WINDOW_SECONDS)
    key = _key(kind, value, window)
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    return count, math.ceil((window + 1) * WINDOW_SECONDS - now)


def check(*, purpose: str, address: str = "", user_id: str = "", ip: str | None = None) -> None:
    """Count a request to send `purpose` to `address` (and/or for `user_id`, from `ip`);
    raise a 429 problem when any of them is over its hourly limit. Every counter is counted
    before deciding, so a client that keeps trying stays limited."""
    now = time.time()
    counters = []
    per_address = settings.ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR
    if address:
        counters.append((*_count(f"{purpose}:address", address, now), per_address))
    if user_id:
        counters.append((*_count(f"{purpose}:user", str(user_id), now), per_address))
    if ip:
        counters.append((*_count("ip", ip, now), settings.ACCOUNT_MESSAGES_PER_IP_PER_HOUR))
    waits = [left for count, left, limit in counters if count > limit]
    if waits:
        wait = max(waits)
        raise ApplicationError(
            "too_many_requests",
            f"Too many requests for this; try again in {math.ceil(wait / 60)} minutes.",
            status=429,
            extra={"retry_after": wait},
        )
