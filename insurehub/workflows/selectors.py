from django.contrib.contenttypes.models import ContentType
from django.db import models

from insurehub.workflows.models import WorkflowStage


def stages_for(subject: models.Model):
    return WorkflowStage.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=str(subject.pk)
    ).order_by("entered_at")
