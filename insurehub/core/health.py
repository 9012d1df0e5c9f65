"""What /readyz and the start-up banner report: readiness, and the optional capabilities.

Readiness (database, cache) decides whether a process takes traffic: either failing is a 503.
Capabilities (virus scanner, OCR engine, task broker, channel layer) are optional: a missing one is
reported with what it means and the one thing to do, never a failure. Apps register their probes
in `AppConfig.ready()`; probes run at most once every CAPABILITY_CACHE_SECONDS per process (and
again when a setting changes), so /readyz stays fast.

A capability's status is one of
    live      a real service or program answers (clamd, clamscan with signatures, tesseract, a broker, Redis)
    embedded  the in-process stand-in of the embedded default (tasks in this process, in-memory channel layer)
    missing   not installed or not configured
    error     configured or installed, but it does not work (clamd not answering, no signature database)
"""

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connections
from django.dispatch import receiver

from insurehub.core import resilient_cache

CAPABILITY_CACHE_SECONDS = 30.0
BROKER_CONNECT_TIMEOUT_SECONDS = 0.5
DEFAULT_PORTS = {"redis": 6379, "rediss": 6379, "amqp": 5672, "amqps": 5671, "pyamqp": 5672}


@dataclass(frozen=True)
class Capability:
    status: str  # live, embedded, missing, error
    engine: str  # clamd, clamscan, tesseract, celery, in-process, redis, in-memory, none
    detail: str = ""  # versions, databases, where it points (never credentials)
    hint: str = ""  # what happens without it, and the one thing to do

    def as_dict(self, *, verbose: bool) -> dict:
        return asdict(self) if verbose else {"status": self.status, "engine": self.engine}


# --- readiness -------------------------------------------------------------------------------


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
    report = {"status": "ok", "backend": backend, "ms": round((time.perf_counter() - started) * 1000, 2)}
    # Redis away: the cache is served from this process's memory (core/resilient_cache.py). Still
    # ready, since requests are served; reported, so that the outage shows.
    outage = resilient_cache.outage_seconds(settings.CACHES["default"].get("LOCATION", ""))
    if outage is not None:
        report.update(status="degraded", outage_seconds=round(outage, 1))
    return report


READINESS_CHECKS = {"database": _check_database, "cache": _check_cache}


def readiness() -> tuple[bool, dict]:
    """Every readiness check, run now: (all ok, report). A failing one is reported, never raised."""
    report, healthy = {}, True
    for name, check in READINESS_CHECKS.items():
        try:
            report[name] = check()
        except Exception as exc:
            healthy = False
            report[name] = {"status": "error", "error": exc.__class__.__name__}
    return healthy, report


# --- capabilities ----------------------------------------------------------------------------

_probes: dict[str, tuple[str, Callable[[], Capability]]] = {}
_cached: tuple[float, dict[str, Capability]] | None = None
_lock = threading.Lock()


def register(name: str, probe: Callable[[], Capability], *, label: str) -> None:
    """Add (or replace) a capability probe; `label` is how the banner names it."""
    _probes[name] = (label, probe)
    clear_cache()


def unregister(name: str) -> None:
    _probes.pop(name, None)
    clear_cache()


def labels() -> dict[str, str]:
    return {name: label for name, (label, _) in _probes.items()}


def clear_cache() -> None:
    global _cached
    _cached = None


@receiver(setting_changed)
def _settings_changed(**kwargs) -> None:
    clear_cache()


def capabilities() -> dict[str, Capability]:
    """Each registered capability, probed at most once every CAPABILITY_CACHE_SECONDS."""
    global _cached
    with _lock:
        if _cached is not None and time.monotonic() - _cached[0] < CAPABILITY_CACHE_SECONDS:
            return _cached[1]
        report = {}
        for name, (_, probe) in _probes.items():
            try:
                report[name] = probe()
            except Exception as exc:  # a probe that breaks is reported, never raised
                report[name] = Capability("error", "unknown", f"the probe failed: {exc.__class__.__name__}")
        _cached = (time.monotonic(), report)
        return report


def _where(url: str) -> str:
    """scheme://host:port of a service URL, without credentials, path or query."""
    parts = urlsplit(url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    return f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port else "")


def _answers(url: str) -> bool | None:
    """Whether something accepts a TCP connection at the URL's host and port (None: not a TCP URL)."""
    parts = urlsplit(url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    if not parts.hostname or not port:
        return None
    try:
        with socket.create_connection((parts.hostname, port), timeout=BROKER_CONNECT_TIMEOUT_SECONDS):
            return True
    except OSError:
        return False


def task_broker() -> Capability:
    url = settings.CELERY_BROKER_URL
    if not url:
        return Capability(
            "embedded",
            "in-process",
            "no CELERY_BROKER_URL: jobs run in this process after their transaction commits",
            "for production set CELERY_BROKER_URL and run workers and one beat",
        )
    where = _where(url)
    if _answers(url) is False:
        return Capability(
            "error", "celery", f"broker {where} does not answer", "jobs cannot be queued until the broker is back"
        )
    return Capability("live", "celery", f"broker {where}")


def channel_layer() -> Capability:
    layer: dict[str, Any] = settings.CHANNEL_LAYERS["default"]
    if layer["BACKEND"].endswith("InMemoryChannelLayer"):
        return Capability(
            "embedded",
            "in-memory",
            "live events reach the WebSockets of this process only",
            "for several processes set REDIS_URL",
        )
    hosts = layer.get("CONFIG", {}).get("hosts") or []
    url = hosts[0] if hosts and isinstance(hosts[0], str) else ""
    engine = "redis" if "redis" in layer["BACKEND"].lower() else layer["BACKEND"].rsplit(".", 1)[-1]
    if url and _answers(url) is False:
        return Capability("error", engine, f"{_where(url)} does not answer", "live events are not delivered")
    return Capability("live", engine, _where(url) if url else "")


register("task_broker", task_broker, label="task broker")
register("channel_layer", channel_layer, label="channel layer")
