from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from insurehub.workflows.models import WorkflowStage


@transaction.atomic
def stage_enter(*, subject: models.Model, stage: str, actor=None, note: str = "") -> WorkflowStage:
    """Close the subject's open stage and open `stage` (same transaction as the change)."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(subject)
    WorkflowStage.objects.filter(content_type=content_type, object_id=str(subject.pk), left_at__isnull=True).update(
        left_at=now
    )
    return WorkflowStage.objects.create(
        content_type=content_type,
        object_id=str(subject.pk),
        stage=stage,
        entered_at=now,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:500],
    )
