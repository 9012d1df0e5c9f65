"""Claims by place (claims.geo): the map endpoint's points and clusters, the list's area filters,
who sees what, bad areas, and a fixed number of queries."""

import datetime
import math
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone

from insurehub.claims import geo, selectors
from insurehub.claims.api.geo import ClaimsGeoSerializer
from insurehub.claims.models import Claim
from insurehub.claims.tests.factories import file_claim
from insurehub.core.renderers import ORJSONRenderer
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.policies.tests.factories import PolicyFactory

GEO = "/api/claims/geo/"
NAIROBI = (-1.286389, 36.817223)  # lat, lon
KISUMU = (-0.091702, 34.767956)
NAIROBI_BOX = "36.6,-1.45,37.1,-1.15"
KENYA_BOX = "33.9,-4.7,41.9,5.0"


def _policy(customer):
    start = timezone.localdate() - datetime.timedelta(days=120)
    return PolicyFactory(customer=customer, start_date=start, end_date=start + datetime.timedelta(days=364))


def _at(claim: Claim, lat: float, lon: float) -> Claim:
    Claim.objects.filter(pk=claim.pk).update(
        incident_latitude=Decimal(f"{lat:.6f}"), incident_longitude=Decimal(f"{lon:.6f}")
    )
    return Claim.objects.get(pk=claim.pk)


def _copies(claim: Claim, places: list[tuple[float, float]], **changes) -> list[Claim]:
    """Copies of `claim` at `places`, written in one statement (the map reads, never files)."""
    rows = []
    for lat, lon in places:
        copy = Claim.objects.get(pk=claim.pk)
        copy.pk = uuid.uuid4()
        copy.claim_number = f"CLM-T-{uuid.uuid4().hex[:12]}"
        copy.incident_latitude, copy.incident_longitude = Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")
        for name, value in changes.items():
            setattr(copy, name, value)
        rows.append(copy)
    return Claim.objects.bulk_create(rows)


def _point_ids(response) -> set[str]:
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert body["mode"] == "points"
    return {point["id"] for point in body["points"]}


def _list_ids(response) -> set[str]:
    assert response.status_code == 200, response.content[:300]
    return {row["id"] for row in response.json()["results"]}


# --- areas, without a database ----------------------------------------------------------------


@pytest.mark.parametrize(
    "params, field, code",
    [
        ({}, "bbox", "required"),
        ({"bbox": "1,2,3"}, "bbox", "invalid"),
        ({"bbox": "a,b,c,d"}, "bbox", "invalid"),
        ({"bbox": "1,2,3,nan"}, "bbox", "invalid"),
        ({"bbox": "36,1,37,-1"}, "bbox", "inverted"),
        ({"bbox": "179,-10,-179,10"}, "bbox", "crosses_antimeridian"),
        ({"bbox": "-200,-10,200,10"}, "bbox", "wider_than_world"),
        ({"bbox": "-181,-10,0,10"}, "bbox", "out_of_range"),
        ({"bbox": "0,-91,10,10"}, "bbox", "out_of_range"),
        ({"lat": "91", "lon": "36", "radius_km": "5"}, "lat", "out_of_range"),
        ({"lat": "-1", "lon": "181", "radius_km": "5"}, "lon", "out_of_range"),
        ({"lat": "-1", "lon": "36", "radius_km": "0"}, "radius_km", "not_positive"),
        ({"lat": "-1", "lon": "36", "radius_km": "-3"}, "radius_km", "not_positive"),
        ({"lat": "-1", "lon": "36", "radius_km": "1001"}, "radius_km", "too_large"),
        ({"lat": "-1", "lon": "36"}, "radius_km", "required"),
        ({"lat": "north", "lon": "36", "radius_km": "5"}, "lat", "invalid"),
        ({"bbox": NAIROBI_BOX, "lat": "-1", "lon": "36", "radius_km": "5"}, "lat", "conflicting_areas"),
        ({"bbox": NAIROBI_BOX, "polygon": "36,-1,37,-1,37,0"}, "polygon", "conflicting_areas"),
        ({"polygon": "36,-1,37,-1"}, "polygon", "too_few_vertices"),
        ({"polygon": "36,-1,37,-1,37"}, "polygon", "invalid"),
        ({"polygon": "36,-1,37,0,37,-1,36,0"}, "polygon", "self_intersecting"),
        ({"polygon": "36,-1,37,-1,38,-1"}, "polygon", "degenerate"),
        (
            {"polygon": ",".join(f"{36 + i / 1000},{-1 - (i % 2) / 1000}" for i in range(101))},
            "polygon",
            "too_many_vertices",
        ),
        ({"polygon": "-170,0,170,0,170,10"}, "polygon", "crosses_antimeridian"),
    ],
)
@pytest.mark.django_db
def test_bad_areas_are_refused_with_the_parameter_and_why(actors, params, field, code):
    body = assert_problem(client_for(actors["admin"]).get(GEO, params), 400)
    assert {"field": field, "code": code} in [{"field": e["field"], "code": e["code"]} for e in body["errors"]], body
    if params:  # the list refuses the same area the same way
        body = assert_problem(client_for(actors["admin"]).get("/api/claims/", params), 400)
        assert field in [error["field"] for error in body["errors"]], body


def test_cells_are_powers_of_two_and_at_most_the_grid():
    for box in (geo.Box(33.9, -4.7, 41.9, 5.0), geo.Box(-180, -90, 180, 90), geo.Box(36.8, -1.3, 36.8001, -1.2999)):
        cell = geo.cell_size_for(box)
        assert (box.max_lon - box.min_lon) / cell <= geo.CLUSTER_GRID
        assert (box.max_lat - box.min_lat) / cell <= geo.CLUSTER_GRID
        assert (box.max_lon - box.min_lon) / cell > geo.CLUSTER_GRID / 2 or (box.max_lat - box.min_lat) / cell > 16


def test_a_circles_box_holds_the_circle():
    circle = geo.make_circle(*NAIROBI, 50)
    box = circle.bounds()
    assert box.min_lat < NAIROBI[0] - 0.44 and box.max_lat > NAIROBI[0] + 0.44
    assert box.min_lon < NAIROBI[1] - 0.44
    near_pole = geo.make_circle(89.9, 10, 100).bounds()
    assert (near_pole.min_lon, near_pole.max_lon) == (-180.0, 180.0)
    across = geo.make_circle(0, 179.9, 50).bounds()
    assert (across.min_lon, across.max_lon) == (-180.0, 180.0)


# --- the map and the list, on the database ------------------------------------------------------


@pytest.mark.django_db
def test_points_radius_and_lasso_are_exact(actors):
    claim = _at(file_claim(policy=_policy(actors["owner"])), *NAIROBI)
    # 9 km and 11 km due north of the centre; one in Kisumu; one with no place.
    near, far, kisumu = _copies(
        claim, [(NAIROBI[0] + 9 / 111.195, NAIROBI[1]), (NAIROBI[0] + 11 / 111.195, NAIROBI[1]), KISUMU]
    )
    nowhere = _copies(claim, [(0, 0)])[0]
    Claim.objects.filter(pk=nowhere.pk).update(incident_latitude=None, incident_longitude=None)
    client = client_for(actors["supervisor"])

    body = client.get(GEO, {"bbox": KENYA_BOX}).json()
    assert body["mode"] == "points" and body["total"] == 4 and body["cell_size"] is None
    point = next(p for p in body["points"] if p["id"] == str(claim.pk))
    assert point == {
        "id": str(claim.pk), "claim_number": claim.claim_number, "status": claim.status,
        "priority": claim.priority, "lat": NAIROBI[0], "lon": NAIROBI[1],
    }  # fmt: skip
    assert _point_ids(client.get(GEO, {"lat": NAIROBI[0], "lon": NAIROBI[1], "radius_km": 10})) == {
        str(claim.pk),
        str(near.pk),
    }
    assert _point_ids(client.get(GEO, {"lat": NAIROBI[0], "lon": NAIROBI[1], "radius_km": 12})) == {
        str(claim.pk),
        str(near.pk),
        str(far.pk),
    }
    # A triangle over Nairobi whose box also holds `near`, but not the triangle itself.
    lasso = f"36.7,-1.35,36.95,-1.35,36.7,{NAIROBI[0] + 0.1}"
    assert _point_ids(client.get(GEO, {"polygon": lasso})) == {str(claim.pk)}
    # The list takes the same areas and the other filters with them.
    assert _list_ids(client.get("/api/claims/", {"polygon": lasso})) == {str(claim.pk)}
    assert _list_ids(client.get("/api/claims/", {"lat": NAIROBI[0], "lon": NAIROBI[1], "radius_km": 10})) == {
        str(claim.pk),
        str(near.pk),
    }
    assert _list_ids(client.get("/api/claims/", {"bbox": "34,-1,35,1"})) == {str(kisumu.pk)}
    assert _list_ids(client.get("/api/claims/", {"bbox": "34,-1,35,1", "status": "closed"})) == set()
    assert _point_ids(client.get(GEO, {"bbox": KENYA_BOX, "search": kisumu.claim_number})) == {str(kisumu.pk)}


@pytest.mark.django_db
def test_many_claims_come_as_clusters_on_the_grid(actors, monkeypatch):
    monkeypatch.setattr(geo, "POINTS_UP_TO", 3)
    claim = _at(file_claim(policy=_policy(actors["owner"])), *NAIROBI)
    _copies(claim, [(NAIROBI[0] + 0.001 * i, NAIROBI[1]) for i in range(1, 4)])
    _copies(claim, [KISUMU, KISUMU], status="closed")
    body = client_for(actors["admin"]).get(GEO, {"bbox": KENYA_BOX}).json()
    assert body["mode"] == "clusters" and body["total"] == 6 and body["points"] == []
    assert body["cell_size"] == 0.25  # 9.7 degrees / 64 cells, up to a power of two
    by_place = sorted(body["clusters"], key=lambda cluster: cluster["lon"])
    assert [(c["count"], c["open"], c["by_status"]) for c in by_place] == [
        (2, 0, {"closed": 2}),
        (4, 4, {"submitted": 4}),
    ]
    kisumu_cell = by_place[0]
    assert kisumu_cell["lat"] == pytest.approx(KISUMU[0]) and kisumu_cell["lon"] == pytest.approx(KISUMU[1])
    assert kisumu_cell["cell"][0] <= KISUMU[1] < kisumu_cell["cell"][2]
    assert kisumu_cell["cell"][1] <= KISUMU[0] < kisumu_cell["cell"][3]


@pytest.mark.django_db
def test_the_map_shows_who_may_see_what(actors):
    """As the list: the owner, the department's agent and supervisor, the assigned assessor, admins."""
    claim = _at(file_claim(policy=_policy(actors["owner"])), *NAIROBI)
    Claim.objects.filter(pk=claim.pk).update(assigned_assessor=actors["assessor"])
    visible = {"owner", "agent", "assessor", "supervisor", "admin"}
    failures = []
    for name, user in actors.items():
        ids = _point_ids(client_for(user).get(GEO, {"bbox": NAIROBI_BOX}))
        if (str(claim.pk) in ids) != (name in visible):
            failures.append(name)
    assert not failures, failures
    assert_problem(client_for(None).get(GEO, {"bbox": NAIROBI_BOX}), 401)
    AccessMatrix(actors).assert_read(visible=visible, object_id=claim.pk, list_url=f"/api/claims/?bbox={NAIROBI_BOX}")


@pytest.mark.django_db
@pytest.mark.parametrize("mode, points_up_to, budget", [("points", 500, 3), ("clusters", 1, 4)])
def test_the_map_costs_the_same_queries_however_many_claims(actors, monkeypatch, mode, points_up_to, budget):
    monkeypatch.setattr(geo, "POINTS_UP_TO", points_up_to)
    claim = _at(file_claim(policy=_policy(actors["owner"])), *NAIROBI)
    _copies(claim, [KISUMU])
    client = client_for(actors["agent"])
    assert client.get(GEO, {"bbox": KENYA_BOX}).json()["mode"] == mode

    def grow():
        _copies(claim, [(NAIROBI[0] + 0.01 * i, NAIROBI[1] + 0.02 * i) for i in range(20)])

    assert_constant_queries(
        client, GEO, grow=grow, max_queries=budget, params={"bbox": KENYA_BOX, "status": ["submitted", "closed"]}
    )


def _destination(lat: float, lon: float, bearing_degrees: float, km: float) -> tuple[float, float]:
    """The point `km` along the great circle from (lat, lon) at `bearing_degrees` (0 north, 90 east)."""
    phi, lam, theta, delta = (
        math.radians(lat),
        math.radians(lon),
        math.radians(bearing_degrees),
        km / geo.EARTH_RADIUS_KM,
    )
    phi2 = math.asin(math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi), math.cos(delta) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), math.degrees(lam2)


@pytest.mark.django_db
@pytest.mark.parametrize("points_up_to, budget", [(500, 3), (1, 4)])
def test_a_radius_is_the_circle_not_its_box(actors, monkeypatch, points_up_to, budget):
    """The indexed box around the circle only narrows: on the diagonals, where the box's corners
    stand out of the circle, a claim 4.9 km from the centre is on the map and in the list, one at
    5.1 km or in a corner of the box is not; points or clusters, at a fixed number of queries."""
    monkeypatch.setattr(geo, "POINTS_UP_TO", points_up_to)
    claim = _at(file_claim(policy=_policy(actors["owner"])), *NAIROBI)
    box = geo.make_circle(*NAIROBI, 5).bounds()
    corners = [(box.max_lat - 1e-4, box.max_lon - 1e-4), (box.min_lat + 1e-4, box.min_lon + 1e-4)]
    inside = _copies(claim, [_destination(*NAIROBI, bearing, 4.9) for bearing in (45, 135, 225, 315)])
    outside = _copies(claim, [_destination(*NAIROBI, bearing, 5.1) for bearing in (45, 135, 225, 315)] + corners)
    for far in outside:  # in the box, so only the exact distance leaves them out
        assert box.min_lat <= far.incident_latitude <= box.max_lat
        assert box.min_lon <= far.incident_longitude <= box.max_lon
    client = client_for(actors["supervisor"])
    circle = {"lat": NAIROBI[0], "lon": NAIROBI[1], "radius_km": 5}
    expected = {str(c.pk) for c in [claim, *inside]}
    assert _list_ids(client.get("/api/claims/", circle)) == expected
    body = client.get(GEO, circle).json()
    if points_up_to == 500:
        assert body["mode"] == "points" and {point["id"] for point in body["points"]} == expected
    else:
        assert body["mode"] == "clusters" and sum(cluster["count"] for cluster in body["clusters"]) == 5
        assert body["total"] == 5 and body["cell_size"] == geo.cell_size_for(box)

    def grow():
        _copies(claim, [_destination(*NAIROBI, 10 * i, 1 + i / 10) for i in range(30)])

    assert_constant_queries(client, GEO, grow=grow, max_queries=budget, params=circle)


@pytest.mark.django_db
@pytest.mark.parametrize("points_up_to", [500, 1])
def test_the_answer_is_what_its_serializer_gives(actors, monkeypatch, points_up_to):
    """The map answers claims_map()'s dict as it is (no serializer pass, for speed): byte for byte
    what ClaimsGeoSerializer, which documents the answer, would render from it."""
    monkeypatch.setattr(geo, "POINTS_UP_TO", points_up_to)
    claim = _at(file_claim(policy=_policy(actors["owner"])), *NAIROBI)
    _copies(claim, [KISUMU, (NAIROBI[0] + 0.01, NAIROBI[1] + 0.01)], status="closed")
    user = actors["supervisor"]
    response = client_for(user).get(GEO, {"lat": NAIROBI[0], "lon": NAIROBI[1], "radius_km": 400})
    assert response.status_code == 200 and response.json()["total"] == 3
    circle = geo.make_circle(*NAIROBI, 400)
    answer = geo.claims_map(geo.claims_in_area(selectors.claim_list(user), circle), box=circle.bounds())
    assert answer["mode"] == ("points" if points_up_to == 500 else "clusters")
    assert response.content == ORJSONRenderer().render(ClaimsGeoSerializer(answer).data)
