"""The cache on Redis degrades instead of failing requests while Redis is down or hangs (issue 14,
item 5): served from the process's memory, Redis tried again every few seconds, the outage logged
once. On a redis-server of the test's own that is killed (never the shared one)."""

import logging
import time

import pytest
import redis
from django.db import connection
from django.test import override_settings

from insurehub.claims.models import Claim
from insurehub.claims.tests.test_claims import fnol_payload, settled_policy
from insurehub.core.resilient_cache import ResilientRedisCache
from insurehub.core.testing import client_for
from insurehub.core.tests.own_redis import running_redis
from insurehub.core.tests.test_fail_fast import SilentServer
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import TEST_PASSWORD

LOGGER = "insurehub.core.resilient_cache"


@pytest.fixture
def own_redis(tmp_path):
    yield from running_redis(tmp_path)


def _cache(url: str, **options) -> ResilientRedisCache:
    defaults = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "retry_seconds": 1}
    return ResilientRedisCache(url, {"KEY_PREFIX": "t", "OPTIONS": {**defaults, **options}})


def _settings_for(url: str, **options) -> dict:
    defaults = {"socket_connect_timeout": 1, "socket_timeout": 1, "retry_seconds": 2}
    return {
        "CACHES": {
            "default": {
                "BACKEND": "insurehub.core.resilient_cache.ResilientRedisCache",
                "LOCATION": url,
                "OPTIONS": {**defaults, **options},
            }
        },
        "CHANNEL_LAYERS": {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [{"address": url, "socket_timeout": 30, "socket_connect_timeout": 1}]},
            }
        },
    }


class _Recorded(logging.Handler):
    """The messages of the cache's logger, caught on the logger itself (whatever else configures logging)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def cache_logs():
    handler = _Recorded()
    logging.getLogger(LOGGER).addHandler(handler)
    yield handler.messages
    logging.getLogger(LOGGER).removeHandler(handler)


def test_served_from_memory_while_redis_is_down_and_back_on_redis_after(own_redis, cache_logs):
    cache = _cache(own_redis.url)
    cache.set("before", 1)
    assert cache.get("before") == 1
    own_redis.kill()

    started = time.monotonic()
    assert cache.get("before") is None  # Redis's copy is out of reach: a miss, not an error
    cache.set("during", "x")
    assert cache.get("during") == "x"
    assert cache.add("counter", 0) is True
    assert cache.incr("counter") == 1 and cache.incr("counter") == 2
    with pytest.raises(ValueError):
        cache.incr("missing")  # the same contract as Redis: incr of a missing key
    assert cache.get_many(["during", "counter"]) == {"during": "x", "counter": 2}
    for _ in range(200):
        cache.get("during")
    assert time.monotonic() - started < 0.5  # refused once; then not asked again for retry_seconds
    assert len(cache_logs) == 1 and cache_logs[0].startswith("cache unreachable")

    own_redis.start()
    time.sleep(1.1)  # retry_seconds
    cache.set("after", 2)
    assert redis.Redis.from_url(own_redis.url).exists(cache.make_key("after")) == 1
    assert cache.get("during") is None  # the copy in memory is dropped once Redis is back
    assert cache_logs[-1] == "cache reachable again"


def test_a_redis_that_hangs_costs_one_timeout_then_nothing():
    server = SilentServer()
    try:
        cache = _cache(f"redis://127.0.0.1:{server.port}/0", retry_seconds=30)
        started = time.monotonic()
        assert cache.get("k", "default") == "default"
        first = time.monotonic() - started
        for _ in range(100):
            cache.set("k", 1)
            cache.get("k")
        rest = time.monotonic() - started - first
    finally:
        server.close()
    assert 0.4 < first < 1.5  # the socket timeout, once
    assert rest < 0.2


@pytest.mark.django_db(transaction=True)
def test_login_and_its_limits_work_on_while_redis_is_down(own_redis, actors, settings):
    settings.LOGIN_LOCKOUT_AFTER = 3
    with override_settings(**_settings_for(own_redis.url)):
        own_redis.kill()
        customer = actors["owner"]
        client = client_for(None)
        client.raise_request_exception = False
        wrong = [
            client.post("/api/auth/login/", {"email": customer.email, "password": "wrong-password-1"}).status_code
            for _ in range(5)
        ]
        assert wrong == [401, 401, 401, 429, 429], wrong  # the limit still holds (counted in this process)
        agent = actors["agent"]
        right = client.post("/api/auth/login/", {"email": agent.email, "password": TEST_PASSWORD})
        assert right.status_code == 200, right.content
        listing = client_for(agent).get("/api/claims/", HTTP_AUTHORIZATION=f"Bearer {right.json()['access']}")
        assert listing.status_code == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the outbox's background sweep and the requests lock each other out of the tests' "
    "shared in-memory SQLite ('database table is locked'), which a database file in WAL mode does not do",
)
@pytest.mark.django_db(transaction=True)
def test_a_15_second_redis_outage_answers_no_5xx_and_loses_nothing(own_redis, actors, cache_logs):
    """Logins, lists, the dashboard, readiness and claims filed (FNOL) before, during (15 s) and after
    Redis is killed: no answer is a 5xx, every 201 is a claim in the database and no claim exists
    without its 201; every event of theirs is published once Redis is back."""
    customer, agent = actors["owner"], actors["agent"]
    policy = settled_policy(customer)
    statuses: list[tuple[str, str, int]] = []
    created: list[str] = []
    with override_settings(**_settings_for(own_redis.url)):
        anonymous, as_customer, as_agent = client_for(None), client_for(customer), client_for(agent)
        for client in (anonymous, as_customer, as_agent):
            client.raise_request_exception = False

        def round_of_requests(phase: str, index: int) -> None:
            calls = [
                (
                    "login",
                    lambda: anonymous.post("/api/auth/login/", {"email": agent.email, "password": TEST_PASSWORD}),
                ),
                ("claims", lambda: as_customer.get("/api/claims/")),
                ("kpi", lambda: as_agent.get("/api/dashboard/kpi/")),
                ("readyz", lambda: anonymous.get("/readyz")),
            ]
            if index % 2 == 0:
                calls.append(("fnol", lambda: as_customer.post("/api/claims/", fnol_payload(policy), format="json")))
            for name, call in calls:
                response = call()
                statuses.append((phase, name, response.status_code))
                if name == "fnol" and response.status_code == 201:
                    created.append(response.json()["id"])

        def run(phase: str, seconds: float) -> None:
            deadline, index = time.monotonic() + seconds, 0
            while time.monotonic() < deadline:
                round_of_requests(phase, index)
                index += 1

        run("before", 3)
        own_redis.kill()
        run("outage", 15)
        own_redis.start()
        run("after", 4)
        deadline = time.monotonic() + 15
        while OutboxEvent.objects.filter(published_at__isnull=True).exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        unpublished = OutboxEvent.objects.filter(published_at__isnull=True).count()

    server_errors = [entry for entry in statuses if entry[2] >= 500]
    assert not server_errors, server_errors
    during = [entry for entry in statuses if entry[0] == "outage"]
    assert len(during) >= 20 and {name for _, name, _ in during} == {"login", "claims", "kpi", "readyz", "fnol"}
    assert sorted(str(pk) for pk in Claim.objects.filter(policy=policy).values_list("pk", flat=True)) == sorted(created)
    assert any(phase == "outage" and name == "fnol" and status == 201 for phase, name, status in statuses)
    assert unpublished == 0
    outage_logs = [message for message in cache_logs if message.startswith("cache unreachable")]
    assert len(outage_logs) == 1  # once per outage (and at most once a minute while it lasts)
    print(
        f"\n15 s Redis outage: {len(statuses)} requests ({len(during)} during it), 0 5xx, "
        f"{len(created)} claims filed, all events published"
    )
