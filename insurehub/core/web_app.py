"""The web application (web/, built into web/dist by `make web`) served by this server at `/`.

- Its hashed files (`/assets/*.js|css|woff2`, `/favicon.svg`) come from WhiteNoise, which serves
  WEB_DIST_DIR at the site root (WHITENOISE_ROOT); `/assets/` is cached for a year
  (WHITENOISE_IMMUTABLE_FILE_TEST).
- Every other path that is not the API's, the admin's, a static file's, the socket's or an ops
  endpoint's is a client route (`/claims/<id>`...): `index` answers it with the app's index.html,
  so a deep link survives a reload. It also sets the CSRF cookie the session endpoints need, and
  its own Content-Security-Policy: only this origin, plus a per-answer nonce for the <style>
  elements that libraries add at run time (Radix's scroll lock reads it from <meta name=csp-nonce>),
  and its own Permissions-Policy: as the API's (no camera, microphone or payment), except that
  this origin may ask for the device's position ("use my location" when reporting a claim).
- When web/dist has not been built, `/` explains how to build it instead of answering 404.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe

__all__ = ["APP_PERMISSIONS", "CLIENT_ROUTE", "app_policy", "index"]

# The browser features the app's pages may use: the position, on this origin only, when the user
# agrees (the claim wizard's "use my location"); nothing else.
APP_PERMISSIONS = "camera=(), microphone=(), geolocation=(self), payment=()"

NONCE_PLACEHOLDER = "__CSP_NONCE__"

# Paths the app never owns: the API (its unknown paths are problem+json 404s), the admin, static
# and media files, the WebSocket, WhiteNoise's /assets/, the ops endpoints, and anything that looks
# like a file (a missing /favicon.ico is a 404, not the app's HTML).
CLIENT_ROUTE = (
    r"^(?!(?:api|admin|static|media|ws|assets)(?:/|$))"
    r"(?!(?:healthz|readyz|metrics)$)"
    r"(?!.*\.[A-Za-z0-9]{1,8}/?$)"
    r".*$"
)

NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>InsureHub: web application not built</title></head>
<body><main>
<h1>The web application has not been built</h1>
<p>Run <code>make web</code> (or <code>make run</code>, which builds it when its sources change) in the
repository, then reload this page. It needs Node.js 20 or newer.</p>
<p>The API answers meanwhile: <a href="/api/docs/">API documentation</a>.</p>
</main></body></html>
"""


# A real card provider's hosted field runs the provider's script in the provider's frames: its
# origins, and only when that provider is the configured one (settings.CARD_PROVIDER). With the
# development sandbox, nothing leaves this origin.
CARD_PROVIDER_ORIGINS: dict[str, dict[str, tuple[str, ...]]] = {
    "stripe": {
        "script-src": ("https://js.stripe.com",),
        "frame-src": ("https://js.stripe.com", "https://hooks.stripe.com"),
        "connect-src": ("https://api.stripe.com",),
    },
}


def app_policy(nonce: str) -> str:
    """Only this origin: scripts as files, styles as files or with this answer's nonce, the API and
    the event socket on this host, no plugins. Frames only of this origin and of blob: URLs the app
    made itself (a document's or a report's PDF previewed from its authenticated download). A real
    card provider, when configured, adds its own origins (CARD_PROVIDER_ORIGINS)."""
    card = CARD_PROVIDER_ORIGINS.get(getattr(settings, "CARD_PROVIDER", ""), {})

    def provider_origins(directive: str) -> str:
        return "".join(f" {origin}" for origin in card.get(directive, ()))

    return (
        f"default-src 'self'; script-src 'self'{provider_origins('script-src')}; "
        f"style-src 'self' 'nonce-{nonce}'; img-src 'self' data: blob:; font-src 'self'; "
        f"connect-src 'self'{provider_origins('connect-src')}; worker-src 'self' blob:; "
        f"frame-src 'self' blob:{provider_origins('frame-src')}; object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )


_cache: dict[Path, tuple[float, str]] = {}


def _index_html() -> str | None:
    path = Path(settings.WEB_DIST_DIR) / "index.html"
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime:
        cached = (mtime, path.read_text(encoding="utf-8"))
        _cache[path] = cached
    return cached[1]


@require_safe
@ensure_csrf_cookie
def index(request, *args, **kwargs):
    html = _index_html()
    nonce = secrets.token_urlsafe(18)
    if html is None:
        response = HttpResponse(NOT_BUILT, status=503, content_type="text/html; charset=utf-8")
    else:
        response = HttpResponse(html.replace(NONCE_PLACEHOLDER, nonce), content_type="text/html; charset=utf-8")
    # The page names hashed files of one build and carries a fresh nonce: never cache it.
    add_never_cache_headers(response)
    response["Content-Security-Policy"] = app_policy(nonce)
    response["Permissions-Policy"] = APP_PERMISSIONS
    return response
