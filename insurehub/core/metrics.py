"""Prometheus metrics shared by the whole process. Scraped at /metrics."""

from prometheus_client import Counter, Histogram

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
