"""Times in query strings: every filterset uses core.filters.TimestampFilter, which answers 400 for an offset
PostgreSQL cannot store (it answered 500 there) and compares in UTC."""

from datetime import UTC, datetime

import django_filters
import pytest
from drf_spectacular.generators import EndpointEnumerator

from insurehub.core.filters import TimestampFilter
from insurehub.core.testing import assert_problem, client_for

pytestmark = pytest.mark.django_db


def _timestamp_filters():
    """(path, parameter) for every time filter of every list in the URL configuration."""
    found = []
    for path, _pattern, method, view in EndpointEnumerator().get_api_endpoints():
        filterset_class = getattr(view.cls, "filterset_class", None)
        if method != "GET" or filterset_class is None:
            continue
        for name, flt in filterset_class.base_filters.items():
            if isinstance(flt, django_filters.DateTimeFilter | django_filters.DateFilter):
                found.append((path, name, flt))
    return found


def test_every_time_filter_is_the_shared_one():
    filters = _timestamp_filters()
    assert len(filters) >= 13  # claims (list and export) 8, documents 2, notifications 1, users 2, audit 2
    others = [(path, name, type(flt).__name__) for path, name, flt in filters if not isinstance(flt, TimestampFilter)]
    assert not others, f"use insurehub.core.filters.TimestampFilter: {others}"


# Endpoints that need more than the filter to answer: the claims map needs an area.
REQUIRED = {"/api/claims/geo/": {"bbox": "33.5,-5,42,5.5"}}


@pytest.mark.parametrize("offset", ["-20:00", "+16:00", "-16:00"])
def test_an_offset_beyond_1559_is_a_400_on_every_time_filter(actors, offset):
    admin = client_for(actors["admin"])
    failures = []
    for path, name, _flt in _timestamp_filters():
        if "{" in path:
            continue
        response = admin.get(path, {name: f"2026-01-01T00:00:00{offset}", **REQUIRED.get(path, {})})
        if response.status_code != 400:
            failures.append(f"{path}?{name}: {response.status_code}")
            continue
        body = assert_problem(response, 400)
        assert [e["field"] for e in body["errors"]] == [name], body
    assert not failures, failures


@pytest.mark.parametrize("value", ["2026-01-01T00:00:00+15:59", "2026-01-01T00:00:00-12:00", "2026-01-01T00:00:00"])
def test_offsets_up_to_1559_and_none_are_accepted(actors, value):
    admin = client_for(actors["admin"])
    for path, name, _flt in _timestamp_filters():
        if "{" not in path:
            assert admin.get(path, {name: value, **REQUIRED.get(path, {})}).status_code == 200, (path, name)


def test_the_time_is_compared_in_utc():
    field = TimestampFilter().field
    assert field.clean("2026-01-01T03:00:00+03:00") == datetime(2026, 1, 1, tzinfo=UTC)
    assert field.clean("2026-01-01T00:00:00") == datetime(2026, 1, 1, tzinfo=UTC)
    assert field.clean("2026-01-01T00:00:00-15:59").utcoffset().total_seconds() == 0


def test_created_after_with_an_offset_finds_the_same_users_as_in_utc(actors):
    admin = client_for(actors["admin"])
    joined = actors["owner"].created_at
    local = joined.astimezone(datetime.strptime("+0530", "%z").tzinfo).isoformat()
    ids = {u["id"] for u in admin.get("/api/users/", {"created_after": local, "page_size": 200}).json()["results"]}
    assert str(actors["owner"].pk) in ids
