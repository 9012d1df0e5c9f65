"""Background work from services: always after the transaction commits, never inside the request.

Where a task runs is decided when the transaction commits:
- a broker is configured (CELERY_BROKER_URL): `task.delay()`, Celery workers run it;
- no broker, TASKS_IN_PROCESS="thread" (the default in development and production): the task's
  name and arguments go to a bounded queue served by a few worker threads of this process (started
  on first use). The response does not wait for it: a provider that hangs holds a worker, not a
  request. Each task runs in its own database connection, closed afterwards; an exception is
  logged, never raised; on shutdown the queue is drained for TASKS_IN_PROCESS_SHUTDOWN_SECONDS;
- TASKS_IN_PROCESS="eager" (the default under tests): inline, right after the commit.

A task that calls outside providers says so (`@shared_task(calls_providers=True)`) when a periodic
job finishes whatever it leaves undone; inside `providers_deferred()` (seed_demo) such tasks are not
run at all, so nothing waits on a provider, and that periodic job picks them up later.

A task enqueued in a transaction that rolls back (or in a savepoint rolled back) never runs: it
is registered with `transaction.on_commit`. In "thread" and "eager" modes tasks run as Celery's
`apply()` runs them (`request.is_eager` is true, so they do not schedule their own retries: the
periodic jobs, e.g. integrations' retry_unfinished, pick up what is left unfinished).
"""

import atexit
import contextlib
import contextvars
import logging
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from celery import Task, current_app
from django.conf import settings
from django.db import connections, transaction

from insurehub.core import request_context
from insurehub.core.db import is_conflict, retry_on_conflict

logger = logging.getLogger(__name__)

THREAD, EAGER, CELERY = "thread", "eager", "celery"


class ConflictRetryingTask(Task):
    """The base of every task (config/celery.py). A deadlock or serialization failure runs the task
    again at once, bounded (core.db.retry_on_conflict: the whole task, which is one or more whole
    transactions; tasks are idempotent). When those attempts are spent, a task on a Celery worker is
    retried later (up to CONFLICT_TASK_RETRIES times); one run in-process fails (logged) and is left
    to its periodic job, as any failure is."""

    CONFLICT_TASK_RETRIES = 5

    def __call__(self, *args, **kwargs):
        run = super().__call__
        try:
            return retry_on_conflict(lambda: run(*args, **kwargs), label=self.name)
        except Exception as exc:
            request = self.request
            on_worker = not request.is_eager and not request.called_directly
            if is_conflict(exc) and on_worker and request.retries < self.CONFLICT_TASK_RETRIES:
                retry = self.retry(exc=exc, countdown=2**request.retries, max_retries=self.CONFLICT_TASK_RETRIES)
                raise retry from exc
            raise


def tasks_mode() -> str:
    """ "celery" with a broker, else the configured in-process mode ("thread" or "eager")."""
    if settings.CELERY_BROKER_URL:
        return CELERY
    return THREAD if settings.TASKS_IN_PROCESS == THREAD else EAGER


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Run `task(*args, **kwargs)` in the background once the current transaction commits
    (at once outside a transaction). Arguments are ids and plain values."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))


_providers_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "insurehub_providers_deferred", default=False
)


@contextlib.contextmanager
def providers_deferred() -> Iterator[None]:
    """Within the block, tasks marked `calls_providers` are left to their periodic retry job."""
    token = _providers_deferred.set(True)
    try:
        yield
    finally:
        _providers_deferred.reset(token)


def enqueue(task, *args, **kwargs) -> None:
    """Run `task` in the background now (a caller outside any transaction, e.g. the scheduler)."""
    if _providers_deferred.get() and getattr(task, "calls_providers", False):
        logger.info("%s deferred to its periodic retry (providers deferred)", task.name, extra={"task": task.name})
        return
    mode = tasks_mode()
    if mode == THREAD:
        executor().submit(task.name, args, kwargs)
    else:
        task.delay(*args, **kwargs)


def task_by_name(name: str):
    """The registered task called `name`. Celery finds the apps' tasks modules lazily (a worker
    imports them at start-up): a name not registered yet makes it import them now."""
    try:
        return current_app.tasks[name]
    except KeyError:
        current_app.loader.import_default_modules()
        return current_app.tasks[name]


def enqueue_by_name(name: str, *args, **kwargs) -> None:
    enqueue(task_by_name(name), *args, **kwargs)


@dataclass
class _Job:
    name: str
    args: tuple
    kwargs: dict
    request_id: str = ""
    queued_at: float = field(default_factory=time.monotonic)


_STOP = object()


class InProcessExecutor:
    """A bounded FIFO queue served by `workers` daemon threads. Jobs start in the order they were
    submitted (with one worker they also finish in that order). When the queue is full the caller
    runs the job itself (back-pressure; nothing is dropped) and a warning is logged."""

    def __init__(self, *, workers: int, queue_size: int):
        self.workers = max(1, workers)
        self._queue: queue.Queue = queue.Queue(maxsize=max(1, queue_size))
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False
        self._busy = 0
        self.completed = 0
        self.failed = 0

    def start(self) -> None:
        with self._lock:
            if self._threads or self._closed:
                return
            for i in range(self.workers):
                thread = threading.Thread(target=self._work, name=f"insurehub-tasks-{i}", daemon=True)
                thread.start()
                self._threads.append(thread)

    @property
    def pending(self) -> int:
        """Jobs queued or running."""
        return self._queue.unfinished_tasks

    def submit(self, name: str, args: tuple = (), kwargs: dict | None = None) -> None:
        ctx = request_context.current()
        job = _Job(name=name, args=tuple(args), kwargs=dict(kwargs or {}), request_id=ctx.request_id if ctx else "")
        if self._closed:
            logger.warning("task executor is shut down: running %s in the caller", name, extra={"task": name})
            self._run(job, own_connection=False)
            return
        self.start()
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            logger.warning(
                "in-process task queue is full (%s jobs): running %s in the caller",
                self._queue.maxsize,
                name,
                extra={"task": name},
            )
            self._run(job, own_connection=False)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is _STOP:
                    return
                with self._lock:
                    self._busy += 1
                try:
                    self._run(job, own_connection=True)
                finally:
                    with self._lock:
                        self._busy -= 1
            finally:
                self._queue.task_done()

    def _run(self, job: _Job, *, own_connection: bool) -> None:
        try:
            with request_context.bind(request_id=job.request_id or f"task:{job.name}"):
                task_by_name(job.name).apply(args=job.args, kwargs=job.kwargs, throw=True)
            self.completed += 1
        except Exception:
            self.failed += 1
            logger.exception("background task %s failed", job.name, extra={"task": job.name})
        finally:
            if own_connection:
                connections.close_all()  # this thread's connections only

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every queued job has run (True) or `timeout` seconds pass (False)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._queue.all_tasks_done.wait(remaining)
        return True

    def shutdown(self, timeout: float) -> int:
        """Stop taking jobs, let the queue drain for up to `timeout` seconds, stop the workers.
        Returns how many jobs were left (queued or still running); those are logged by name."""
        with self._lock:
            if self._closed:
                return 0
            self._closed = True
        drained = self.join(timeout)
        left = [] if drained else self._drain_queue()
        for _ in self._threads:
            try:
                self._queue.put_nowait(_STOP)
            except queue.Full:
                break
        if not drained:
            with self._lock:
                busy = self._busy
            for job in left:
                logger.warning("task %s not run: the process is stopping", job.name, extra={"task": job.name})
            return len(left) + busy
        for thread in self._threads:
            thread.join(timeout=1)
        return 0

    def _drain_queue(self) -> list[_Job]:
        left: list[_Job] = []
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                return left
            self._queue.task_done()
            if job is not _STOP:
                left.append(job)


_executor: InProcessExecutor | None = None
_executor_lock = threading.Lock()


def executor() -> InProcessExecutor:
    """The process's executor, made on first use (its threads start with the first job)."""
    global _executor
    with _executor_lock:
        if _executor is None or _executor._closed:
            _executor = InProcessExecutor(
                workers=settings.TASKS_IN_PROCESS_WORKERS, queue_size=settings.TASKS_IN_PROCESS_QUEUE_SIZE
            )
            atexit.register(_shutdown_at_exit, _executor)
        return _executor


def _shutdown_at_exit(instance: InProcessExecutor) -> None:
    left = instance.shutdown(timeout=settings.TASKS_IN_PROCESS_SHUTDOWN_SECONDS)
    if left:
        logger.warning("%s background tasks were not finished at exit", left)


def shutdown(timeout: float | None = None) -> int:
    """Shut the process's executor down (see InProcessExecutor.shutdown). Returns the jobs left."""
    with _executor_lock:
        instance = _executor
    if instance is None:
        return 0
    return instance.shutdown(settings.TASKS_IN_PROCESS_SHUTDOWN_SECONDS if timeout is None else timeout)
