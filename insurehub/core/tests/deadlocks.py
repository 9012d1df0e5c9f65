"""Real PostgreSQL deadlocks on demand, for the retry tests (no mock: two connections lock two rows
in opposite orders, and PostgreSQL aborts one of them with SQLSTATE 40P01).

An `Opponent` thread (its own connection) plays `rounds` rounds: lock row B, tell the victim, wait
until the victim holds row A and is seen waiting for B (pg_stat_activity), then ask for row A.
`victim()` (the code under test) locks A, then B. The victim starts waiting first, so its deadlock
check (deadlock_timeout, 1 s) fires first and it is the one aborted; the opponent then gets A and
commits. When the rounds are over the victim runs
unopposed and succeeds.
"""

import queue
import threading
import time

from django.db import connection, connections, transaction

from insurehub.core.models import NumberSequence

ROW_A, ROW_B = "TEST-LOCK-A", "TEST-LOCK-B"
WAIT = 10  # seconds; a test fails rather than hangs


def rows() -> None:
    for name in (ROW_A, ROW_B):
        NumberSequence.objects.get_or_create(name=name)


def _lock(name: str) -> NumberSequence:
    return NumberSequence.objects.select_for_update().get(name=name)


def _wait_until_waiting_for_a_lock(pid: int) -> None:
    deadline = time.monotonic() + WAIT
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the first answer holds for the transaction
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
            row = cursor.fetchone()
            if row and row[0] == "Lock":
                return
            time.sleep(0.01)
    raise AssertionError(f"backend {pid} never waited for a lock")


class Opponent(threading.Thread):
    current: "Opponent | None" = None  # the one the test view plays against

    def __init__(self, rounds: int):
        super().__init__(daemon=True)
        self.rounds = rounds
        self.ready: queue.Queue = queue.Queue()
        self.victim_has_a: queue.Queue = queue.Queue()
        self.committed = 0
        self.errors: list[BaseException] = []
        self.victim_attempts = 0

    def run(self) -> None:
        try:
            for _ in range(self.rounds):
                with transaction.atomic():
                    row = _lock(ROW_B)
                    self.ready.put("ready")
                    victim_pid = self.victim_has_a.get(timeout=WAIT)
                    _wait_until_waiting_for_a_lock(victim_pid)
                    time.sleep(0.1)  # the victim has been waiting longer: it is the one aborted
                    _lock(ROW_A)
                    row.value += 1
                    row.save(update_fields=["value"])
                self.committed += 1
        except BaseException as exc:  # reported by the test
            self.errors.append(exc)
        finally:
            self.ready.put("done")
            connections.close_all()

    def __enter__(self) -> "Opponent":
        Opponent.current = self
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.join(timeout=WAIT * 2)
        Opponent.current = None
        assert not self.is_alive(), "the opponent thread did not finish"
        assert not self.errors, self.errors


def victim() -> int:
    """One attempt: in one transaction lock A then B (deadlocking while the opponent has rounds left)
    and count it on row A. Returns the victim's attempt number."""
    opponent = Opponent.current
    assert opponent is not None
    opponent.victim_attempts += 1
    signal = opponent.ready.get(timeout=WAIT)
    with transaction.atomic():
        row = _lock(ROW_A)
        if signal == "ready":
            opponent.victim_has_a.put(connection.connection.info.backend_pid)
        _lock(ROW_B)
        row.value += 1
        row.save(update_fields=["value"])
    return opponent.victim_attempts
