"""Prometheus metrics shared by the whole process. Scraped at /metrics."""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "insurehub_http_requests_total", "HTTP requests by method, route and status", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "insurehub_http_request_duration_seconds",
    "HTTP request latency by method and route",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
AUDIT_EVENTS = Counter("insurehub_audit_events_total", "Audit events written", ["action"])
LOGIN_FAILURES = Counter("insurehub_login_failures_total", "Failed login attempts", ["reason"])

WEBSOCKET_CONNECTIONS = Gauge("insurehub_websocket_connections", "Open WebSocket connections in this process")
CELERY_TASKS = Counter("insurehub_celery_tasks_total", "Celery task outcomes", ["task", "outcome"])
DOCUMENT_SCANS = Counter("insurehub_document_scans_total", "Virus scan results", ["result"])
INTEGRATION_BREAKER_OPEN = Gauge(
    "insurehub_integration_breaker_open", "1 while a provider's circuit breaker is open", ["provider"]
)
CACHE_FALLBACK_OPERATIONS = Counter(
    "insurehub_cache_fallback_operations_total",
    "Cache operations served from this process's memory while Redis was unreachable",
    ["operation"],
)


# Gauges read from the database at scrape time: the apps that own the tables register their
# collectors here (realtime: the outbox's lag and pending webhooks). No auto-describe: nothing is
# queried at import time.
DATABASE_GAUGES = CollectorRegistry(auto_describe=False)

DB_CONFLICTS = Counter(
    "insurehub_db_conflicts_total",
    "Deadlocks and serialization failures by kind and outcome (retried, gave_up)",
    ["kind", "outcome"],
)
