"""Prometheus metrics shared by the whole process. Scraped at /metrics."""

from prometheus_client import Counter, Gauge, Histogram

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


class DatabaseGaugesCollector:
    """Figures read from the database at scrape time (cheap indexed queries)."""

    def collect(self):
        from django.db.models import Min
        from django.utils import timezone
        from prometheus_client.core import GaugeMetricFamily

        from insurehub.realtime.models import OutboxEvent, WebhookDelivery

        oldest = OutboxEvent.objects.filter(published_at__isnull=True).aggregate(oldest=Min("occurred_at"))["oldest"]
        lag = GaugeMetricFamily(
            "insurehub_outbox_lag_seconds", "Age of the oldest event not yet sent to the channel layer (0 when none)"
        )
        lag.add_metric([], (timezone.now() - oldest).total_seconds() if oldest else 0.0)
        yield lag
        pending = GaugeMetricFamily("insurehub_webhook_deliveries_pending", "Webhook deliveries waiting or retrying")
        pending.add_metric([], WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).count())
        yield pending
