"""Background work: Celery with a broker (CELERY_BROKER_URL), else in-process (insurehub.core.tasks).

Apps add their periodic tasks to CELERY_BEAT_SCHEDULE in their own settings modules."""

from django.core.exceptions import ImproperlyConfigured

from .base import TESTING
from .reader import env

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", None)
# Without a broker, tasks run in-process (eager); services enqueue them on commit either way.
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = TESTING
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A killed worker's tasks come back (issue 14, docs/operations.md): with acks_late a task is
# acknowledged only when it ends, and reject_on_worker_lost requeues one whose worker process died.
# A whole worker lost with its connection: RabbitMQ hands its unacknowledged tasks to another at
# once; Redis (and SQS) only after the visibility timeout, which must exceed the longest task or a
# task still running is handed to a second worker. Tasks are stopped at CELERY_TASK_TIME_LIMIT_SECONDS
# (15 min: the longest is a long scanned document's OCR, which documents may take over after
# DOCUMENTS_PROCESSING_STALE_SECONDS, also 15 min), warned a minute before; the visibility timeout
# is that plus 5 minutes unless CELERY_VISIBILITY_TIMEOUT_SECONDS says otherwise.
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT_SECONDS", 15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = max(1, CELERY_TASK_TIME_LIMIT - 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT_SECONDS", CELERY_TASK_TIME_LIMIT + 5 * 60)
}
if CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT_SECONDS must exceed CELERY_TASK_TIME_LIMIT_SECONDS: a task still running "
        "would be handed to a second worker."
    )
# On losing the broker connection a worker stops its acks_late tasks (the broker hands them out again)
# rather than finishing them a second time alongside another worker.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict = {}
# Without a broker, background work (insurehub.core.tasks) runs in this process: "thread" (a bounded
# queue and a few worker threads, after commit and off the request: the default) or "eager" (inline
# after commit: the default under tests, whose assertions follow the work at once).
TASKS_IN_PROCESS = env.str("TASKS_IN_PROCESS", "eager" if TESTING else "thread")
if TASKS_IN_PROCESS not in {"thread", "eager"}:
    raise ImproperlyConfigured(f"TASKS_IN_PROCESS must be 'thread' or 'eager', not {TASKS_IN_PROCESS!r}.")
TASKS_IN_PROCESS_WORKERS = env.int("TASKS_IN_PROCESS_WORKERS", 4)
TASKS_IN_PROCESS_QUEUE_SIZE = env.int("TASKS_IN_PROCESS_QUEUE_SIZE", 1000)
TASKS_IN_PROCESS_SHUTDOWN_SECONDS = env.float("TASKS_IN_PROCESS_SHUTDOWN_SECONDS", 10.0)
# Without a broker the server process also runs the periodic work (CELERY_BEAT_SCHEDULE) itself.
TASKS_IN_PROCESS_SCHEDULER = env.bool("TASKS_IN_PROCESS_SCHEDULER", CELERY_BROKER_URL is None and not TESTING)
