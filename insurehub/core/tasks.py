"""Enqueueing Celery tasks from services: always after the transaction commits.

With no broker configured (CELERY_TASK_ALWAYS_EAGER), `.delay()` runs the task in-process,
still after commit, so a task never sees data that is rolled back.
"""

from django.db import transaction


def enqueue_on_commit(task, *args, **kwargs) -> None:
    transaction.on_commit(lambda: task.delay(*args, **kwargs))
