"""Periodic work without Celery beat: the server process runs settings.CELERY_BEAT_SCHEDULE itself
when there is no broker (TASKS_IN_PROCESS_SCHEDULER).

Each entry is {"task": name, "schedule": seconds | timedelta | celery schedule (crontab), "args",
"kwargs"}; when it is due is decided by Celery's own schedule objects, as beat decides it: the first
run comes one period after start. A due task is handed to the background executor
(core.tasks.enqueue_by_name), so a slow task never holds the scheduler's thread; a task that cannot
be enqueued is logged and tried again at its next period. The periodic tasks are idempotent, so a
second process running the same schedule does no harm.
"""

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from celery import current_app
from celery.schedules import maybe_schedule

from insurehub.core import tasks

logger = logging.getLogger(__name__)


class _Entry:
    def __init__(self, key: str, spec: dict, now: datetime):
        self.key = key
        self.task: str = spec["task"]
        self.schedule = maybe_schedule(spec["schedule"], app=current_app)
        self.args = tuple(spec.get("args", ()))
        self.kwargs = dict(spec.get("kwargs", {}))
        self.last_run_at = now

    def due(self) -> tuple[bool, float]:
        is_due, next_seconds = self.schedule.is_due(self.last_run_at)
        return bool(is_due), float(next_seconds)


class InProcessScheduler:
    def __init__(self, schedule: dict, *, submit: Callable[..., None] = tasks.enqueue_by_name, max_sleep: float = 5):
        now = current_app.now()
        self.entries = [_Entry(key, spec, now) for key, spec in schedule.items()]
        self.submit = submit
        self.max_sleep = max_sleep
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> float:
        """Enqueue every due entry. Returns the seconds until the next one is due."""
        wait = self.max_sleep
        for entry in self.entries:
            is_due, next_seconds = entry.due()
            if is_due:
                entry.last_run_at = current_app.now()
                try:
                    self.submit(entry.task, *entry.args, **entry.kwargs)
                except Exception:
                    logger.exception("periodic task %s could not be enqueued", entry.task, extra={"task": entry.task})
            wait = min(wait, next_seconds)
        return max(0.05, wait)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="insurehub-scheduler", daemon=True)
        self._thread.start()
        logger.info("in-process scheduler started: %s", ", ".join(e.key for e in self.entries))

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                wait = self.tick()
            except Exception:  # a broken entry must not stop the others for good
                logger.exception("in-process scheduler tick failed")
                wait = self.max_sleep
            self._stop.wait(wait)

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None


_scheduler: InProcessScheduler | None = None
_lock = threading.Lock()


def start_scheduler(schedule: dict) -> InProcessScheduler:
    """Start this process's scheduler once (later calls return the running one)."""
    global _scheduler
    with _lock:
        if _scheduler is None:
            _scheduler = InProcessScheduler(schedule)
            _scheduler.start()
        return _scheduler
