"""Event order on /ws/events/ (issue 12, item 7): each socket sees its events in id order, each
once, with no gap among the events it may see, also when events are dispatched out of order
(an after-commit hook publishing first), when transactions commit in another order than their
ids (PostgreSQL), and across a drop and a resume with ?since=."""

import asyncio
import json
import random
import threading
import time

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.db import connection, connections, transaction
from rest_framework_simplejwt.tokens import AccessToken

from insurehub.realtime import groups
from insurehub.realtime.consumers import EventsConsumer
from insurehub.realtime.services import publish
from insurehub.realtime.tests.test_e2e import _redis_available

pytestmark = pytest.mark.django_db(transaction=True)

application = EventsConsumer.as_asgi()


def on_postgres(test):
    # SQLite writers run one at a time, so ids are in commit order there; and the tests' shared
    # in-memory SQLite refuses concurrent writers outright ("table is locked"). The SQLite side of
    # the ordering (dispatches racing after commit) is covered by the tests above.
    skip = pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="ids are taken at INSERT and commits reorder only on PostgreSQL; SQLite writers run one at a time",
    )
    return pytest.mark.postgres(skip(test))


class RolledBackError(Exception):
    pass


def run(coro_fn):
    return async_to_sync(coro_fn)()


def token(user):
    return str(AccessToken.for_user(user))


async def open_socket(user, since=None):
    query = f"?token={token(user)}" + (f"&since={since}" if since is not None else "")
    communicator = WebsocketCommunicator(application, f"/ws/events/{query}")
    connected, _ = await communicator.connect()
    assert connected
    # A ping answered means the socket has joined the stream (and finished any replay).
    await communicator.send_json_to({"action": "ping"})
    frames = []
    while True:
        frame = await communicator.receive_json_from(timeout=5)
        if frame.get("type") == "pong":
            return communicator, frames
        frames.append(frame)


async def event_ids(communicator, count, timeout=5.0):
    """The ids of the next `count` events the socket receives (other frames are skipped)."""
    ids = []
    while len(ids) < count:
        frame = await communicator.receive_json_from(timeout=timeout)
        if "id" in frame:
            ids.append(frame["id"])
    return ids


def publish_committed(type_, data, audience):
    with transaction.atomic():
        return publish(type_, data, audience)


def agent_may_see(audience, agent) -> bool:
    return bool(set(audience) & {groups.department_group("motor"), groups.user_group(agent.pk), groups.STAFF})


def run_writers(agent, *, writers: int, events_each: int, seed: int, hold_max: float) -> list[tuple[int, list[str]]]:
    """`writers` threads, each committing `events_each` transactions of one event (some rolled
    back), holding each transaction open for up to `hold_max` s after taking its id, so that on
    PostgreSQL transactions commit in another order than their ids. Returns (id, audience) of
    every committed event."""
    audiences = [
        [groups.department_group("motor")],
        [groups.department_group("health")],
        [groups.user_group(agent.pk)],
        ["claim.not-subscribed"],
        [groups.STAFF],
    ]
    committed: list[tuple[int, list[str]]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(writers)

    def work(index: int) -> None:
        rng = random.Random(seed * 100 + index)
        try:
            barrier.wait()
            for n in range(events_each):
                audience = rng.choice(audiences)
                try:
                    with transaction.atomic():
                        event = publish("probe.changed", {"writer": index, "n": n}, audience)
                        time.sleep(rng.uniform(0, hold_max))
                        if rng.random() < 0.15:
                            raise RolledBackError
                except RolledBackError:
                    continue
                with lock:
                    committed.append((event.id, audience))
        except BaseException as exc:  # reported by the caller
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return committed


@pytest.fixture(params=["in-memory", "redis"])
def layer(request, settings):
    if request.param == "redis":
        if not _redis_available():
            pytest.skip("Redis is not listening on 127.0.0.1:6379")
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": ["redis://127.0.0.1:6379/15"], "prefix": f"insurehub-test-{time.time_ns()}"},
            }
        }
    channel_layers.backends.clear()
    yield request.param
    channel_layers.backends.clear()


def test_an_event_dispatched_first_does_not_overtake_an_earlier_one(actors):
    """The reported case: filing a claim enqueues enrichment before claim.created's own
    after-commit dispatch, so (eagerly) enrichment's later event reached the socket first."""
    agent = actors["agent"]
    motor = [groups.department_group("motor")]

    def file_claim():
        with transaction.atomic():
            transaction.on_commit(lambda: publish_committed("claim.enriched", {}, motor))
            return publish("claim.created", {}, motor)

    async def go():
        socket, _ = await open_socket(agent)
        created = await database_sync_to_async(file_claim)()
        ids = await event_ids(socket, 2)
        assert ids == [created.id, created.id + 1]
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(go)


def test_an_event_committed_in_a_plain_thread_reaches_the_socket(actors):
    """Background work (no broker) publishes from its own threads, outside the server's loop."""

    async def go():
        socket, _ = await open_socket(actors["admin"])
        box = {}

        def in_thread():
            try:
                box["event"] = publish_committed("claim.enriched", {}, [groups.ADMINS])
            finally:
                connections.close_all()

        thread = threading.Thread(target=in_thread)
        thread.start()
        # Nothing else wakes this loop up: the event itself must.
        received = await event_ids(socket, 1, timeout=2)
        thread.join(10)
        assert received == [box["event"].id]
        await socket.disconnect()

    run(go)


def test_resume_after_a_drop_gets_exactly_the_missed_events(actors):
    agent = actors["agent"]
    motor, health = [groups.department_group("motor")], [groups.department_group("health")]

    async def go():
        socket, _ = await open_socket(agent)
        first = [await database_sync_to_async(publish_committed)("probe", {"n": n}, motor) for n in range(3)]
        seen = await event_ids(socket, 2)
        await socket.disconnect()  # the third was sent but never read: lost with the connection
        later = []
        for n in range(4):
            later.append(await database_sync_to_async(publish_committed)("probe", {"n": n}, motor))
            await database_sync_to_async(publish_committed)("probe", {"n": n}, health)  # not theirs
        resumed, replay_frames = await open_socket(agent, since=seen[-1])
        replayed = [frame["id"] for frame in replay_frames if "id" in frame]
        assert replay_frames[-1] == {"type": "replay.done", "count": 5}
        live = await database_sync_to_async(publish_committed)("probe", {}, motor)
        assert await event_ids(resumed, 1) == [live.id]
        assert await resumed.receive_nothing(timeout=0.3)
        await resumed.disconnect()
        assert seen + replayed == [e.id for e in first + later]

    run(go)


def test_a_socket_that_falls_behind_is_closed_and_resumes_with_since(actors, settings):
    settings.REALTIME_SOCKET_BACKLOG = 3
    agent = actors["agent"]
    motor = [groups.department_group("motor")]

    def burst():
        # Six after-commit hooks publish before the first event's own dispatch: the stream
        # holds them back, then hands all seven to the socket at once.
        with transaction.atomic():
            for n in range(6):
                transaction.on_commit(lambda n=n: publish_committed("probe", {"n": n}, motor))
            return publish("probe", {"first": True}, motor)

    async def go():
        socket, _ = await open_socket(agent)
        first = await database_sync_to_async(burst)()
        seen = []
        while True:
            output = await socket.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                assert output["code"] == 1013
                break
            seen.append(json.loads(output["text"])["id"])
        await socket.disconnect()
        resumed, replay_frames = await open_socket(agent, since=seen[-1] if seen else first.id - 1)
        await resumed.disconnect()
        replayed = [frame["id"] for frame in replay_frames if "id" in frame]
        assert seen + replayed == list(range(first.id, first.id + 7))
        assert len(seen) < 7

    run(go)


@on_postgres
def test_concurrent_writers_each_socket_sees_its_events_once_in_id_order(actors, layer):
    agent = actors["agent"]

    async def go():
        socket, _ = await open_socket(agent)
        committed = await asyncio.to_thread(run_writers, agent, writers=6, events_each=12, seed=1, hold_max=0.02)
        expected = sorted(event_id for event_id, audience in committed if agent_may_see(audience, agent))
        assert len(expected) > 20
        received = await event_ids(socket, len(expected), timeout=10)
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()
        assert received == expected

    run(go)


@on_postgres
def test_resume_while_writers_run_is_gap_free_and_duplicate_free(actors):
    """The seam: a socket drops mid-stream and comes back with ?since= while transactions keep
    committing out of id order; what it saw before plus after is every visible event once."""
    agent = actors["agent"]

    async def go():
        first, _ = await open_socket(agent)
        writing = asyncio.ensure_future(
            asyncio.to_thread(run_writers, agent, writers=6, events_each=16, seed=2, hold_max=0.03)
        )
        before = await event_ids(first, 8, timeout=10)
        await first.disconnect()
        second, replay_frames = await open_socket(agent, since=before[-1])
        committed = await writing
        expected = sorted(event_id for event_id, audience in committed if agent_may_see(audience, agent))
        after = [frame["id"] for frame in replay_frames if "id" in frame]
        after += await event_ids(second, len([i for i in expected if i > before[-1]]) - len(after), timeout=10)
        assert await second.receive_nothing(timeout=0.5)
        await second.disconnect()
        assert before + after == expected

    run(go)


@on_postgres
@pytest.mark.parametrize("outcome", ["commit", "rollback"])
def test_a_later_commit_waits_for_an_earlier_id_still_in_flight(actors, outcome):
    """Id n is taken by a transaction that commits after n+1's: the socket holds n+1 back until
    n's transaction ends, then sends n (if it committed) and n+1."""
    agent = actors["agent"]
    motor = [groups.department_group("motor")]
    holding, release = threading.Event(), threading.Event()
    box = {}

    def slow_writer():
        try:
            with transaction.atomic():
                box["slow"] = publish("probe", {"who": "slow"}, motor)
                holding.set()
                release.wait(10)
                if outcome == "rollback":
                    raise RolledBackError
        except RolledBackError:
            pass
        finally:
            connections.close_all()

    async def go():
        socket, _ = await open_socket(agent)
        thread = threading.Thread(target=slow_writer)
        thread.start()
        await asyncio.to_thread(holding.wait, 10)
        fast = await database_sync_to_async(publish_committed)("probe", {"who": "fast"}, motor)
        assert fast.id == box["slow"].id + 1
        assert await socket.receive_nothing(timeout=0.4), "n+1 went out while n could still commit"
        release.set()
        await asyncio.to_thread(thread.join, 10)
        expected = [box["slow"].id, fast.id] if outcome == "commit" else [fast.id]
        assert await event_ids(socket, len(expected)) == expected
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(go)


@on_postgres
def test_a_writer_outliving_the_wait_is_delivered_late_not_lost(actors, settings):
    settings.REALTIME_ORDER_WAIT_SECONDS = 0.3
    agent = actors["agent"]
    motor = [groups.department_group("motor")]
    holding, release = threading.Event(), threading.Event()
    box = {}

    def slow_writer():
        try:
            with transaction.atomic():
                box["slow"] = publish("probe", {"who": "slow"}, motor)
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    async def go():
        socket, _ = await open_socket(agent)
        thread = threading.Thread(target=slow_writer)
        thread.start()
        await asyncio.to_thread(holding.wait, 10)
        fast = await database_sync_to_async(publish_committed)("probe", {"who": "fast"}, motor)
        assert await event_ids(socket, 1, timeout=3) == [fast.id]
        release.set()
        await asyncio.to_thread(thread.join, 10)
        assert await event_ids(socket, 1, timeout=3) == [box["slow"].id]
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(go)


@on_postgres
@pytest.mark.parametrize("writer", ["ends within the wait", "outlives the wait"])
def test_a_stream_starting_while_an_earlier_id_is_in_flight_loses_nothing(actors, settings, writer):
    """The first socket of a process starts its stream while id n's transaction is open and n+1
    has committed: n reaches the socket once, in the replay or (its writer outliving the wait) late."""
    settings.REALTIME_ORDER_WAIT_SECONDS = 3 if writer == "ends within the wait" else 0.3
    agent = actors["agent"]
    motor = [groups.department_group("motor")]
    holding, release = threading.Event(), threading.Event()
    box = {}

    def slow_writer():
        try:
            with transaction.atomic():
                box["slow"] = publish("probe", {"who": "slow"}, motor)
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    async def go():
        before = await database_sync_to_async(publish_committed)("probe", {"who": "before"}, motor)
        thread = threading.Thread(target=slow_writer)
        thread.start()
        await asyncio.to_thread(holding.wait, 10)
        fast = await database_sync_to_async(publish_committed)("probe", {"who": "fast"}, motor)
        slow_id = box["slow"].id
        assert before.id + 1 == slow_id
        if writer == "ends within the wait":
            asyncio.get_running_loop().call_later(0.3, release.set)
            socket, frames = await open_socket(agent, since=slow_id - 1)
            assert [frame.get("id", frame["type"]) for frame in frames] == [slow_id, fast.id, "replay.done"]
        else:
            socket, frames = await open_socket(agent, since=slow_id - 1)
            assert [frame.get("id", frame["type"]) for frame in frames] == [fast.id, "replay.done"]
            release.set()
            assert await event_ids(socket, 1, timeout=3) == [slow_id]
        await asyncio.to_thread(thread.join, 10)
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(go)


@on_postgres
def test_a_writer_in_another_database_sharing_the_outbox_oid_is_not_waited_for():
    """pg_locks spans the cluster and OIDs repeat across databases cloned from one template (each
    xdist worker's test database, a staging copy beside production): a writer there is no writer
    here. Before the fix, such a writer made this database's stream hold its events for the
    whole ordering wait (a flaky CI failure on the PostgreSQL run)."""
    import psycopg

    from insurehub.realtime import gaps

    settings_dict = connection.settings_dict
    name, clone = settings_dict["NAME"], f"{settings_dict['NAME']}_oid_clone"
    params = {
        key: value
        for key, value in {
            "host": settings_dict.get("HOST"),
            "port": settings_dict.get("PORT"),
            "user": settings_dict.get("USER"),
            "password": settings_dict.get("PASSWORD"),
        }.items()
        if value
    }

    def close_sessions():
        connections.close_all()
        if connection.pool is not None:
            connection.close_pool()  # the next query opens a fresh pool

    close_sessions()
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        # A template must have no other session: any stray left by an earlier test's thread goes.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{clone}"')
        admin.execute(f'CREATE DATABASE "{clone}" TEMPLATE "{name}"')
        try:
            with psycopg.connect(dbname=clone, **params) as elsewhere:
                oid_there = elsewhere.execute("SELECT %s::regclass::oid", ["realtime_outboxevent"]).fetchone()[0]
                elsewhere.execute("DELETE FROM realtime_outboxevent WHERE id < 0")  # takes RowExclusiveLock
                with connection.cursor() as cursor:
                    cursor.execute("SELECT %s::regclass::oid", ["realtime_outboxevent"])
                    assert cursor.fetchone()[0] == oid_there, "the clone should share the table's OID"
                assert gaps.writers_in_flight() == frozenset()
                elsewhere.rollback()
            here_ready, here_release = threading.Event(), threading.Event()

            def writer_here():
                try:
                    with transaction.atomic():
                        publish("probe", {"who": "here"}, [groups.ADMINS])
                        here_ready.set()
                        here_release.wait(10)
                finally:
                    connections.close_all()

            thread = threading.Thread(target=writer_here)
            thread.start()
            try:
                assert here_ready.wait(10)
                assert len(gaps.writers_in_flight()) == 1, "a writer in this database is still seen"
            finally:
                here_release.set()
                thread.join(10)
        finally:
            close_sessions()
            admin.execute(f'DROP DATABASE IF EXISTS "{clone}" WITH (FORCE)')
