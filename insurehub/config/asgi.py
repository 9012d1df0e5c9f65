"""The application the shipped server runs (scripts/serve.sh starts uvicorn on it): one process, one port.

- `websocket` scopes (`/ws/`) go to Channels, on the event loop;
- `http` scopes go to Django's WSGI handler, each request run whole on one thread of a bounded pool of
  HTTP_THREADS (config/wsgi_bridge.py): one thread hop per request. Under Django's ASGI handler every
  sync middleware and view hopped threads on its own (13-14 hops, about 8 ms of CPU for a view that
  costs 1 ms under WSGI; issue 16, measured side by side with gunicorn gthread, granian and a2wsgi in
  bench/bench_serving.py).

The in-memory channel layer (development, no Redis) keeps working: HTTP threads hand committed events
to this process's event stream (realtime/stream.py), whose sockets live on the same loop.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
django_wsgi_app = get_wsgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402

from insurehub.config.in_process import start_in_process_services  # noqa: E402
from insurehub.config.websocket_urls import websocket_urlpatterns  # noqa: E402
from insurehub.config.wsgi_bridge import WSGIBridge  # noqa: E402
from insurehub.realtime.origin import BrowserOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": WSGIBridge(django_wsgi_app, threads=settings.HTTP_THREADS),
        "websocket": BrowserOriginValidator(URLRouter(websocket_urlpatterns)),
    }
)

# Without a broker: the periodic work; in development: the Daraja stand-in (config/in_process.py).
start_in_process_services()
