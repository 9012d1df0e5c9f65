"""Events the channel layer did not take are sent as soon as it takes them again, not at the next
beat (issue 14, item 5).

`outbox_dispatch` (services.py) sends each event after its commit; when the layer (Redis) is down
or hangs the row stays unpublished. Then this process starts one background thread that sweeps
its unpublished events (every id up to the highest that failed here) with a backoff from
REALTIME_REDISPATCH_FIRST_SECONDS doubling up to REALTIME_REDISPATCH_MAX_SECONDS, and at once when
any other event of this process goes through (the layer is back). The thread ends when a sweep
leaves nothing behind. The periodic dispatcher (beat, every 30 s) still sweeps whatever a process
that died left. The outage is logged once, and its end once, with the number of events it held up.
"""

import asyncio
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import connections
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# The layer cannot be reached: the events after this one would fail the same way.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError, asyncio.TimeoutError)

_lock = threading.Lock()
_wake = threading.Event()
_through = 0  # the highest event id this process failed to send and has not sent since
_thread: threading.Thread | None = None
_outage_started: float | None = None


def unreachable(exc: BaseException) -> bool:
    return isinstance(exc, UNREACHABLE)


def failed(event_id: int, exc: BaseException, *, sweep: Callable[[int], tuple[int, bool]]) -> None:
    """An event did not go out. `sweep(through_id)` sends the unpublished events up to that id and
    answers how many it sent and whether any is still left."""
    global _through, _thread, _outage_started
    with _lock:
        first = _outage_started is None
        if first:
            _outage_started = time.monotonic()
        _through = max(_through, event_id)
        if _thread is None:
            _thread = threading.Thread(target=_run, args=(sweep,), name="outbox-redispatch", daemon=True)
            _thread.start()
    if not unreachable(exc):
        logger.error("outbox dispatch failed", exc_info=exc, extra={"event_id": event_id})
    elif first:
        logger.warning(
            "channel layer unreachable: events are kept and sent when it is back",
            extra={"event_id": event_id, "error": f"{exc.__class__.__name__}: {exc}"[:300]},
        )


def defer(event_id: int) -> bool:
    """While an outage is being swept, a fresh event joins the sweep instead of trying the layer
    itself: a request pays at most one timeout per outage, not one per event. False: no outage."""
    global _through
    with _lock:
        if _thread is None:
            return False
        _through = max(_through, event_id)
        return True


def delivered() -> None:
    """An event went out: if others are waiting, sweep them now rather than at the next backoff."""
    if _through:
        _wake.set()


def pending_through() -> int:
    """The highest id still waiting to be sent again by this process (0: none)."""
    return _through


def _run(sweep: Callable[[int], tuple[int, bool]]) -> None:
    global _through, _thread, _outage_started
    delay, sent = settings.REALTIME_REDISPATCH_FIRST_SECONDS, 0
    while True:
        _wake.wait(delay)
        _wake.clear()
        with _lock:
            through = _through
        try:
            swept, left = sweep(through)
            sent += swept
        except Exception:  # the database may be away too: try again later
            logger.warning("outbox redispatch could not sweep; trying again", exc_info=True)
            left = True
        finally:
            connections.close_all()  # this thread's connections (back to the pool)
        with _lock:
            if not left and _through == through:
                lasted = time.monotonic() - (_outage_started or time.monotonic())
                _through, _thread, _outage_started = 0, None, None
                logger.warning(
                    "channel layer reachable again: held-up events sent",
                    extra={"events_sent": sent, "outage_seconds": round(lasted, 1)},
                )
                return
        delay = min(delay * 2, settings.REALTIME_REDISPATCH_MAX_SECONDS)
