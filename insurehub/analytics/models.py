"""What users do, for product analytics (who uses what, when). Not the audit log: this one
is for counting and may be pruned; the audit log is evidence and is never changed."""

from django.conf import settings
from django.db import models


class UserActivity(models.Model):
    id = models.BigAutoField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities")
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(db_index=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"]), models.Index(fields=["action", "at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} @ {self.at:%Y-%m-%d %H:%M}"
