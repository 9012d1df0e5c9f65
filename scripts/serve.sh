#!/usr/bin/env bash
# The one way InsureHub's server is started: `make run`, scripts/e2e-server.sh, the Dockerfile's CMD,
# the tests that start a real server and bench/ all run this script.
#
# One uvicorn process (or WORKERS of them) on one port serves everything (insurehub/config/asgi.py):
# `/ws/` WebSockets through Channels on the event loop, every HTTP request through Django's WSGI
# handler on one of THREADS threads (one thread hop per request; bench/bench_serving.py measures it
# against Django's ASGI handler, gunicorn gthread and granian).
#
# Environment (all optional):
#   PORT              port to listen on (8000)
#   HOST              address to listen on (127.0.0.1; the image sets 0.0.0.0)
#   WORKERS           server processes (1). In development keep 1: the process also runs the Daraja
#                     stand-in and, without a broker, the periodic tasks (once per process).
#   THREADS           HTTP request threads per process (HTTP_THREADS, default 8; keep it at most
#                     DB_POOL_MAX_SIZE, the database connections each process holds)
#   ACCESS_LOG        0: no access log line per request, neither uvicorn's nor the application's
#                     (1 by default; read by the settings too, config/settings/observability.py)
#   INSUREHUB_PYTHON  the interpreter (.venv/bin/python when present, else python)
#   WS_DEFLATE        1: compress WebSocket frames (permessage-deflate). Off by default: the events are
#                     small JSON frames, and compressing each one for each socket was about 40% of the
#                     server's CPU when fanning out to 500 sockets (docs/realtime.md).
#   FORWARDED_ALLOW_IPS  the proxies whose X-Forwarded-For/-Proto are believed (uvicorn reads it;
#                     127.0.0.1 unless set; never "*": docs/operations.md)
# Further arguments are passed to uvicorn. The script execs the server: signals (Ctrl-C, SIGTERM)
# reach it directly.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${INSUREHUB_PYTHON:-}"
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python; fi
fi
if [ -n "${THREADS:-}" ]; then export HTTP_THREADS="$THREADS"; fi
access_log=()
if [ "${ACCESS_LOG:-1}" = "0" ]; then access_log=(--no-access-log); fi

exec "$python" -m uvicorn insurehub.config.asgi:application \
    --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" --workers "${WORKERS:-1}" \
    --proxy-headers --no-server-header --ws-per-message-deflate "${WS_DEFLATE:-0}" "${access_log[@]}" "$@"
