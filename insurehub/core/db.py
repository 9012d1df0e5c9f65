"""Deadlocks and serialization failures: retried as a whole transaction, bounded, else a clean 503.

Lock order and `of=("self",)` (insurehub/core/locking.py) remove the deadlocks we know of; this
is the net for those that remain. PostgreSQL aborts one of the transactions in a deadlock (SQLSTATE
40P01) or one that cannot be serialised (40001); the whole transaction is safe to run again.

- `retry_on_conflict(fn)` / `@retries_on_conflict`: run `fn` (which opens its own transaction)
  up to DB_CONFLICT_ATTEMPTS times with a small jittered backoff. Only at the outermost level: inside
  an atomic block the failed transaction belongs to the caller, so the error goes up unchanged (the
  caller's own retry, or the request's, runs it all again).
- `ConflictRetryMiddleware` (last in MIDDLEWARE): a POST/PUT/PATCH/DELETE whose view failed on a
  conflict is run again, up to the same bound, when its body can be replayed and nothing it did
  reached a provider (`side_effect()`); otherwise, and when retries run out, the answer is
  503 problem+json `database_conflict` with Retry-After (insurehub/core/errors.py), never a 500.
- Background tasks retry the same way (insurehub/core/tasks.py ConflictRetryingTask).
"""

import asyncio
import contextlib
import contextvars
import functools
import logging
import random
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from django.conf import settings
from django.db import DatabaseError, transaction

from insurehub.core import metrics

logger = logging.getLogger(__name__)

CONFLICT_SQLSTATES = {"40P01": "deadlock", "40001": "serialization_failure"}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

T = TypeVar("T")


def conflict_kind(exc: BaseException | None) -> str | None:
    """ "deadlock" or "serialization_failure" when `exc` (or what caused it) is one, else None."""
    seen = 0
    while exc is not None and seen < 5:
        marked = getattr(exc, "_insurehub_conflict", None)
        if marked:
            return marked
        if isinstance(exc, DatabaseError) or type(exc).__module__.startswith("psycopg"):
            state = getattr(exc, "sqlstate", None) or getattr(getattr(exc, "diag", None), "sqlstate", None)
            if state in CONFLICT_SQLSTATES:
                return CONFLICT_SQLSTATES[state]
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None


def is_conflict(exc: BaseException | None) -> bool:
    return conflict_kind(exc) is not None


def _in_transaction() -> bool:
    return transaction.get_connection().in_atomic_block


def _backoff(attempt: int) -> float:
    """Seconds to wait before attempt `attempt + 1`: 25, 50, 100 ms ... with full jitter."""
    base = settings.DB_CONFLICT_BACKOFF_SECONDS * (2 ** (attempt - 1))
    return random.uniform(base / 2, base)  # noqa: S311  # nosec B311 (jitter, not a secret)


# Operations that reached outside our database during the current request attempt.
_side_effects: contextvars.ContextVar[list | None] = contextvars.ContextVar("insurehub_side_effects", default=None)


def _exhausted(exc: BaseException) -> None:
    # An inner scope that gave up tells the outer ones not to run everything again: the bound
    # is the number of attempts of the whole operation, not per level.
    exc._insurehub_conflict_exhausted = True  # type: ignore[attr-defined]


def gave_up(exc: BaseException | None) -> bool:
    return bool(getattr(exc, "_insurehub_conflict_exhausted", False))


def side_effect(what: str) -> None:
    """Say that the current operation did something outside our database (called a provider):
    running the request again would do it twice, so a conflict after this is answered 503."""
    effects = _side_effects.get()
    if effects is not None:
        effects.append(what)


@contextlib.contextmanager
def _tracking_side_effects() -> Iterator[list]:
    effects: list = []
    token = _side_effects.set(effects)
    try:
        yield effects
    finally:
        _side_effects.reset(token)


def retry_on_conflict(fn: Callable[[], T], *, attempts: int | None = None, label: str = "") -> T:
    """Run `fn()` again when it fails on a deadlock or serialization failure (bounded, jittered).
    Inside a transaction it runs once: only the outermost level may run a transaction again."""
    attempts = attempts or settings.DB_CONFLICT_ATTEMPTS
    if _in_transaction():
        return fn()
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as exc:
            kind = conflict_kind(exc)
            if kind is None:
                raise
            if gave_up(exc):
                raise  # an inner scope spent the attempts (and counted it)
            if attempt == attempts:
                metrics.DB_CONFLICTS.labels(kind, "gave_up").inc()
                logger.warning("database %s: giving up after %s attempts", kind, attempt, extra={"operation": label})
                _exhausted(exc)
                raise
            metrics.DB_CONFLICTS.labels(kind, "retried").inc()
            logger.info("database %s: retrying (attempt %s)", kind, attempt + 1, extra={"operation": label})
            time.sleep(_backoff(attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def retries_on_conflict(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorator form of retry_on_conflict, for a function that is one transaction."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return retry_on_conflict(lambda: fn(*args, **kwargs), label=fn.__qualname__)

    return wrapper


class ConflictRetryMiddleware:
    """Runs an unsafe request's view again after a deadlock or serialization failure. Must be the
    last middleware: its process_view calls the view itself, after every other process_view ran."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @staticmethod
    def _replayable(request) -> bool:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return False  # an upload: read once, streamed; a conflict is answered 503 instead
        try:
            request.body  # noqa: B018 (read into memory so each attempt parses it again)
        except Exception:  # already streamed, or too big: leave the view to answer
            return False
        return True

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in UNSAFE_METHODS or asyncio.iscoroutinefunction(view_func):
            return None
        if _in_transaction() or not self._replayable(request):
            return None  # one attempt; a conflict is still a 503 (the handler, process_exception)
        try:
            return retry_on_conflict(
                lambda: self._attempt(request, view_func, view_args, view_kwargs),
                label=f"{request.method} {request.path}",
            )
        except _AnsweredConflictError as answered:
            return answered.response
        except Exception as exc:
            if is_conflict(exc):
                return _conflict_response(exc)
            raise

    def process_exception(self, request, exception):
        """A view Django called itself (not retried here) that failed on a conflict: 503, not 500."""
        return _conflict_response(exception) if is_conflict(exception) else None

    @staticmethod
    def _attempt(request, view_func, view_args, view_kwargs):
        with _tracking_side_effects() as effects:
            try:
                response = view_func(request, *view_args, **view_kwargs)
            except Exception as exc:
                if is_conflict(exc) and effects:
                    _exhausted(exc)  # a provider was called: running it again would call it twice
                raise
        conflict = getattr(response, "conflict_exception", None)
        if conflict is not None:
            # DRF's handler already turned it into the 503; run the view again unless that is unsafe.
            if effects:
                _exhausted(conflict)
            raise _AnsweredConflictError(conflict, response)
        return response


def _conflict_response(exc: BaseException):
    from insurehub.core.errors import conflict_problem

    return conflict_problem(exc)


class _AnsweredConflictError(Exception):
    """Carries the 503 a DRF view already rendered for a conflict, so the retry loop can see it."""

    def __init__(self, conflict: BaseException, response):
        super().__init__(str(conflict))
        self.response = response
        self._insurehub_conflict = conflict_kind(conflict)
        if gave_up(conflict):
            _exhausted(self)
