"""Origin check for WebSockets.

Browsers always send Origin, and a page of another site must not open a socket in a user's
name; so an Origin, when sent, must be one of ALLOWED_HOSTS. Clients that are not browsers
(mobile apps, partner services) send none and authenticate by token like the HTTP API.
"""

from channels.security.websocket import OriginValidator
from django.conf import settings


class BrowserOriginValidator(OriginValidator):
    def __init__(self, application):
        super().__init__(application, settings.ALLOWED_HOSTS)

    def valid_origin(self, parsed_origin):
        if parsed_origin is None:
            return True
        return super().valid_origin(parsed_origin)
