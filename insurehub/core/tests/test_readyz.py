"""/readyz and the start-up banner: readiness (database, cache) decides 200 or 503; the optional
capabilities (virus scanner, OCR engine, task broker, channel layer) are reported, never a failure."""

import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.test import override_settings

from insurehub.core import health
from insurehub.documents.tests.samples import LOCAL_HDB, LOCAL_NDB

pytestmark = pytest.mark.django_db

CAPABILITIES = {"virus_scanner", "ocr_engine", "task_broker", "channel_layer"}


@pytest.fixture(autouse=True)
def _scanner(settings, tmp_path):
    """clamscan with a local EICAR database, as `make run` sets it up (no clamd)."""
    database = tmp_path / "clamav-db"
    database.mkdir()
    (database / "local.hdb").write_text(LOCAL_HDB)
    (database / "local.ndb").write_text(LOCAL_NDB)
    settings.CLAMD_SOCKET = ""
    settings.CLAMD_HOST = ""
    settings.CLAMAV_DB_DIR = str(database)
    return database


needs_clamscan = pytest.mark.skipif(
    not shutil.which("clamscan"), reason="clamscan is not installed (apt-get install clamav)"
)
needs_tesseract = pytest.mark.skipif(
    not shutil.which("tesseract"), reason="tesseract is not installed (apt-get install tesseract-ocr)"
)


def test_readyz_reports_every_capability_with_what_to_do(api_client):
    response = api_client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert set(body["checks"]) >= {"database", "cache"}
    assert set(body["capabilities"]) >= CAPABILITIES
    for capability in body["capabilities"].values():
        assert set(capability) == {"status", "engine", "detail", "hint"}
        assert capability["status"] in {"live", "embedded", "missing", "error"}
    # The test settings: no broker, no Redis.
    assert body["capabilities"]["task_broker"]["status"] == "embedded"
    assert body["capabilities"]["task_broker"]["engine"] == "in-process"
    assert body["capabilities"]["channel_layer"]["engine"] == "in-memory"


@needs_clamscan
def test_clamscan_with_the_local_database_is_live(api_client, _scanner):
    scanner = api_client.get("/readyz").json()["capabilities"]["virus_scanner"]
    assert (scanner["status"], scanner["engine"]) == ("live", "clamscan")
    assert str(_scanner) in scanner["detail"]
    assert "EICAR test signatures only" in scanner["detail"]
    assert scanner["detail"].startswith("ClamAV ")


@needs_clamscan
def test_clamscan_without_signatures_is_an_error_not_unready(api_client, settings, tmp_path):
    settings.CLAMAV_DB_DIR = str(tmp_path / "empty")
    response = api_client.get("/readyz")
    assert response.status_code == 200
    scanner = response.json()["capabilities"]["virus_scanner"]
    assert (scanner["status"], scanner["engine"]) == ("error", "clamscan")
    assert "scripts/system-deps.sh" in scanner["hint"]


def test_no_scanner_is_reported_missing_with_the_command_to_run(api_client, settings):
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    response = api_client.get("/readyz")
    assert response.status_code == 200
    scanner = response.json()["capabilities"]["virus_scanner"]
    assert (scanner["status"], scanner["engine"]) == ("missing", "none")
    assert "unscanned" in scanner["hint"] and "sudo scripts/system-deps.sh" in scanner["hint"]


def test_clamd_that_does_not_answer_is_an_error(api_client, settings):
    settings.CLAMD_HOST, settings.CLAMD_PORT = "127.0.0.1", 9  # discard: nothing listens
    scanner = api_client.get("/readyz").json()["capabilities"]["virus_scanner"]
    assert (scanner["status"], scanner["engine"]) == ("error", "clamd")
    assert "127.0.0.1:9" in scanner["detail"]


@needs_tesseract
def test_tesseract_is_live_with_its_version_and_a_missing_language_is_an_error(api_client, settings):
    ocr = api_client.get("/readyz").json()["capabilities"]["ocr_engine"]
    assert (ocr["status"], ocr["engine"]) == ("live", "tesseract")
    assert ocr["detail"].startswith("tesseract ") and ocr["detail"].endswith("(eng)")
    settings.TESSERACT_LANG = "eng+zzz"
    ocr = api_client.get("/readyz").json()["capabilities"]["ocr_engine"]
    assert ocr["status"] == "error" and "zzz" in ocr["detail"]


def test_no_tesseract_is_missing(api_client, settings):
    settings.TESSERACT_CMD = "/nonexistent/tesseract"
    ocr = api_client.get("/readyz").json()["capabilities"]["ocr_engine"]
    assert (ocr["status"], ocr["engine"]) == ("missing", "none")


def test_a_broker_that_does_not_answer_is_named_without_its_password(api_client, settings):
    settings.CELERY_BROKER_URL = "redis://worker:s3cret-pass@127.0.0.1:1/0"
    response = api_client.get("/readyz")
    assert response.status_code == 200  # jobs wait; the process still serves
    broker = response.json()["capabilities"]["task_broker"]
    assert (broker["status"], broker["engine"]) == ("error", "celery")
    assert "redis://127.0.0.1:1" in broker["detail"]
    assert "s3cret" not in response.content.decode()


def test_production_names_capabilities_without_versions_or_paths(api_client, settings):
    settings.DJANGO_ENV, settings.DEBUG = "production", False
    capabilities = api_client.get("/readyz").json()["capabilities"]
    assert set(capabilities) >= CAPABILITIES
    for capability in capabilities.values():
        assert set(capability) == {"status", "engine"}


def test_an_unreachable_cache_is_503_and_capabilities_are_still_reported(api_client):
    redis_down = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(CACHES={"default": redis_down}):  # restored before the suite's cache.clear()
        response = api_client.get("/readyz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json" and response["Retry-After"] == "5"
    body = response.json()
    assert (body["type"], body["status"]) == ("/problems/not_ready", 503)
    assert body["detail"].startswith("Not ready: cache")  # (and what keeps its state in the cache)
    assert body["checks"]["cache"]["status"] == "error"
    assert body["checks"]["database"]["status"] == "ok"
    assert set(body["capabilities"]) >= CAPABILITIES


def test_a_cache_served_from_memory_while_redis_is_away_is_degraded_but_ready(api_client):
    """The cache on Redis as configured (core/resilient_cache.py): Redis away is no reason to take
    the replica out of rotation, since requests are still served; the outage shows."""
    redis_down = {
        "BACKEND": "insurehub.core.resilient_cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    with override_settings(CACHES={"default": redis_down}):
        response = api_client.get("/readyz")
    assert response.status_code == 200
    cache = response.json()["checks"]["cache"]
    assert (cache["status"], cache["backend"]) == ("degraded", "ResilientRedisCache")
    assert cache["outage_seconds"] >= 0


def test_probes_are_cached_and_run_again_when_a_setting_changes(api_client, settings):
    calls = []

    def probe():
        calls.append(1)
        return health.Capability("live", "counter", f"call {len(calls)}")

    health.register("counter", probe, label="counter")
    try:
        first = api_client.get("/readyz").json()["capabilities"]["counter"]
        second = api_client.get("/readyz").json()["capabilities"]["counter"]
        assert first == second and len(calls) == 1
        settings.TESSERACT_LANG = "eng"  # any change of settings probes again
        assert api_client.get("/readyz").json()["capabilities"]["counter"]["detail"] == "call 2"
    finally:
        health.unregister("counter")


def test_a_probe_that_breaks_is_reported_not_raised(api_client):
    def probe():
        raise OSError("broken")

    health.register("broken", probe, label="broken")
    try:
        response = api_client.get("/readyz")
        assert response.status_code == 200
        assert response.json()["capabilities"]["broken"]["status"] == "error"
    finally:
        health.unregister("broken")


def test_the_start_up_banner_says_what_is_live_and_what_to_run(settings):
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    out = io.StringIO()
    call_command("capabilities", stdout=out)
    text = out.getvalue()
    for label in ("database", "cache", "virus scanner", "OCR engine", "task broker", "channel layer"):
        assert label in text
    assert "!! virus scanner  missing" in text
    assert "virus scanner: uploads stay 'unscanned'" in text and "sudo scripts/system-deps.sh" in text
    out = io.StringIO()
    call_command("capabilities", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["status"] == "ok"
    assert report["capabilities"]["virus_scanner"]["status"] == "missing"
