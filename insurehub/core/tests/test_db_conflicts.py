"""Deadlocks that still happen are retried (the whole transaction, bounded), else answered 503 with
Retry-After, never 500; tasks retry too. Real deadlocks on PostgreSQL: two connections lock two rows
in opposite orders (insurehub/core/tests/deadlocks.py)."""

import pytest
from celery import shared_task
from django.db import OperationalError, connection, transaction
from prometheus_client import REGISTRY

from insurehub.core.db import conflict_kind, retry_on_conflict
from insurehub.core.models import NumberSequence
from insurehub.core.testing import assert_problem
from insurehub.core.tests.deadlocks import ROW_A, ROW_B, Opponent, rows, victim

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="deadlocks need PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]


@shared_task(name="insurehub.core.tests.test_db_conflicts.deadlocking_task")
def deadlocking_task() -> int:
    return victim()


def conflicts(outcome: str) -> float:
    return REGISTRY.get_sample_value("insurehub_db_conflicts_total", {"kind": "deadlock", "outcome": outcome}) or 0


def values() -> tuple[int, int]:
    return NumberSequence.objects.get(name=ROW_A).value, NumberSequence.objects.get(name=ROW_B).value


@pytest.fixture(autouse=True)
def _rows():
    rows()


def test_the_scenario_is_a_real_deadlock_that_fails_without_the_retry():
    with Opponent(rounds=1), pytest.raises(OperationalError) as failure:
        victim()
    assert conflict_kind(failure.value) == "deadlock"
    assert values() == (0, 1)  # the victim's transaction was rolled back, the opponent's committed


def test_retry_on_conflict_runs_the_transaction_again_after_a_real_deadlock():
    retried = conflicts("retried")
    with Opponent(rounds=1) as opponent:
        attempt = retry_on_conflict(victim)
    assert attempt == 2 and opponent.committed == 1
    assert values() == (1, 1)  # once each: nothing lost, nothing twice
    assert conflicts("retried") == retried + 1


def test_retries_are_bounded_and_the_last_error_goes_up(settings):
    settings.DB_CONFLICT_ATTEMPTS = 2
    gave_up = conflicts("gave_up")
    with Opponent(rounds=2) as opponent, pytest.raises(OperationalError):
        retry_on_conflict(victim)
    assert opponent.victim_attempts == 2
    assert values() == (0, 2)
    assert conflicts("gave_up") == gave_up + 1


def test_inside_a_transaction_the_caller_owns_the_retry():
    with Opponent(rounds=1) as opponent, pytest.raises(OperationalError), transaction.atomic():
        retry_on_conflict(victim)
    assert opponent.victim_attempts == 1


@pytest.mark.urls("insurehub.core.tests.urls_for_conflicts")
@pytest.mark.parametrize("url", ["/api/test-deadlock/", "/plain-deadlock/"])
def test_an_unsafe_request_that_deadlocks_is_run_again_with_its_body(client, url):
    with Opponent(rounds=1):
        response = client.post(url, {"echo": "once"}, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["attempt"] == 2
    if url.startswith("/api/"):
        assert response.json()["echo"] == "once"  # the body was read again for the second attempt
    assert values() == (1, 1)


@pytest.mark.urls("insurehub.core.tests.urls_for_conflicts")
@pytest.mark.parametrize("url", ["/api/test-deadlock/", "/plain-deadlock/"])
def test_when_the_retries_run_out_the_answer_is_503_with_retry_after(client, settings, url):
    settings.DB_CONFLICT_ATTEMPTS = 3
    with Opponent(rounds=3) as opponent:
        response = client.post(url, {"echo": "x"}, content_type="application/json")
    body = assert_problem(response, 503)
    assert body["type"] == "/problems/database_conflict"
    assert response["Retry-After"] == str(settings.DB_CONFLICT_RETRY_AFTER_SECONDS)
    assert opponent.victim_attempts == 3
    assert values() == (0, 3)  # nothing of the request was saved


@pytest.mark.urls("insurehub.core.tests.urls_for_conflicts")
def test_a_request_that_already_called_a_provider_is_not_run_again(client):
    with Opponent(rounds=1) as opponent:
        response = client.post("/api/test-provider-then-deadlock/", {}, content_type="application/json")
    assert assert_problem(response, 503)["type"] == "/problems/database_conflict"
    assert opponent.victim_attempts == 1  # the client decides whether to send it again (with its key)


def test_a_task_that_deadlocks_is_run_again():
    with Opponent(rounds=1):
        result = deadlocking_task.apply()
    assert result.successful(), result.traceback
    assert result.result == 2  # (not .get(): Celery refuses it once a test has run tasks as a worker)
    assert values() == (1, 1)
