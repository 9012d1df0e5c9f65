"""The shipped server's HTTP path (config/wsgi_bridge.py): a WSGI application on a bounded set of
threads behind an ASGI server, driven here with ASGI messages directly."""

import asyncio
import threading
import time

from insurehub.config.wsgi_bridge import WSGIBridge


def _scope(method: str = "GET", path: str = "/x", headers=()) -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"a=1",
        "root_path": "",
        "headers": list(headers),
        "client": ("203.0.113.9", 5000),
        "server": ("127.0.0.1", 8000),
    }


def _call(bridge: WSGIBridge, scope: dict, body: bytes = b"") -> list[dict]:
    sent: list[dict] = []
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    asyncio.run(bridge(scope, receive, send))
    return sent


class _Body(list):
    """A non-streaming body that records where it was closed (Django: request_finished)."""

    streaming = False
    closed_on = None

    def close(self):
        type(self).closed_on = threading.current_thread().name


def test_a_plain_response_is_collected_on_a_request_thread_and_sent_once_with_the_environ_filled():
    seen = {}

    def app(environ, start_response):
        seen.update(environ, thread=threading.current_thread().name)
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-One", "1")])
        return _Body([b"hello ", b"", b"world"])

    sent = _call(WSGIBridge(app, threads=2), _scope(headers=[(b"x-forwarded-proto", b"https")]))
    assert sent == [
        {"type": "http.response.start", "status": 201, "headers": [(b"content-type", b"text/plain"), (b"x-one", b"1")]},
        {"type": "http.response.body", "body": b"hello world"},
    ]
    assert seen["thread"].startswith("http") and _Body.closed_on == seen["thread"]
    assert seen["REMOTE_ADDR"] == "203.0.113.9"  # the address uvicorn resolved (FORWARDED_ALLOW_IPS)
    assert (seen["PATH_INFO"], seen["QUERY_STRING"], seen["REQUEST_METHOD"]) == ("/x", "a=1", "GET")
    assert seen["HTTP_X_FORWARDED_PROTO"] == "https"


def test_a_streaming_response_goes_chunk_by_chunk_and_the_request_body_is_read_when_asked():
    def app(environ, start_response):
        body = environ["wsgi.input"].read()
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return (part for part in (body, b"-", body.upper()))

    sent = _call(WSGIBridge(app, threads=1), _scope(method="POST"), body=b"abc")
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 200
    assert [m["body"] for m in sent[1:]] == [b"abc", b"-", b"ABC", b""]
    assert [m.get("more_body", False) for m in sent[1:]] == [True, True, True, False]


def test_at_most_threads_requests_run_at_once():
    running, most, lock = [0], [0], threading.Lock()

    def app(environ, start_response):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        start_response("200 OK", [])
        return [b"ok"]

    bridge = WSGIBridge(app, threads=3)

    async def many():
        async def one():
            sent = []

            async def receive():
                return {"type": "http.request", "body": b"", "more_body": False}

            async def send(message):
                sent.append(message)

            await bridge(_scope(), receive, send)
            return sent[-1]["body"]

        return await asyncio.gather(*(one() for _ in range(12)))

    assert asyncio.run(many()) == [b"ok"] * 12
    assert 1 <= most[0] <= 3
