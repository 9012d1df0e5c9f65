"""/ws/events/ through Channels' communicator: auth close codes, groups, subscriptions,
replay, heartbeats and bad frames. The end-to-end run over a real server is in test_e2e.py."""

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from rest_framework_simplejwt.tokens import AccessToken

from insurehub.realtime import groups, subscriptions
from insurehub.realtime.consumers import EventsConsumer
from insurehub.realtime.models import OutboxEvent
from insurehub.realtime.services import publish
from insurehub.users.models import User

pytestmark = pytest.mark.django_db(transaction=True)

application = EventsConsumer.as_asgi()


@pytest.fixture(autouse=True)
def probe_subscription():
    """A subscribable kind for these tests: user rows, visible to admins and to oneself."""
    subscriptions.register(
        "probe",
        group=lambda pk: f"probe.{pk}",
        visible=lambda user, pk: user.role == "admin" or str(user.pk) == str(pk),
    )
    yield


def run(coro_fn):
    return async_to_sync(coro_fn)()


def connect(path):
    async def go():
        communicator = WebsocketCommunicator(application, path)
        connected, _ = await communicator.connect()
        return communicator, connected

    return go


async def receive(communicator, timeout=5):
    # A frame that is due: generous, as CI machines are shared (what must not come is checked
    # with receive_nothing and a short wait instead).
    return await communicator.receive_json_from(timeout=timeout)


def token(user):
    return str(AccessToken.for_user(user))


def publish_committed(type_, data, audience):
    with transaction.atomic():
        return publish(type_, data, audience)


async def publish_async(type_, data, audience):
    return await database_sync_to_async(publish_committed)(type_, data, audience)


class TestAuthentication:
    @pytest.mark.parametrize("query", ["", "?token=garbage", "?token=a.b.c"])
    def test_missing_or_bad_token_closes_4401(self, query):
        async def go():
            communicator = WebsocketCommunicator(application, f"/ws/events/{query}")
            await communicator.connect()
            output = await communicator.receive_output(timeout=1)
            assert output == {"type": "websocket.close", "code": 4401}

        run(go)

    def test_expired_token_closes_4401(self, actors):
        expired = AccessToken.for_user(actors["agent"])
        expired.set_exp(lifetime=-timedelta(seconds=1))

        async def go():
            communicator = WebsocketCommunicator(application, f"/ws/events/?token={expired}")
            await communicator.connect()
            assert (await communicator.receive_output(timeout=1))["code"] == 4401

        run(go)

    def test_revoked_token_closes_4401(self, actors):
        user = actors["agent"]
        raw = token(user)
        User.objects.filter(pk=user.pk).update(tokens_valid_after=timezone.now() + timedelta(seconds=2))

        async def go():
            communicator = WebsocketCommunicator(application, f"/ws/events/?token={raw}")
            await communicator.connect()
            assert (await communicator.receive_output(timeout=1))["code"] == 4401

        run(go)

    def test_authorization_header_works_too(self, actors):
        async def go():
            communicator = WebsocketCommunicator(
                application, "/ws/events/", headers=[(b"authorization", f"Bearer {token(actors['agent'])}".encode())]
            )
            connected, _ = await communicator.connect()
            assert connected
            await communicator.send_json_to({"action": "ping"})
            assert await receive(communicator) == {"type": "pong"}
            await communicator.disconnect()

        run(go)


class TestDelivery:
    def test_events_reach_exactly_the_audience_once(self, actors):
        async def go():
            agent, _ = await connect(f"/ws/events/?token={token(actors['agent'])}")()
            other, _ = await connect(f"/ws/events/?token={token(actors['agent_other_dept'])}")()
            admin, _ = await connect(f"/ws/events/?token={token(actors['admin'])}")()
            # Addressed both to the agent's department and to the agent: delivered once.
            audience = [groups.department_group("motor"), groups.user_group(actors["agent"].pk)]
            event = await publish_async("claim.updated", {"claim": "c1"}, audience)
            got = await receive(agent)
            assert got["id"] == event.id and got["type"] == "claim.updated" and got["data"] == {"claim": "c1"}
            assert {"id", "type", "occurred_at", "data"} == set(got)
            assert await agent.receive_nothing(timeout=0.2)
            assert (await receive(admin))["id"] == event.id
            assert await other.receive_nothing(timeout=0.2)
            for communicator in (agent, other, admin):
                await communicator.disconnect()
            return event

        event = run(go)
        assert OutboxEvent.objects.get(pk=event.pk).published_at is not None

    def test_rolled_back_events_are_never_sent(self, actors):
        from django.db import transaction

        def failing_service():
            with pytest.raises(RuntimeError), transaction.atomic():
                publish("claim.updated", {"claim": "x"}, [groups.ADMINS])
                raise RuntimeError("the service failed")

        async def go():
            admin, _ = await connect(f"/ws/events/?token={token(actors['admin'])}")()
            await database_sync_to_async(failing_service)()
            assert await admin.receive_nothing(timeout=0.3)
            await admin.disconnect()

        run(go)
        assert not OutboxEvent.objects.exists()


class TestSubscriptions:
    def test_subscribe_to_a_visible_object_then_unsubscribe(self, actors):
        me = actors["owner"]

        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(me)}")()
            await communicator.send_json_to({"action": "subscribe", "probe": str(me.pk)})
            assert await receive(communicator) == {"type": "subscribed", "probe": str(me.pk)}
            event = await publish_async("probe.changed", {}, [f"probe.{me.pk}"])
            assert (await receive(communicator))["id"] == event.id
            await communicator.send_json_to({"action": "unsubscribe", "probe": str(me.pk)})
            assert (await receive(communicator))["type"] == "unsubscribed"
            await publish_async("probe.changed", {}, [f"probe.{me.pk}"])
            assert await communicator.receive_nothing(timeout=0.2)
            await communicator.disconnect()

        run(go)

    @pytest.mark.parametrize("target", ["other", "nonexistent", "not-a-uuid"])
    def test_subscription_to_what_one_may_not_see_closes_4403(self, actors, target):
        object_id = {"other": str(actors["other_customer"].pk), "nonexistent": "0" * 32, "not-a-uuid": "x"}[target]

        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['owner'])}")()
            await communicator.send_json_to({"action": "subscribe", "probe": object_id})
            assert (await communicator.receive_output(timeout=1))["code"] == 4403

        run(go)


class TestBadFrames:
    def test_garbage_and_unknown_actions_get_error_frames(self, actors):
        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['agent'])}")()
            await communicator.send_to(text_data="{not json")
            assert (await receive(communicator))["code"] == "bad_frame"
            await communicator.send_to(text_data="[1, 2]")
            assert (await receive(communicator))["code"] == "bad_frame"
            await communicator.send_json_to({"action": "dance"})
            assert (await receive(communicator))["code"] == "unknown_action"
            await communicator.send_json_to({"action": "subscribe"})
            assert (await receive(communicator))["code"] == "bad_subscription"
            # Still alive after all that.
            await communicator.send_json_to({"action": "ping"})
            assert await receive(communicator) == {"type": "pong"}
            await communicator.disconnect()

        run(go)

    @override_settings(REALTIME_MAX_FRAME_BYTES=1024)
    def test_huge_frame_closes_1009(self, actors):
        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['agent'])}")()
            await communicator.send_to(text_data='{"action": "ping", "pad": "' + "x" * 2000 + '"}')
            assert (await communicator.receive_output(timeout=1))["code"] == 1009

        run(go)

    @override_settings(REALTIME_HEARTBEAT_SECONDS=0.05)
    def test_heartbeats_are_sent(self, actors):
        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['agent'])}")()
            assert await receive(communicator) == {"type": "heartbeat"}
            await communicator.disconnect()

        run(go)


class TestReplay:
    def test_replays_what_the_user_missed_then_goes_live(self, actors):
        first = publish_committed("claim.updated", {"n": 1}, [groups.department_group("motor")])
        missed = [
            publish_committed("claim.updated", {"n": 2}, [groups.department_group("motor")]),
            publish_committed("claim.updated", {"n": 3}, [groups.department_group("health")]),  # not theirs
            publish_committed("claim.updated", {"n": 4}, [groups.user_group(actors["agent"].pk)]),
        ]

        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['agent'])}&since={first.id}")()
            replayed = [await receive(communicator), await receive(communicator)]
            assert [e["data"]["n"] for e in replayed] == [2, 4]
            assert await receive(communicator) == {"type": "replay.done", "count": 2}
            await communicator.disconnect()

        run(go)
        assert missed

    def test_replay_from_the_future_is_refused(self, actors):
        event = publish_committed("claim.updated", {}, [groups.ADMINS])

        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['admin'])}&since={event.id + 100}")()
            error = await receive(communicator)
            assert error["type"] == "error" and "does not exist yet" in error["detail"]
            assert (await communicator.receive_output(timeout=1))["code"] == 4400

        run(go)

    def test_replay_from_long_ago_is_truncated_to_the_window(self, actors):
        old = publish_committed("claim.updated", {"n": "old"}, [groups.ADMINS])
        OutboxEvent.objects.filter(pk=old.pk).update(occurred_at=timezone.now() - timedelta(days=3))
        publish_committed("claim.updated", {"n": "gap"}, [groups.ADMINS])
        OutboxEvent.objects.filter(data={"n": "gap"}).update(occurred_at=timezone.now() - timedelta(days=2))
        recent = publish_committed("claim.updated", {"n": "new"}, [groups.ADMINS])

        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['admin'])}&since={old.id}")()
            notice = await receive(communicator)
            assert notice["type"] == "replay.truncated" and notice["oldest_available"] == recent.id
            assert (await receive(communicator))["data"] == {"n": "new"}
            assert (await receive(communicator))["type"] == "replay.done"
            await communicator.disconnect()

        run(go)

    @pytest.mark.parametrize("since", ["abc", "-5"])
    def test_malformed_since_is_refused(self, actors, since):
        async def go():
            communicator, _ = await connect(f"/ws/events/?token={token(actors['admin'])}&since={since}")()
            assert (await receive(communicator))["code"] == "bad_since"
            assert (await communicator.receive_output(timeout=1))["code"] == 4400

        run(go)
