"""Background work (insurehub.core.tasks): after commit only, and with no broker in a bounded pool of
worker threads ("thread" mode) or inline ("eager", the tests' default). The thread mode is tested
here with real commits (transactional tests) and real threads; nothing of ours is patched."""

import logging
import threading

import pytest
from celery import shared_task
from django.db import connections, transaction

from insurehub.core import tasks
from insurehub.users.models import User
from insurehub.users.tests.factories import UserFactory

runs: list[tuple[str, str]] = []  # (label, thread name), in the order the tasks ran
seen: dict[str, bool] = {}
worker_connections: list = []
gate = threading.Event()


@shared_task(name="insurehub.core.tests.test_tasks.record")
def record(label: str) -> str:
    runs.append((label, threading.current_thread().name))
    return label


@shared_task(name="insurehub.core.tests.test_tasks.look_for_user")
def look_for_user(email: str) -> None:
    """Reads through the database: the row is there only if the task runs after the commit."""
    seen[email] = User.objects.filter(email=email).exists()
    worker_connections.append(connections["default"])
    runs.append((email, threading.current_thread().name))


@shared_task(name="insurehub.core.tests.test_tasks.explode")
def explode(label: str) -> None:
    runs.append((label, threading.current_thread().name))
    raise ValueError(f"{label} went wrong")


@shared_task(name="insurehub.core.tests.test_tasks.wait_for_gate")
def wait_for_gate(label: str) -> None:
    runs.append((label, threading.current_thread().name))
    assert gate.wait(10), "the test never opened the gate"


@shared_task(name="insurehub.core.tests.test_tasks.call_provider", calls_providers=True)
def call_provider(label: str) -> None:
    runs.append((label, threading.current_thread().name))


@pytest.fixture(autouse=True)
def _fresh_executor(settings):
    runs.clear()
    seen.clear()
    worker_connections.clear()
    gate.clear()
    settings.TASKS_IN_PROCESS_WORKERS = 4
    settings.TASKS_IN_PROCESS_QUEUE_SIZE = 100
    settings.TASKS_IN_PROCESS_SHUTDOWN_SECONDS = 5
    yield
    gate.set()
    tasks.shutdown(timeout=5)  # the next test builds a new executor from its own settings


@pytest.fixture
def thread_mode(settings):
    settings.TASKS_IN_PROCESS = "thread"


def labels() -> list[str]:
    return [label for label, _ in runs]


def wait_for_background_work() -> None:
    assert tasks.executor().join(timeout=10), "background tasks did not finish"


@pytest.mark.django_db
def test_tests_run_tasks_eagerly_inline_after_commit_by_default(settings, django_capture_on_commit_callbacks):
    assert settings.TASKS_IN_PROCESS == "eager"
    assert tasks.tasks_mode() == tasks.EAGER
    with django_capture_on_commit_callbacks(execute=True):
        tasks.enqueue_on_commit(record, "inline")
        assert runs == []
    assert runs == [("inline", threading.current_thread().name)]


def test_a_broker_means_celery_whatever_the_in_process_mode(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.TASKS_IN_PROCESS = "thread"
    assert tasks.tasks_mode() == tasks.CELERY
    settings.CELERY_BROKER_URL = None
    assert tasks.tasks_mode() == tasks.THREAD


@pytest.mark.django_db(transaction=True)
def test_thread_mode_runs_the_task_after_commit_on_a_worker_thread(thread_mode):
    with transaction.atomic():
        UserFactory(email="fresh@example.test")
        tasks.enqueue_on_commit(look_for_user, "fresh@example.test")
        assert runs == []  # nothing before the commit
    wait_for_background_work()
    assert seen == {"fresh@example.test": True}
    (_, thread_name) = runs[0]
    assert thread_name.startswith("insurehub-tasks-") and thread_name != threading.current_thread().name


@pytest.mark.django_db(transaction=True)
def test_each_task_gets_its_own_connection_closed_afterwards(thread_mode):
    UserFactory(email="a@example.test")
    tasks.enqueue_on_commit(look_for_user, "a@example.test")
    tasks.enqueue_on_commit(look_for_user, "b@example.test")
    wait_for_background_work()
    assert seen == {"a@example.test": True, "b@example.test": False}
    assert all(wrapper is not connections["default"] for wrapper in worker_connections)
    if connections["default"].vendor == "sqlite" and connections["default"].is_in_memory_db():
        pytest.skip("Django never closes an in-memory SQLite connection (the test database); PostgreSQL checks it")
    assert all(wrapper.connection is None for wrapper in worker_connections), "a worker's connection was left open"


@pytest.mark.django_db(transaction=True)
def test_rolled_back_work_never_runs_and_committed_work_is_not_lost(thread_mode):
    with pytest.raises(RuntimeError), transaction.atomic():
        tasks.enqueue_on_commit(record, "rolled back")
        raise RuntimeError("the request failed")
    with transaction.atomic():
        tasks.enqueue_on_commit(record, "outer")
        try:
            with transaction.atomic():  # a savepoint
                tasks.enqueue_on_commit(record, "savepoint rolled back")
                raise RuntimeError("part of the work failed")
        except RuntimeError:
            pass
        tasks.enqueue_on_commit(record, "outer, after the savepoint")
    with transaction.atomic():
        tasks.enqueue_on_commit(record, "next request")
    wait_for_background_work()
    assert sorted(labels()) == sorted(["outer", "outer, after the savepoint", "next request"])


@pytest.mark.django_db(transaction=True)
def test_with_one_worker_tasks_run_in_the_order_they_were_committed(thread_mode, settings):
    settings.TASKS_IN_PROCESS_WORKERS = 1
    for i in range(30):
        with transaction.atomic():
            tasks.enqueue_on_commit(record, f"t{i:02d}")
    wait_for_background_work()
    assert labels() == [f"t{i:02d}" for i in range(30)]


@pytest.mark.django_db(transaction=True)
def test_with_several_workers_every_task_runs_exactly_once_on_the_pool(thread_mode, settings):
    settings.TASKS_IN_PROCESS_WORKERS = 3
    gate.set()
    for i in range(60):
        tasks.enqueue_on_commit(wait_for_gate if i % 10 == 0 else record, f"t{i:02d}")
    wait_for_background_work()
    assert sorted(labels()) == [f"t{i:02d}" for i in range(60)]
    assert {name for _, name in runs} <= {f"insurehub-tasks-{i}" for i in range(3)}


@pytest.mark.django_db(transaction=True)
def test_a_failing_task_is_logged_not_raised_and_the_next_one_still_runs(thread_mode, settings, caplog):
    settings.TASKS_IN_PROCESS_WORKERS = 1
    with caplog.at_level(logging.ERROR, logger="insurehub.core.tasks"):
        with transaction.atomic():
            tasks.enqueue_on_commit(explode, "boom")  # the commit does not raise
            tasks.enqueue_on_commit(record, "after")
        wait_for_background_work()
    assert labels() == ["boom", "after"]
    failure = next(r for r in caplog.records if "explode failed" in r.getMessage())
    assert failure.exc_info and failure.exc_info[0] is ValueError
    assert tasks.executor().failed == 1 and tasks.executor().completed == 1


@pytest.mark.django_db(transaction=True)
def test_a_full_queue_makes_the_caller_run_the_task_nothing_is_dropped(thread_mode, settings, caplog):
    settings.TASKS_IN_PROCESS_WORKERS = 1
    settings.TASKS_IN_PROCESS_QUEUE_SIZE = 1
    tasks.enqueue_on_commit(wait_for_gate, "holds the worker")
    for _ in range(100):  # until the worker has taken it off the queue
        if runs:
            break
        threading.Event().wait(0.02)
    tasks.enqueue_on_commit(record, "queued")
    with caplog.at_level(logging.WARNING, logger="insurehub.core.tasks"):
        tasks.enqueue_on_commit(record, "overflow")
    assert runs[-1] == ("overflow", threading.current_thread().name)
    assert any("queue is full" in r.getMessage() for r in caplog.records)
    gate.set()
    wait_for_background_work()
    assert sorted(labels()) == ["holds the worker", "overflow", "queued"]


@pytest.mark.django_db(transaction=True)
def test_shutdown_drains_the_queue(thread_mode):
    for i in range(10):
        tasks.enqueue_on_commit(record, f"t{i}")
    assert tasks.shutdown(timeout=10) == 0
    assert sorted(labels()) == [f"t{i}" for i in range(10)]


@pytest.mark.django_db(transaction=True)
def test_shutdown_after_its_timeout_reports_and_logs_what_was_not_run(thread_mode, settings, caplog):
    settings.TASKS_IN_PROCESS_WORKERS = 1
    tasks.enqueue_on_commit(wait_for_gate, "stuck")
    tasks.enqueue_on_commit(record, "never started")
    with caplog.at_level(logging.WARNING, logger="insurehub.core.tasks"):
        left = tasks.shutdown(timeout=0.3)
    assert left == 2
    assert any("record not run" in r.getMessage() for r in caplog.records)
    gate.set()
    assert "never started" not in labels()
    tasks.enqueue_on_commit(record, "after shutdown")  # a new executor takes over
    wait_for_background_work()
    assert "after shutdown" in labels()


@pytest.mark.django_db(transaction=True)
def test_deferred_provider_calls_are_left_to_their_periodic_retry(thread_mode):
    with tasks.providers_deferred():
        tasks.enqueue_on_commit(call_provider, "provider")
        tasks.enqueue_on_commit(record, "local work")
    tasks.enqueue_on_commit(call_provider, "provider, later")
    wait_for_background_work()
    assert sorted(labels()) == ["local work", "provider, later"]
