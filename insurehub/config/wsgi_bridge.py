"""A WSGI application served from an ASGI server with one thread hop per request (config/asgi.py).

Each HTTP request runs whole on one thread of a bounded pool: Django's WSGI handler, every middleware,
the view and the response's close() (request_finished: the database connection goes back to its pool
from the thread that used it). A response that is not streaming (`streaming` is false: Django's
HttpResponse, the API's JSON) is collected in that thread and sent from the event loop once the thread
is done, so the request costs one hop there and one back. A streaming response (files, exports) is sent
chunk by chunk as the thread produces it. The request body is read from the loop only when the
application reads it (a2wsgi's Body; a2wsgi's own responder hops back to the loop for every message).

Measured against a2wsgi's responder, gunicorn gthread and granian in bench/bench_serving.py.
"""

import asyncio
import contextvars
import logging
import sys
from concurrent.futures import ThreadPoolExecutor

from a2wsgi.wsgi import Body, build_environ

logger = logging.getLogger(__name__)

__all__ = ["WSGIBridge"]


class _Exchange:
    """One request's response, as start_response and the body's chunks give it (in the thread)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, send):
        self.loop = loop
        self.send_from_loop = send
        self.status = 500
        self.headers: list[tuple[bytes, bytes]] = []
        self.started = False  # the start message was sent (streaming)
        self.chunks: list[bytes] = []

    def start_response(self, status: str, headers, exc_info=None):
        if exc_info is not None and self.started:
            raise exc_info[1].with_traceback(exc_info[2])
        self.status = int(status.split(" ", 1)[0])
        self.headers = [(name.strip().lower().encode("latin1"), value.encode("latin1")) for name, value in headers]
        return self.write

    def write(self, chunk: bytes) -> None:
        """The legacy write() callable, and each chunk of a streaming body: sent as it comes."""
        self._send({"type": "http.response.body", "body": chunk, "more_body": True})

    def _send(self, message: dict) -> None:
        if not self.started:
            self.started = True
            self._send_now({"type": "http.response.start", "status": self.status, "headers": self.headers})
        self._send_now(message)

    def _send_now(self, message: dict) -> None:
        asyncio.run_coroutine_threadsafe(self.send_from_loop(message), self.loop).result()

    def run(self, app, environ: dict) -> None:
        """In the thread: the application, its body collected (or streamed), then its close()."""
        iterable = app(environ, self.start_response)
        try:
            if getattr(iterable, "streaming", True) and not isinstance(iterable, list | tuple):
                for chunk in iterable:
                    if chunk:
                        self.write(chunk)
                if self.started:
                    self._send_now({"type": "http.response.body", "body": b""})
            else:
                self.chunks = [chunk for chunk in iterable if chunk]
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()


class WSGIBridge:
    """An ASGI application (http scopes) running `app` on at most `threads` threads."""

    def __init__(self, app, *, threads: int):
        self.app = app
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="http")

    async def __call__(self, scope: dict, receive, send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"WSGIBridge serves http, not {scope['type']}")
        loop = asyncio.get_running_loop()
        environ = build_environ(scope, Body(loop, receive))  # type: ignore[arg-type]
        environ["wsgi.errors"] = sys.stderr
        exchange = _Exchange(loop, send)
        context = contextvars.copy_context()
        await loop.run_in_executor(self.executor, context.run, exchange.run, self.app, environ)
        if not exchange.started:
            await send({"type": "http.response.start", "status": exchange.status, "headers": exchange.headers})
            await send({"type": "http.response.body", "body": b"".join(exchange.chunks)})
