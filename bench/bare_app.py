"""The bare apps bench/table.py measures the shipped server against: a constant JSON body for any path,
no framework, served by the same server software as the shipped one, on the same box and client in the
same run.

    gunicorn -k gthread -w 2 --threads 4 bench.bare_app:wsgi      # the WSGI floor
    uvicorn --workers 2 bench.bare_app:asgi                        # the ASGI floor
"""

BODY = b'{"status":"ok"}'
HEADERS = [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))]


def wsgi(environ, start_response):
    """Any request: 200 and the constant body."""
    start_response("200 OK", HEADERS)
    return [BODY]


async def asgi(scope, receive, send):
    """Any HTTP request: 200 and the constant body (lifespan acknowledged, other scopes refused)."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(name.lower().encode(), value.encode()) for name, value in HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": BODY})
