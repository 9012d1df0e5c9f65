"""The event registry: one emit() writes one outbox event and runs each subscriber in its phase."""

import pytest
from django.db import transaction

from insurehub.realtime import events
from insurehub.realtime.models import OutboxEvent
from insurehub.realtime.services import publish

pytestmark = pytest.mark.django_db

seen: list[tuple[str, str, object]] = []


def in_transaction(event: events.Event) -> None:
    seen.append(("in_transaction", event.type, event.context.get("marker")))
    publish("test.side_effect", {"of": event.id}, [])


def after_commit(event: events.Event) -> None:
    seen.append(("after_commit", event.type, event.context.get("marker")))


def as_task(event: events.Event) -> None:
    seen.append(("task", event.type, dict(event.data)))


def failing(event: events.Event) -> None:
    raise RuntimeError("handler broke")


@pytest.fixture(autouse=True)
def registry(monkeypatch):
    monkeypatch.setattr(events, "_subscriptions", {})
    seen.clear()
    yield
    seen.clear()


def test_one_emit_writes_one_outbox_event_and_runs_each_phase(django_capture_on_commit_callbacks):
    events.subscribe("test.happened", in_transaction, phase=events.IN_TRANSACTION)
    events.subscribe("test.happened", after_commit, phase=events.AFTER_COMMIT)
    events.subscribe("test.happened", as_task, phase=events.TASK)
    with django_capture_on_commit_callbacks(execute=True):
        stored = events.emit("test.happened", {"n": 1}, ["user.x"], context={"marker": "m"})
        assert seen == [("in_transaction", "test.happened", "m")]  # the others wait for the commit
    assert OutboxEvent.objects.filter(type="test.happened").count() == 1
    assert "user.x" in stored.audience
    assert seen == [
        ("in_transaction", "test.happened", "m"),
        ("after_commit", "test.happened", "m"),
        ("task", "test.happened", {"n": 1}),  # a task reads the stored event only: no context
    ]


def test_a_rolled_back_change_runs_no_after_commit_or_task_handler(django_capture_on_commit_callbacks):
    events.subscribe("test.happened", in_transaction, phase=events.IN_TRANSACTION)
    events.subscribe("test.happened", after_commit)
    events.subscribe("test.happened", as_task, phase=events.TASK)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        events.emit("test.happened", {}, [])
        raise RuntimeError("the service failed after emitting")
    assert callbacks == []
    assert not OutboxEvent.objects.exists()  # the event and the in-transaction handler's write are gone together
    assert [phase for phase, *_ in seen] == ["in_transaction"]


def test_an_in_transaction_handler_that_fails_undoes_the_change():
    events.subscribe("test.happened", failing, phase=events.IN_TRANSACTION)
    with pytest.raises(RuntimeError), transaction.atomic():
        events.emit("test.happened", {}, [])
    assert not OutboxEvent.objects.exists()


def test_prefix_subscriptions_and_no_double_registration(django_capture_on_commit_callbacks):
    events.subscribe("test.*", after_commit)
    events.subscribe("test.*", after_commit)
    events.subscribe("other.happened", after_commit)
    with django_capture_on_commit_callbacks(execute=True):
        events.emit("test.one", {}, [])
        events.emit("unrelated.thing", {}, [])
    assert seen == [("after_commit", "test.one", None)]
    assert [s.name for s in events.subscriptions("test.two")] == [f"{__name__}.after_commit"]


def test_unknown_phase_is_refused():
    with pytest.raises(ValueError, match="phase"):
        events.subscribe("test.happened", after_commit, phase="later")


def test_a_task_handler_on_a_missing_event_does_nothing():
    events.subscribe("test.happened", as_task, phase=events.TASK)
    assert events.handle_stored(event_id=999_999, handler=f"{__name__}.as_task") is False
    assert seen == []
