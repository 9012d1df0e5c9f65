"""Operational endpoints: liveness, readiness, metrics."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from insurehub.core import health
from insurehub.core.metrics import DatabaseGaugesCollector


def healthz(request):
    """The process is alive and serving (touches nothing else)."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """Ready to take traffic: the database and the cache answer (503 naming the failing ones
    otherwise). It also reports the optional capabilities (virus scanner, OCR engine, task broker,
    channel layer): a missing one is reported, not a failure. In production only their status
    and engine are shown (no versions or addresses)."""
    healthy, report = health.readiness()
    verbose = settings.DEBUG or settings.DJANGO_ENV != "production"
    capabilities = {name: c.as_dict(verbose=verbose) for name, c in health.capabilities().items()}
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": report, "capabilities": capabilities},
        status=200 if healthy else 503,
    )


_database_gauges = CollectorRegistry()  # no auto-describe: nothing is queried at import time
_database_gauges.register(DatabaseGaugesCollector())


def metrics(request):
    """Prometheus text format: the process's counters plus gauges read from the database.
    (Several web workers each expose their own counters; scrape each, or set
    PROMETHEUS_MULTIPROC_DIR for prometheus_client's multiprocess mode.)"""
    body = generate_latest() + generate_latest(_database_gauges)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
