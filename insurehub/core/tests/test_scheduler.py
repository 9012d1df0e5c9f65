"""The in-process scheduler: runs settings.CELERY_BEAT_SCHEDULE when there is no broker (no beat)."""

import logging
import threading
from datetime import timedelta

import pytest
from celery import current_app, shared_task
from celery.schedules import crontab

from insurehub.core import tasks
from insurehub.core.scheduler import InProcessScheduler

ran: list[tuple] = []


@shared_task(name="insurehub.core.tests.test_scheduler.tick_task")
def tick_task(*args, **kwargs) -> None:
    ran.append((args, kwargs, threading.current_thread().name))


@pytest.fixture(autouse=True)
def _clean():
    ran.clear()
    yield
    tasks.shutdown(timeout=5)


def submitted_to(log: list):
    def submit(name, *args, **kwargs):
        log.append((name, args, kwargs))

    return submit


def age(scheduler: InProcessScheduler, key: str, seconds: float) -> None:
    """As if the entry had last run `seconds` ago."""
    entry = next(e for e in scheduler.entries if e.key == key)
    entry.last_run_at = current_app.now() - timedelta(seconds=seconds)


def test_an_entry_first_runs_one_period_after_start_then_once_per_period():
    log: list = []
    scheduler = InProcessScheduler(
        {"often": {"task": "t.often", "schedule": 60.0, "args": (1,), "kwargs": {"x": 2}}}, submit=submitted_to(log)
    )
    wait = scheduler.tick()
    assert log == []
    assert wait == scheduler.max_sleep  # the next run is 60 s away: it sleeps its longest, then looks again
    age(scheduler, "often", 61)
    scheduler.tick()
    assert log == [("t.often", (1,), {"x": 2})]
    scheduler.tick()
    assert len(log) == 1  # not again until another period has passed


def test_each_entry_keeps_its_own_period():
    log: list = []
    scheduler = InProcessScheduler(
        {
            "fast": {"task": "t.fast", "schedule": timedelta(seconds=30)},
            "slow": {"task": "t.slow", "schedule": 3600.0},
            "nightly": {"task": "t.nightly", "schedule": crontab(minute=0, hour=3)},
        },
        submit=submitted_to(log),
    )
    age(scheduler, "fast", 31)
    age(scheduler, "slow", 120)
    age(scheduler, "nightly", 2 * 24 * 3600)  # a 03:00 has passed since
    scheduler.tick()
    assert sorted(name for name, _, _ in log) == ["t.fast", "t.nightly"]


def test_a_task_that_cannot_be_enqueued_is_logged_and_the_others_still_run(caplog):
    log: list = []

    def submit(name, *args, **kwargs):
        if name == "t.broken":
            raise KeyError(name)
        log.append(name)

    scheduler = InProcessScheduler(
        {"broken": {"task": "t.broken", "schedule": 10.0}, "fine": {"task": "t.fine", "schedule": 10.0}},
        submit=submit,
    )
    age(scheduler, "broken", 11)
    age(scheduler, "fine", 11)
    with caplog.at_level(logging.ERROR, logger="insurehub.core.scheduler"):
        scheduler.tick()
    assert log == ["t.fine"]
    assert any("t.broken could not be enqueued" in r.getMessage() for r in caplog.records)


def test_due_tasks_go_by_name_to_the_background_executor(settings):
    settings.TASKS_IN_PROCESS = "thread"
    scheduler = InProcessScheduler(
        {"job": {"task": "insurehub.core.tests.test_scheduler.tick_task", "schedule": 5.0, "args": ["a"]}}
    )
    age(scheduler, "job", 6)
    scheduler.tick()
    assert tasks.executor().join(timeout=10)
    assert ran == [(("a",), {}, ran[0][2])] and ran[0][2].startswith("insurehub-tasks-")


def test_the_scheduler_thread_runs_entries_until_stopped(settings):
    settings.TASKS_IN_PROCESS = "eager"
    scheduler = InProcessScheduler(
        {"quick": {"task": "insurehub.core.tests.test_scheduler.tick_task", "schedule": 0.1}}, max_sleep=0.05
    )
    scheduler.start()
    try:
        for _ in range(200):
            if len(ran) >= 3:
                break
            threading.Event().wait(0.02)
    finally:
        scheduler.stop()
    assert len(ran) >= 3
    assert {thread for _, _, thread in ran} == {"insurehub-scheduler"}  # eager: on the scheduler's thread
    count = len(ran)
    threading.Event().wait(0.3)
    assert len(ran) == count  # stopped


def test_every_periodic_task_of_the_project_is_known_by_name(settings):
    """The in-process scheduler calls tasks by name: each name in CELERY_BEAT_SCHEDULE must exist."""
    scheduler = InProcessScheduler(settings.CELERY_BEAT_SCHEDULE, submit=submitted_to([]))
    for entry in scheduler.entries:
        assert tasks.task_by_name(entry.task).name == entry.task
    assert "insurehub.payments.tasks.mpesa_query_stale" in {e.task for e in scheduler.entries}
