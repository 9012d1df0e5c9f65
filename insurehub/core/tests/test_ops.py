import pytest

from insurehub.core.testing import assert_problem


@pytest.mark.django_db
def test_healthz_and_readyz(api_client):
    assert api_client.get("/healthz").json() == {"status": "ok"}
    body = api_client.get("/readyz").json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"


@pytest.mark.django_db
def test_metrics_exposes_request_counters(api_client):
    api_client.get("/healthz")
    text = api_client.get("/metrics").content.decode()
    assert "insurehub_http_requests_total" in text
    assert 'route="healthz"' in text


@pytest.mark.django_db
def test_unknown_api_path_is_problem_json(api_client):
    body = assert_problem(api_client.get("/api/no-such-thing/"), 404)
    assert body["type"] == "/problems/not_found"


@pytest.mark.django_db
def test_metrics_expose_outbox_lag_and_webhook_backlog(api_client):
    text = api_client.get("/metrics").content.decode()
    assert "insurehub_outbox_lag_seconds 0.0" in text
    assert "insurehub_webhook_deliveries_pending 0.0" in text
    assert "insurehub_websocket_connections" in text


@pytest.mark.django_db
def test_security_headers(api_client):
    response = api_client.get("/api/nothing/")
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "Server" not in response
    docs = api_client.get("/api/docs/")
    policy = dict(directive.strip().split(" ", 1) for directive in docs["Content-Security-Policy"].split(";"))
    assert "http" not in docs["Content-Security-Policy"]  # no other origin, anywhere
    assert policy["script-src"] == "'self'"  # no inline script either
