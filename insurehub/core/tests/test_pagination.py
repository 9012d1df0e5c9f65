"""Cursor pagination: every cursor-paged list uses core.pagination.CursorPagination, which checks a cursor's
position before the database sees it (a tampered cursor answered 500: a time PostgreSQL refuses, text where
the ordering field is an integer)."""

import base64
from datetime import timedelta, timezone
from urllib.parse import urlencode

import pytest
from drf_spectacular.generators import EndpointEnumerator
from rest_framework import pagination

from insurehub.core.pagination import CursorPagination
from insurehub.core.testing import assert_problem, client_for
from insurehub.notifications.models import Notification
from insurehub.users.models import NotificationTopic

pytestmark = pytest.mark.django_db


def _cursor_lists():
    found = []
    for path, _pattern, method, view in EndpointEnumerator().get_api_endpoints():
        paginator = getattr(view.cls, "pagination_class", None)
        if method == "GET" and paginator and issubclass(paginator, pagination.CursorPagination):
            found.append((path, paginator))
    return found


def _cursor(**tokens) -> str:
    return base64.b64encode(urlencode(tokens).encode()).decode()


def test_every_cursor_paged_list_uses_the_shared_paginator():
    lists = _cursor_lists()
    assert {"/api/claims/", "/api/audit/", "/api/notifications/", "/api/assessments/"} <= {p for p, _ in lists}
    others = [path for path, paginator in lists if not issubclass(paginator, CursorPagination)]
    assert not others, f"subclass insurehub.core.pagination.CursorPagination: {others}"


@pytest.mark.parametrize(
    "position", ["2026-01-01T00:00:00-20:00", "2026-01-01T00:00:00+16:00", "not a position", "2026-13-40T00:00:00Z"]
)
def test_a_tampered_position_is_an_invalid_cursor(actors, position):
    admin = client_for(actors["admin"])
    required = {"/api/audit/reads/": {"subject": str(actors["owner"].pk)}}  # lists of one subject's entries
    for path, _paginator in _cursor_lists():
        if "{" in path:
            continue
        query = {**required.get(path, {}), "cursor": _cursor(p=position)}
        body = assert_problem(admin.get(path, query), 404)
        assert body["detail"] == "Invalid cursor", (path, body)


def test_positions_with_an_offset_are_read_in_utc_and_pages_still_follow(actors):
    owner = actors["owner"]
    for n in range(5):
        Notification.objects.create(recipient=owner, topic=NotificationTopic.values[0], kind="test", title=f"n{n}")
    client = client_for(owner)
    first = client.get("/api/notifications/", {"page_size": 2}).json()
    seen = [item["id"] for item in first["results"]]
    next_url = first["next"]
    while next_url:
        page = client.get(next_url).json()
        seen += [item["id"] for item in page["results"]]
        next_url = page["next"]
    assert len(seen) == len(set(seen)) == 5
    # The same instant written with an offset finds the same page.
    newest = Notification.objects.order_by("-created_at").first().created_at
    local = newest.astimezone(timezone(timedelta(hours=3)))
    in_utc = client.get("/api/notifications/", {"cursor": _cursor(p=str(newest))}).json()["results"]
    with_offset = client.get("/api/notifications/", {"cursor": _cursor(p=local.isoformat())}).json()["results"]
    assert [i["id"] for i in in_utc] == [i["id"] for i in with_offset] and len(in_utc) == 4
