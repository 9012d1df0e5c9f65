"""Per-request facts (request id, client IP, user agent, actor) that services and logs read.

Held in context variables so they follow the request through sync and async code alike.
Outside a request (commands, Celery tasks) they are empty and `bind()` can set them.
"""

import contextlib
import contextvars
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RequestContext:
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    ip: str | None = None
    user_agent: str = ""
    actor_id: str | None = None


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar("insurehub_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def set_current(ctx: RequestContext | None) -> contextvars.Token:
    return _current.set(ctx)


def reset(token: contextvars.Token) -> None:
    _current.reset(token)


@contextlib.contextmanager
def bind(**values) -> Iterator[RequestContext]:
    """Run a block (a command, a task) with a request context of its own."""
    ctx = RequestContext(**values)
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)
