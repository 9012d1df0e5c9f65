"""Test helpers every app's API tests use: the access matrix and the query-count check.

    matrix = AccessMatrix(actors)              # actors: the `actors` fixture (one user per role and scope)
    matrix.assert_read(detail_url=..., list_url=..., object_id=..., visible={"owner", "admin", ...})
    matrix.assert_write(lambda client: client.patch(url, {...}), expected={"admin": 200, "owner": 403, ...})

Anonymous callers always get 401. Anyone not in `visible` must get 404 on the detail and
never find the object in the list (every page is walked); everyone in `visible` gets 200
and finds it. Failures are collected and reported together as a table.
"""

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

ANONYMOUS = "anonymous"


def client_for(user) -> APIClient:
    """An API client that sends `user`'s access token (anonymous when user is None)."""
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


def _list_ids(client: APIClient, url: str) -> tuple[int, set[str]]:
    ids: set[str] = set()
    next_url: str | None = url
    status = 200
    while next_url:
        response = client.get(next_url, {"page_size": 200} if next_url == url else None)
        status = response.status_code
        if status != 200:
            return status, ids
        body = response.json()
        results = body["results"] if isinstance(body, dict) and "results" in body else body
        ids.update(str(item["id"]) for item in results)
        next_url = body.get("next") if isinstance(body, dict) else None
    return status, ids


def assert_problem(response, status: int) -> dict:
    """The response is the one error shape (problem+json) with this status."""
    assert response.status_code == status, (response.status_code, getattr(response, "content", b"")[:500])
    assert response["Content-Type"].startswith("application/problem+json"), response["Content-Type"]
    body = response.json()
    assert {"type", "title", "status", "detail", "errors"} <= set(body), body
    assert body["status"] == status
    return body


class AccessMatrix:
    def __init__(self, actors: dict[str, Any]):
        self.actors = actors

    def _clients(self) -> Iterable[tuple[str, APIClient]]:
        yield ANONYMOUS, client_for(None)
        for name, user in self.actors.items():
            yield name, client_for(user)

    def assert_read(
        self,
        *,
        visible: set[str],
        object_id: Any,
        detail_url: str | None = None,
        list_url: str | None = None,
        list_forbidden: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        """`list_forbidden`: actors whose role may not call the list at all (answered 403)."""
        unknown = (visible | set(list_forbidden)) - set(self.actors)
        assert not unknown, f"unknown actors in the matrix: {unknown}"
        failures = []
        object_id = str(object_id)
        for name, client in self._clients():
            if detail_url:
                response = client.get(detail_url)
                expected = 401 if name == ANONYMOUS else (200 if name in visible else 404)
                if response.status_code != expected:
                    failures.append(f"{name:<20} GET {detail_url} -> {response.status_code}, expected {expected}")
                elif expected != 200:
                    assert_problem(response, expected)
            if list_url:
                status, ids = _list_ids(client, list_url)
                if name == ANONYMOUS:
                    if status != 401:
                        failures.append(f"{name:<20} GET {list_url} -> {status}, expected 401")
                elif name in list_forbidden:
                    if status != 403:
                        failures.append(f"{name:<20} GET {list_url} -> {status}, expected 403")
                elif status != 200:
                    failures.append(f"{name:<20} GET {list_url} -> {status}, expected 200")
                elif (object_id in ids) != (name in visible):
                    seen = "lists" if object_id in ids else "does not list"
                    failures.append(f"{name:<20} GET {list_url} {seen} the object")
        assert not failures, "access matrix failed:\n" + "\n".join(failures)

    def assert_write(self, call: Callable[[APIClient], Any], *, expected: dict[str, int], default: int = 404) -> None:
        """Run `call` once per actor (anonymous included, expecting 401) and compare statuses.
        Actors absent from `expected` expect `default` (404: they may not see the object).
        Order matters when calls change state: actors run in the fixture's order."""
        failures = []
        for name, client in self._clients():
            want = 401 if name == ANONYMOUS else expected.get(name, default)
            response = call(client)
            if response.status_code != want:
                failures.append(f"{name:<20} -> {response.status_code}, expected {want}: {response.content[:200]!r}")
            elif want >= 400:
                assert_problem(response, want)
        assert not failures, "write matrix failed:\n" + "\n".join(failures)


def assert_constant_queries(
    client: APIClient, url: str, *, grow: Callable[[], Any], max_queries: int, params: dict | None = None
) -> int:
    """The list at `url` costs the same number of queries before and after `grow()` adds
    rows, and no more than `max_queries`. Returns the count. A first request, not counted, warms
    what a process keeps between requests (the signed-in user: users/auth_cache.py)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as before:
        response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    grow()
    with CaptureQueriesContext(connection) as after:
        response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    assert len(before) == len(after), (
        f"{url}: {len(before)} queries before growing, {len(after)} after (N+1?)\n"
        + "\n".join(q["sql"] for q in after.captured_queries)
    )
    assert len(after) <= max_queries, f"{url}: {len(after)} queries, budget {max_queries}"
    return len(after)


def idempotency_key() -> dict[str, str]:
    """A fresh Idempotency-Key header for a test client call: `client.post(url, body, **idempotency_key())`
    (money-moving writes require one; a new key per call is a new user action)."""
    return {"HTTP_IDEMPOTENCY_KEY": uuid.uuid4().hex}
