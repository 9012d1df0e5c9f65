"""Operational endpoints: liveness, readiness, metrics."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from insurehub.core.metrics import DatabaseGaugesCollector


def healthz(request):
    """The process is alive and serving (touches nothing else)."""
    return JsonResponse({"status": "ok"})


def _check_database() -> dict:
    started = time.perf_counter()
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {
        "status": "ok",
        "vendor": connections["default"].vendor,
        "ms": round((time.perf_counter() - started) * 1000, 2),
    }


def _check_cache() -> dict:
    started = time.perf_counter()
    cache.set("readyz-probe", "1", 5)
    if cache.get("readyz-probe") != "1":
        raise RuntimeError("cache did not return what was written")
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"status": "ok", "backend": backend, "ms": round((time.perf_counter() - started) * 1000, 2)}


READINESS_CHECKS = {"database": _check_database, "cache": _check_cache}


def readyz(request):
    """Ready to take traffic: every dependency answers. 503 with the failing ones otherwise."""
    report, healthy = {}, True
    for name, check in READINESS_CHECKS.items():
        try:
            report[name] = check()
        except Exception as exc:  # a failing dependency is reported, never raised
            healthy = False
            report[name] = {"status": "error", "error": exc.__class__.__name__}
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": report}, status=200 if healthy else 503
    )


_database_gauges = CollectorRegistry()  # no auto-describe: nothing is queried at import time
_database_gauges.register(DatabaseGaugesCollector())


def metrics(request):
    """Prometheus text format: the process's counters plus gauges read from the database.
    (Several web workers each expose their own counters; scrape each, or set
    PROMETHEUS_MULTIPROC_DIR for prometheus_client's multiprocess mode.)"""
    body = generate_latest() + generate_latest(_database_gauges)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
