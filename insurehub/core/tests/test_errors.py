"""Every error, whatever raised it, answers in the one problem+json shape."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework import serializers

from insurehub.core.errors import ApplicationError, _flatten, exception_handler
from insurehub.core.testing import assert_problem, client_for

pytestmark = pytest.mark.django_db


def test_unknown_path_outside_api_is_problem_json(api_client):
    # Paths such as /nowhere/ are the web application's routes (core/web_app.py); a file that is
    # not there is not one of them.
    assert_problem(api_client.get("/nowhere.txt"), 404)


def test_method_not_allowed_is_a_405(make_user):
    response = client_for(make_user()).delete("/api/auth/me/")
    body = assert_problem(response, 405)
    assert body["type"] == "/problems/method_not_allowed"


@pytest.mark.urls("insurehub.core.tests.urls_for_errors")
@pytest.mark.parametrize("url", ["/api/test-explode/", "/plain-explode/"])
def test_unexpected_error_is_a_500_without_traceback(client, url):
    client.raise_request_exception = False
    response = client.get(url)
    body = assert_problem(response, 500)
    assert "secret" not in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert body["request_id"] == response["X-Request-ID"]


def test_request_id_is_honoured_and_echoed(api_client):
    response = api_client.get("/api/nothing/", HTTP_X_REQUEST_ID="abc-123")
    assert response["X-Request-ID"] == "abc-123"
    assert response.json()["request_id"] == "abc-123"
    # A malformed incoming id is replaced, never reflected.
    response = api_client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32


def test_nested_errors_are_flattened_with_paths():
    detail = serializers.ValidationError(
        {"items": [{"amount": ["Too many decimals."]}, {}], "non_field_errors": ["Inconsistent."]}
    ).detail
    entries = _flatten(detail)
    assert {"field": "items.0.amount", "message": "Too many decimals.", "code": "invalid"} in entries
    assert {"field": None, "message": "Inconsistent.", "code": "invalid"} in entries


def test_django_validation_error_and_application_error_are_rendered():
    response = exception_handler(ValidationError({"amount": "Must be positive."}), {})
    assert response.status_code == 400
    response = exception_handler(ApplicationError("illegal_transition", "No.", status=409, extra={"allowed": ["x"]}))
    assert response.status_code == 409
    assert b'"allowed": ["x"]' in response.content
