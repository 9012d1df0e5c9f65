"""Operational endpoints: liveness, readiness, metrics."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from insurehub.core import health
from insurehub.core.errors import problem
from insurehub.core.metrics import DATABASE_GAUGES


def healthz(request):
    """The process is alive and serving (touches nothing else)."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """Ready to take traffic: the database and the cache answer (503 problem+json with Retry-After
    naming the failing ones otherwise; a cache served from memory while Redis is away is "degraded",
    still ready). It also reports the optional capabilities (virus scanner, OCR engine, task broker,
    channel layer): a missing one is reported, not a failure. In production only their status
    and engine are shown (no versions or addresses)."""
    healthy, report = health.readiness()
    verbose = settings.DEBUG or settings.DJANGO_ENV != "production"
    capabilities = {name: c.as_dict(verbose=verbose) for name, c in health.capabilities().items()}
    if not healthy:
        failing = ", ".join(name for name, check in report.items() if check.get("status") == "error")
        return problem(
            503,
            code="not_ready",
            detail=f"Not ready: {failing} did not answer.",
            extra={"checks": report, "capabilities": capabilities},
            headers={"Retry-After": str(settings.DB_UNAVAILABLE_RETRY_AFTER_SECONDS)},
        )
    return JsonResponse({"status": "ok", "checks": report, "capabilities": capabilities})


def metrics(request):
    """Prometheus text format: the process's counters plus gauges read from the database.
    (Several web workers each expose their own counters; scrape each, or set
    PROMETHEUS_MULTIPROC_DIR for prometheus_client's multiprocess mode.)"""
    body = generate_latest() + generate_latest(DATABASE_GAUGES)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
