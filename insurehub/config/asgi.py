"""ASGI entry point: HTTP through Django, WebSockets through Channels (served by uvicorn)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from insurehub.config.in_process import start_in_process_services  # noqa: E402
from insurehub.config.websocket_urls import websocket_urlpatterns  # noqa: E402
from insurehub.realtime.origin import BrowserOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": BrowserOriginValidator(URLRouter(websocket_urlpatterns)),
    }
)

# Without a broker: the periodic work; in development: the Daraja stand-in (config/in_process.py).
start_in_process_services()
