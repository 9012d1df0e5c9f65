"""The event outbox: every published event is a row written in the publishing transaction,
so it is never lost; after commit it is sent to the channel layer (and, later, to webhooks).
Ids increase, so a client that reconnects with ?since=<id> can be replayed what it missed."""

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
