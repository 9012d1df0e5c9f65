"""An unknown path under /api/ is a problem+json 404 whatever the method, with or without a session: a POST
answered Django's HTML CSRF page (403) because the 404 route took part in CSRF checks."""

import pytest
from django.test import Client

from insurehub.core.testing import assert_problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(make_user):
    """A client that enforces CSRF as a browser's requests meet it, signed in with a session."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    return client


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "get"])
@pytest.mark.parametrize("signed_in", [False, True])
def test_unknown_api_path_is_a_json_404_for_every_method(method, signed_in, browser, api_client):
    client = browser if signed_in else Client(enforce_csrf_checks=True)
    if method == "get":
        response = client.get("/api/no-such-thing/")
    else:
        response = getattr(client, method)("/api/no-such-thing/", data="{}", content_type="application/json")
    body = assert_problem(response, 404)
    assert body["type"] == "/problems/not_found"


def test_unknown_api_path_without_slash_is_a_json_404(browser):
    assert_problem(browser.post("/api/no-such-thing", data="{}", content_type="application/json"), 404)


def test_a_csrf_failure_is_problem_json(browser):
    # The admin's sign-in form takes part in Django's CSRF checks; without the token it is refused.
    response = browser.post("/admin/login/", {"username": "x", "password": "y"})
    body = assert_problem(response, 403)
    assert body["type"] == "/problems/csrf_failed"
