"""A task for the worker-loss test only (test_celery_worker_lost.py): it writes when it starts and
when it ends, and sleeps in between so that its worker can be killed while it runs."""

import os
import time
from pathlib import Path

from celery import shared_task


@shared_task(name="insurehub.core.tests.celery_probe_tasks.slow_mark")
def slow_mark(path: str, seconds: float) -> None:
    with Path(path).open("a") as out:
        out.write(f"start {os.getpid()}\n")
    time.sleep(seconds)
    with Path(path).open("a") as out:
        out.write("done\n")
