"""Login limits that hold: parallel guesses get at most the limit of password checks (on the
process's cache and on Redis), X-Forwarded-For is believed only from our own proxies (the
middleware, DRF's throttles and the login guard share one rule), a stranger locks only their
own (account, address) pair, and the account alone is locked only by failures from many
addresses, with an unlock link e-mailed to its owner."""

import socket
import threading

import pytest
from django.db import connection
from django.test import RequestFactory, override_settings
from rest_framework.test import APIClient

from insurehub.audit.models import AuditEvent
from insurehub.core.client_address import client_ip
from insurehub.core.testing import assert_problem
from insurehub.core.throttling import AnonRateThrottle, ScopedRateThrottle
from insurehub.users.tests.factories import TEST_PASSWORD
from insurehub.users.tests.test_account_recovery import link_token, mails, smtp  # noqa: F401 (fixture)

PARALLEL = 40
UNLOCK = "/api/auth/unlock/confirm/"


def login(email: str, password: str = TEST_PASSWORD, **extra):
    return APIClient().post("/api/auth/login/", {"email": email, "password": password}, format="json", **extra)


def _redis_listens() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request):
    """The login guard's cache: this process's memory, and Redis when one listens on 127.0.0.1:6379
    (database 11, flushed before and after)."""
    if request.param == "locmem":
        yield "locmem"
        return
    if not _redis_listens():
        pytest.skip("no Redis listening on 127.0.0.1:6379")
    redis = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/11"}
    }
    with override_settings(CACHES=redis):
        from django.core.cache import cache

        cache.clear()
        yield "redis"
        cache.clear()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel sign-ins need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_passwords_get_at_most_the_limit_of_checks(make_user, settings, cache_backend):
    settings.LOGIN_LOCKOUT_AFTER = 8
    user = make_user(email="target@example.test")
    barrier, codes, lock = threading.Barrier(PARALLEL), [], threading.Lock()

    def guess(n):
        try:
            barrier.wait()
            code = login("target@example.test", f"guess-{n}", REMOTE_ADDR="203.0.113.9").status_code
            with lock:
                codes.append(code)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    checked = AuditEvent.objects.filter(action="auth.login_failed", object_id=str(user.pk)).count()
    assert len(codes) == PARALLEL
    assert checked <= 8, (checked, sorted(codes))
    assert codes.count(401) == checked and codes.count(429) == PARALLEL - checked
    # And the pair stays locked for the right password too.
    assert_problem(login("target@example.test", REMOTE_ADDR="203.0.113.9"), 429)


class TestClientAddress:
    rf = RequestFactory()

    def request(self, remote, forwarded=None):
        extra = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return self.rf.get("/", **extra)

    def test_without_proxies_configured_the_header_is_ignored(self, settings):
        settings.TRUSTED_PROXIES, settings.NUM_PROXIES = [], 0
        assert client_ip(self.request("198.51.100.1", "203.0.113.5")) == "198.51.100.1"

    def test_from_a_trusted_proxy_the_first_untrusted_hop_from_the_right(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.10"]
        # The client wrote the first entry itself; our proxies appended the rest.
        request = self.request("10.1.2.3", "6.6.6.6, 203.0.113.5, 192.0.2.10")
        assert client_ip(request) == "203.0.113.5"
        assert client_ip(self.request("10.1.2.3", "10.9.9.9")) == "10.9.9.9"  # only proxies: the farthest
        assert client_ip(self.request("10.1.2.3", "not-an-address")) == "10.1.2.3"

    def test_from_anyone_else_the_header_is_ignored(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert client_ip(self.request("198.51.100.1", "203.0.113.5")) == "198.51.100.1"

    def test_num_proxies_counts_from_the_right(self, settings):
        settings.TRUSTED_PROXIES, settings.NUM_PROXIES = [], 1
        assert client_ip(self.request("10.0.0.1", "6.6.6.6, 203.0.113.5")) == "203.0.113.5"

    def test_drf_throttles_use_the_same_rule(self, settings):
        settings.TRUSTED_PROXIES, settings.NUM_PROXIES = [], 0
        request = self.request("198.51.100.1", "203.0.113.5")
        assert ScopedRateThrottle().get_ident(request) == "198.51.100.1"
        assert AnonRateThrottle().get_ident(request) == "198.51.100.1"
        settings.TRUSTED_PROXIES = ["198.51.100.0/24"]
        assert ScopedRateThrottle().get_ident(request) == "203.0.113.5"


@pytest.mark.django_db
class TestLockout:
    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=5, TRUSTED_PROXIES=[], NUM_PROXIES=0)
    def test_a_new_forwarded_address_per_attempt_changes_nothing(self, make_user):
        user = make_user(email="spoof@example.test")
        for n in range(5):
            login("spoof@example.test", "bad", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        response = login("spoof@example.test", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.99")
        assert_problem(response, 429)
        ips = set(
            AuditEvent.objects.filter(action="auth.login_failed", object_id=str(user.pk)).values_list("ip", flat=True)
        )
        assert ips == {"198.51.100.4"}

    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=5, TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_behind_our_proxy_each_client_is_its_own_pair(self, make_user):
        make_user(email="victim@example.test")
        for _ in range(6):
            login("victim@example.test", "bad", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
        assert_problem(login("victim@example.test", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66"), 429)
        # The owner, from their own address, is not locked out by the stranger.
        assert (
            login("victim@example.test", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 200
        )

    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=5, LOGIN_ACCOUNT_LOCKOUT_AFTER=20)
    def test_a_stranger_locks_only_their_own_pair(self, make_user):
        make_user(email="owner@example.test")
        for _ in range(12):
            login("owner@example.test", "bad", REMOTE_ADDR="203.0.113.66")
        assert AuditEvent.objects.filter(action="auth.login_failed").count() == 5
        assert login("owner@example.test", REMOTE_ADDR="198.51.100.7").status_code == 200

    @override_settings(LOGIN_SLOWDOWN_AFTER=100, LOGIN_LOCKOUT_AFTER=100, LOGIN_ACCOUNT_LOCKOUT_AFTER=6)
    def test_many_failures_from_one_address_never_lock_the_account(self, make_user, settings):
        settings.LOGIN_ACCOUNT_LOCKOUT_MIN_IPS = 3
        make_user(email="one@example.test")
        for _ in range(10):
            login("one@example.test", "bad", REMOTE_ADDR="203.0.113.66")
        assert login("one@example.test", REMOTE_ADDR="198.51.100.7").status_code == 200


@pytest.mark.django_db(transaction=True)
class TestDistributedAttack:
    @pytest.fixture(autouse=True)
    def _limits(self, settings):
        settings.LOGIN_SLOWDOWN_AFTER = 100
        settings.LOGIN_LOCKOUT_AFTER = 100
        settings.LOGIN_ACCOUNT_LOCKOUT_AFTER = 6
        settings.LOGIN_ACCOUNT_LOCKOUT_MIN_IPS = 3
        settings.PUBLIC_BASE_URL = "https://app.insurehub.example"

    def attack(self, email):
        for n in range(6):
            login(email, "bad", REMOTE_ADDR=f"203.0.113.{n % 3 + 1}")

    def test_locks_the_account_and_mails_one_unlock_link_that_works_once(self, make_user, smtp):  # noqa: F811
        user = make_user(email="spread@example.test")
        self.attack("spread@example.test")
        body = assert_problem(login("spread@example.test", REMOTE_ADDR="198.51.100.7"), 429)
        assert body["type"] == "/problems/login_throttled"
        login("spread@example.test", "bad", REMOTE_ADDR="203.0.113.200")  # refused while locked: no second mail
        sent = mails(smtp, "spread@example.test")
        assert [m["subject"] for m in sent] == ["Your InsureHub account was locked"]
        token = link_token(sent[0]["text"], "/unlock-account")
        response = APIClient().post(UNLOCK, {"token": token}, format="json")
        assert response.status_code == 200, response.content
        assert login("spread@example.test", REMOTE_ADDR="198.51.100.7").status_code == 200
        assert AuditEvent.objects.filter(action="auth.account_unlocked", actor=user).exists()
        assert assert_problem(APIClient().post(UNLOCK, {"token": token}, format="json"), 400)["type"] == (
            "/problems/invalid_token"
        )

    def test_a_password_reset_unlocks_too(self, make_user, smtp):  # noqa: F811
        from insurehub.users import services

        make_user(email="reset@example.test")
        self.attack("reset@example.test")
        assert_problem(login("reset@example.test", REMOTE_ADDR="198.51.100.7"), 429)
        services.password_reset_request(email="reset@example.test")
        reset = next(m for m in mails(smtp, "reset@example.test") if "reset" in m["subject"].lower())
        services.password_reset_confirm(token=link_token(reset["text"], "/reset-password"), password="plum-orbit-917x")
        assert login("reset@example.test", "plum-orbit-917x", REMOTE_ADDR="198.51.100.7").status_code == 200

    @pytest.mark.parametrize(
        "payload",
        [{}, {"token": ""}, {"token": "x" * 129}, {"token": "forged"}, {"token": "a", "extra": 1}],
    )
    def test_bad_unlock_input_is_a_400(self, payload):
        assert_problem(APIClient().post(UNLOCK, payload, format="json"), 400)
