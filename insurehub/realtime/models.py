"""The event outbox: every published event is a row written in the publishing transaction,
so it is never lost; after commit it is sent to the channel layer (and, later, to webhooks).
Ids increase, so a client that reconnects with ?since=<id> can be replayed what it missed."""

import uuid

from django.db import models


class OutboxEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    type = models.CharField(max_length=64, db_index=True)
    occurred_at = models.DateTimeField(db_index=True)
    data = models.JSONField(default=dict)
    # Channel-layer groups that may receive it, e.g. ["user.<uuid>", "department.motor", "claim.<uuid>"].
    audience = models.JSONField(default=list)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["published_at", "id"], name="realtime_outbox_pending")]

    def __str__(self) -> str:
        return f"#{self.id} {self.type}"

    def envelope(self) -> dict:
        return {"id": self.id, "type": self.type, "occurred_at": self.occurred_at.isoformat(), "data": self.data}


class WebhookSubscription(models.Model):
    """A partner endpoint (garage network, broker, data warehouse) and the event types it wants."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=120)
    url = models.URLField(max_length=500)
    secret = models.CharField(max_length=128)
    # Event types wanted, e.g. ["claim.status_changed", "payment.*"]; ["*"] for all.
    event_types = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event_type: str) -> bool:
        for pattern in self.event_types:
            if pattern == "*" or pattern == event_type:
                return True
            if pattern.endswith(".*") and event_type.startswith(pattern[:-1]):
                return True
        return False


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed (gave up)"

    id = models.BigAutoField(primary_key=True)
    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(OutboxEvent, on_delete=models.CASCADE, related_name="+")
    # Deliveries with the same key (the claim) go out in event order; "" means no ordering constraint.
    ordering_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    replay = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["subscription", "status", "event"], name="realtime_delivery_queue")]

    def __str__(self) -> str:
        return f"delivery {self.id} of event {self.event_id} to {self.subscription_id}"
