"""The outbox's figures for /metrics, read from the database at scrape time (cheap indexed queries);
registered with core.metrics.DATABASE_GAUGES in RealtimeConfig.ready()."""

from django.db.models import Min
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from insurehub.realtime.models import OutboxEvent, WebhookDelivery


class OutboxGaugesCollector:
    def collect(self):
        oldest = OutboxEvent.objects.filter(published_at__isnull=True).aggregate(oldest=Min("occurred_at"))["oldest"]
        lag = GaugeMetricFamily(
            "insurehub_outbox_lag_seconds", "Age of the oldest event not yet sent to the channel layer (0 when none)"
        )
        lag.add_metric([], (timezone.now() - oldest).total_seconds() if oldest else 0.0)
        yield lag
        pending = GaugeMetricFamily("insurehub_webhook_deliveries_pending", "Webhook deliveries waiting or retrying")
        pending.add_metric([], WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).count())
        yield pending
