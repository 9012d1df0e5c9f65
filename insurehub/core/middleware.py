"""Request-scoped middleware: request ids and logs, metrics, optional trailing slash."""

import logging
import re
import time
import uuid

from django.urls import Resolver404, resolve
from django.utils.functional import SimpleLazyObject, empty

from insurehub.core import metrics, request_context
from insurehub.core.client_address import client_ip
from insurehub.core.errors import dependency_failure, dependency_problem

access_log = logging.getLogger("insurehub.access")

_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


def _user_id(request) -> str | None:
    """The user the request already knows; never looked up for the log line (with the database
    away, a lookup here would wait for it a second time)."""
    user = getattr(request, "user", None)
    # _wrapped: the lazy object's own slot (not in the stubs); `empty` until first used.
    if isinstance(user, SimpleLazyObject) and user._wrapped is empty:  # type: ignore[attr-defined]
        return None
    return str(getattr(user, "pk", "") or "") or None


class RequestContextMiddleware:
    """Gives every request an id (an incoming X-Request-ID is kept when well-formed),
    binds it for logs and audit entries, echoes it back and writes one JSON access line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        ctx = request_context.RequestContext(
            request_id=request_id,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:512],
        )
        request.request_id = request_id
        token = request_context.set_current(ctx)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            access_log.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "user_id": _user_id(request),
                },
            )
            return response
        finally:
            request_context.reset(token)


class DependencyFailureMiddleware:
    """A plain Django view (not DRF's, whose handler does the same) that failed because the database
    was unavailable, hung or timed out answers 503 problem+json with Retry-After instead of a 500.
    What a middleware raises so reaches handler500, which answers the same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        kind = dependency_failure(exception)
        return dependency_problem(kind, exception) if kind else None


class MetricsMiddleware:
    """Counts requests and their latency per route template (never per raw path)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        route = match.route if match and match.url_name != "api-not-found" else "unmatched"
        metrics.HTTP_REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        metrics.HTTP_LATENCY.labels(request.method, route).observe(time.perf_counter() - started)
        return response


def _resolves(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name != "api-not-found"


class OptionalTrailingSlashMiddleware:
    """`/api/claims` serves the same view as `/api/claims/`, without a redirect (which would
    drop a POST body)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not path.endswith("/") and not _resolves(path) and _resolves(path + "/"):
            request.path_info = path + "/"
            request.path = request.path + "/"
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy on every answer: the API serves JSON and files, so nothing may run or
    be framed. The admin and the API docs (Swagger UI, ReDoc) load everything from this server and
    nothing from any other origin: scripts only as files, never inline (Swagger UI's start-up script
    is served by the split view); styles may be inline (Swagger UI's page, ReDoc's styled components,
    one admin page); images may be data: URIs (Swagger UI's icons); ReDoc's search runs in a worker
    built from a blob: URL. The web application's pages (core/web_app.py) set their own, stricter
    policy (this origin only, styles with a per-answer nonce), which is kept. Referrer and permissions
    policies tightened; no Server header is added by Django (uvicorn runs with --no-server-header)."""

    API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    UI_POLICY = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
    UI_PATHS = ("/api/docs/", "/api/redoc/", "/admin/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        ui = request.path.startswith(self.UI_PATHS)
        response.setdefault("Content-Security-Policy", self.UI_POLICY if ui else self.API_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
