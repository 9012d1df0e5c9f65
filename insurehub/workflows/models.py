"""Stages an object goes through (a policy's lifecycle), with who moved it and when."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from insurehub.core.models import UUIDModel


class WorkflowStage(UUIDModel):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    stage = models.CharField(max_length=32)
    entered_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["entered_at"]
        indexes = [models.Index(fields=["content_type", "object_id", "entered_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(left_at__isnull=True),
                name="workflows_one_open_stage",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id} {self.stage}"
