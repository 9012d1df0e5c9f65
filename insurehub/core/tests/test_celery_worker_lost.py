"""A worker that dies with a task in hand loses no task (issue 14, item 5): the task is acknowledged
only when it ends (task_acks_late), a worker process killed mid-task has its task requeued
(task_reject_on_worker_lost), and a whole worker killed has its unacknowledged task handed to the
next one. Real Celery workers on RabbitMQ (127.0.0.1:5672, guest/guest; skipped without it), on a
queue of the test's own; the broker's visibility timeout (Redis, SQS) exceeds the longest task."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings
from kombu import Connection, Queue

from insurehub.config.celery import app as insurehub_celery

BROKER = "amqp://guest:guest@127.0.0.1:5672//"
TASK = "insurehub.core.tests.celery_probe_tasks.slow_mark"


def _rabbitmq_usable() -> bool:
    try:
        with Connection(BROKER, connect_timeout=2) as connection:
            connection.ensure_connection(max_retries=1)
        return True
    except Exception:
        return False


needs_rabbitmq = pytest.mark.skipif(not _rabbitmq_usable(), reason="no RabbitMQ (guest/guest) on 127.0.0.1:5672")


def test_tasks_are_acknowledged_late_and_the_visibility_timeout_outlasts_the_longest_task():
    conf = insurehub_celery.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_time_limit == settings.CELERY_TASK_TIME_LIMIT == 15 * 60
    assert conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.worker_cancel_long_running_tasks_on_connection_loss is True
    # The longest task we know of (a document's processing) is taken over as stale no sooner.
    assert conf.task_time_limit <= settings.DOCUMENTS_PROCESSING_STALE_SECONDS


class Worker:
    def __init__(self, queue: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "CELERY_"))}
        env.update(DJANGO_ENV="test", CELERY_BROKER_URL=BROKER)
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter running celery
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "insurehub.config",
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "1",
                "-Q",
                queue,
                "-n",
                f"{queue}-{uuid.uuid4().hex[:6]}@%h",
                "--include",
                "insurehub.core.tests.celery_probe_tasks",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel",
                "WARNING",
            ],
            cwd=Path(settings.BASE_DIR),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: killed whole, children and all
        )

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)


def _wait_for(path: Path, predicate, seconds: float) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        lines = path.read_text().splitlines() if path.exists() else []
        if predicate(lines):
            return lines
        time.sleep(0.1)
    raise AssertionError(f"not seen within {seconds} s: {path.read_text() if path.exists() else '(nothing)'}")


@needs_rabbitmq
@pytest.mark.parametrize("killed", ["worker process", "whole worker"])
def test_a_task_whose_worker_is_killed_runs_again_to_the_end(tmp_path, killed):
    queue = f"insurehub-test-{uuid.uuid4().hex[:10]}"
    marks = tmp_path / "marks.txt"
    # Not the current app: the project's app stays current_app for the tests that run after this one.
    client = Celery(broker=BROKER, set_as_current=False)
    workers = [Worker(queue)]
    started = time.monotonic()
    try:
        client.send_task(TASK, args=[str(marks), 3.0], queue=queue)
        first = _wait_for(marks, lambda lines: lines, 30)
        child = int(first[0].split()[1])
        if killed == "worker process":
            os.kill(child, signal.SIGKILL)  # the pool's child dies; the worker lives and requeues its task
        else:
            workers[0].kill()  # the broker connection goes with it: RabbitMQ hands the task out again
            workers.append(Worker(queue))
        lines = _wait_for(marks, lambda lines: "done" in lines, 45)
    finally:
        for worker in workers:
            worker.kill()
        with Connection(BROKER) as connection:
            Queue(queue).bind(connection.default_channel).delete()
    starts = [line for line in lines if line.startswith("start")]
    assert len(starts) == 2 and starts[1] != starts[0]  # run again, in another process
    assert lines.count("done") == 1
    print(f"\n[{killed} killed] the task ran again and finished {time.monotonic() - started:.1f} s after it was sent")
