"""Celery application. Without CELERY_BROKER_URL, tasks run eagerly in-process."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")

# Every task retries a deadlock or serialization failure (insurehub/core/tasks.py ConflictRetryingTask).
app = Celery("insurehub", task_cls="insurehub.core.tasks:ConflictRetryingTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_success.connect
def _count_success(sender=None, **kwargs):
    from insurehub.core.metrics import CELERY_TASKS

    CELERY_TASKS.labels(sender.name if sender else "unknown", "success").inc()


@signals.task_failure.connect
def _count_failure(sender=None, **kwargs):
    from insurehub.core.metrics import CELERY_TASKS

    CELERY_TASKS.labels(sender.name if sender else "unknown", "failure").inc()


@signals.task_retry.connect
def _count_retry(sender=None, **kwargs):
    from insurehub.core.metrics import CELERY_TASKS

    CELERY_TASKS.labels(getattr(sender, "name", "unknown"), "retry").inc()
