"""The area's geometry in plain Python: haversine, circles, polygons and their checks."""

import pytest

from insurehub.catastrophes import geometry as g

# A square around Kisumu (GeoJSON order: [lon, lat]).
SQUARE = [[34.70, -0.15], [34.85, -0.15], [34.85, -0.05], [34.70, -0.05], [34.70, -0.15]]


def test_haversine_known_distance():
    # Nairobi to Kisumu is about 265 km as the crow flies.
    assert 255 < g.haversine_km(-1.2921, 36.8219, -0.0917, 34.7680) < 275
    assert g.haversine_km(0, 0, 0, 0) == 0


def test_point_in_circle():
    assert g.in_circle(-0.10, 34.77, centre_lat=-0.0917, centre_lon=34.7680, radius_km=5)
    assert not g.in_circle(-0.30, 34.77, centre_lat=-0.0917, centre_lon=34.7680, radius_km=5)


def test_circle_bbox_holds_the_circle():
    box = g.circle_bbox(centre_lat=60.0, centre_lon=10.0, radius_km=50)
    # The points due north, south, east and west at 49.9 km are inside the box.
    assert box.min_lat < 60 - 0.44 and box.max_lat > 60 + 0.44
    assert box.max_lon - 10 > 0.89  # a degree of longitude is about 55.8 km at 60°N


@pytest.mark.parametrize("radius", [0, -1, 501])
def test_circle_radius_bounded(radius):
    with pytest.raises(g.GeometryError):
        g.check_circle(centre_lat=0, centre_lon=0, radius_km=radius)


def test_circle_may_not_cross_the_antimeridian_or_reach_a_pole():
    with pytest.raises(g.GeometryError, match="antimeridian"):
        g.check_circle(centre_lat=-17.7, centre_lon=179.9, radius_km=50)
    with pytest.raises(g.GeometryError, match="pole"):
        g.check_circle(centre_lat=89.9, centre_lon=0, radius_km=50)


def test_valid_polygon_and_its_bbox():
    points = g.check_polygon(SQUARE)
    assert len(points) == 5
    box = g.polygon_bbox(points)
    assert (box.min_lon, box.min_lat, box.max_lon, box.max_lat) == (34.70, -0.15, 34.85, -0.05)


def test_point_in_polygon():
    assert g.in_polygon(-0.10, 34.77, SQUARE)
    assert not g.in_polygon(-0.20, 34.77, SQUARE)
    assert not g.in_polygon(-0.10, 34.90, SQUARE)
    assert g.in_polygon(-0.15, 34.77, SQUARE)  # on an edge counts as inside
    # A concave ring (an L): the notch is outside.
    ell = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]
    assert g.in_polygon(0.5, 0.5, ell) and g.in_polygon(1.5, 0.5, ell)
    assert not g.in_polygon(1.5, 1.5, ell)


@pytest.mark.parametrize(
    ("ring", "message"),
    [
        ([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]], "intersects itself"),  # a bow tie
        ([[0, 0], [2, 0], [2, 2], [0, 2], [2, 1], [0, 0]], "intersects itself"),
        ([[0, 0], [1, 0], [1, 1], [0, 0.5]], "closed"),
        ([[0, 0], [1, 0], [0, 0]], "at least 4"),
        ([[0, 0], [1, 0], [2, 0], [0, 0]], "intersects itself|no area"),  # flat
        ([[0, 0], [200, 0], [0, 1], [0, 0]], "longitude"),
        ([[0, 0], [1, 0], [1, 95], [0, 0]], "latitude"),
        ([[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]], "antimeridian"),
        ([[0, 0], [1, 0], [1, 1], [1, 0], [0, 0]], "repeats a corner|intersects"),
        ("not a ring", "list of"),
        ([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 0, 0]], "list of"),
        ([[0, 0], [1, 0], [True, 1], [0, 0]], "list of"),
    ],
)
def test_bad_polygons(ring, message):
    with pytest.raises(g.GeometryError, match=message):
        g.check_polygon(ring)


def test_segments_intersect():
    assert g.segments_intersect((0, 0), (2, 2), (0, 2), (2, 0))
    assert not g.segments_intersect((0, 0), (1, 0), (0, 1), (1, 1))
    assert g.segments_intersect((0, 0), (2, 0), (1, 0), (3, 0))  # collinear, overlapping
    assert g.segments_intersect((0, 0), (1, 1), (1, 1), (2, 0))  # touching at an end
