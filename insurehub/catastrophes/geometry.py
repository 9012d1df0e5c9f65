"""An event's area, in plain Python (no GIS library): a circle (centre and radius in kilometres) or
a polygon (a GeoJSON-order ring of [longitude, latitude] points). Checking a polygon (closed, four
points or more, coordinates in range, simple, not across the antimeridian), the bounding box the
database prefilters by, and whether a point lies inside.

Distances are great-circle (haversine on a sphere of the Earth's mean radius); a polygon's edges
are straight lines in longitude/latitude, which is how GeoJSON draws them and accurate enough for
the size of a catastrophe's area."""

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
MAX_RADIUS_KM = 500.0
MAX_POLYGON_POINTS = 1000

Point = tuple[float, float]  # (longitude, latitude), GeoJSON's order


@dataclass(frozen=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


class GeometryError(ValueError):
    """A shape that is not a usable area; the message says why."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def in_circle(lat: float, lon: float, *, centre_lat: float, centre_lon: float, radius_km: float) -> bool:
    return haversine_km(lat, lon, centre_lat, centre_lon) <= radius_km


def circle_bbox(*, centre_lat: float, centre_lon: float, radius_km: float) -> BBox:
    """The box that holds the circle (a little generous: never misses a point inside). A circle
    that would reach a pole or cross the antimeridian is refused by check_circle first."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    coslat = max(math.cos(math.radians(centre_lat + math.copysign(dlat, centre_lat))), 1e-6)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * coslat))
    return BBox(centre_lon - dlon, centre_lat - dlat, centre_lon + dlon, centre_lat + dlat)


def check_circle(*, centre_lat: float, centre_lon: float, radius_km: float) -> None:
    if not -90 <= centre_lat <= 90 or not -180 <= centre_lon <= 180:
        raise GeometryError("The centre's latitude must be within -90..90 and its longitude within -180..180.")
    if not 0 < radius_km <= MAX_RADIUS_KM:
        raise GeometryError(f"The radius must be more than 0 and at most {MAX_RADIUS_KM:g} km.")
    box = circle_bbox(centre_lat=centre_lat, centre_lon=centre_lon, radius_km=radius_km)
    if box.max_lat >= 90 or box.min_lat <= -90:
        raise GeometryError("The area may not reach a pole.")
    if box.min_lon < -180 or box.max_lon > 180:
        raise GeometryError("The area may not cross the antimeridian (180° longitude).")


def _orientation(p: Point, q: Point, r: Point) -> int:
    value = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1])
    if abs(value) < 1e-12:
        return 0
    return 1 if value > 0 else 2


def _on_segment(p: Point, q: Point, r: Point) -> bool:
    """q lies on the segment p-r (given the three are collinear)."""
    return min(p[0], r[0]) <= q[0] <= max(p[0], r[0]) and min(p[1], r[1]) <= q[1] <= max(p[1], r[1])


def segments_intersect(p1: Point, q1: Point, p2: Point, q2: Point) -> bool:
    """Whether the closed segments p1-q1 and p2-q2 share a point."""
    o1, o2 = _orientation(p1, q1, p2), _orientation(p1, q1, q2)
    o3, o4 = _orientation(p2, q2, p1), _orientation(p2, q2, q1)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and _on_segment(p1, p2, q1))
        or (o2 == 0 and _on_segment(p1, q2, q1))
        or (o3 == 0 and _on_segment(p2, p1, q2))
        or (o4 == 0 and _on_segment(p2, q1, q2))
    )


def check_polygon(ring: object) -> list[Point]:
    """The ring as a list of (lon, lat) points when it is a usable area, else GeometryError: a list
    of [lon, lat] pairs, closed (last point = first), at least 4 points (a triangle), coordinates in
    range, no two edges crossing or touching except neighbours at their shared corner, no span over
    180° of longitude (a ring across the antimeridian must be split in two events)."""
    if not isinstance(ring, list | tuple) or not all(
        isinstance(point, list | tuple)
        and len(point) == 2
        and all(isinstance(c, int | float) and not isinstance(c, bool) for c in point)
        for point in ring
    ):
        raise GeometryError("The polygon must be a list of [longitude, latitude] pairs of numbers.")
    points: list[Point] = [(float(point[0]), float(point[1])) for point in ring]
    if len(points) < 4:
        raise GeometryError("The polygon needs at least 4 points (a closed triangle).")
    if len(points) > MAX_POLYGON_POINTS:
        raise GeometryError(f"The polygon may have at most {MAX_POLYGON_POINTS} points.")
    if points[0] != points[-1]:
        raise GeometryError("The polygon must be closed: its last point repeats the first.")
    for lon, lat in points:
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GeometryError(
                "Each point is [longitude, latitude]: longitude within -180..180, latitude within -90..90."
            )
    if len(set(points[:-1])) != len(points) - 1:
        raise GeometryError("The polygon repeats a corner (it touches itself).")
    lons = [lon for lon, _ in points]
    if max(lons) - min(lons) > 180:
        raise GeometryError("The polygon may not cross the antimeridian (180° longitude); split it in two.")
    edges = list(itertools.pairwise(points))
    n = len(edges)
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                # Neighbours share a corner; they may only overlap by folding back over each other.
                shared = edges[i][1] if j == i + 1 else edges[i][0]
                far_a = edges[i][0] if j == i + 1 else edges[i][1]
                far_b = edges[j][1] if j == i + 1 else edges[j][0]
                if _orientation(far_a, shared, far_b) == 0 and (
                    _on_segment(shared, far_b, far_a) or _on_segment(shared, far_a, far_b)
                ):
                    raise GeometryError("The polygon intersects itself.")
                continue
            if segments_intersect(edges[i][0], edges[i][1], edges[j][0], edges[j][1]):
                raise GeometryError("The polygon intersects itself.")
    if abs(_signed_area(points)) < 1e-12:
        raise GeometryError("The polygon has no area.")
    return points


def _signed_area(points: Sequence[Point]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(points)) / 2


def polygon_bbox(points: Sequence[Sequence[float]]) -> BBox:
    lons = [float(p[0]) for p in points]
    lats = [float(p[1]) for p in points]
    return BBox(min(lons), min(lats), max(lons), max(lats))


def in_polygon(lat: float, lon: float, points: Sequence[Sequence[float]]) -> bool:
    """Ray casting (even-odd); a point on an edge counts as inside."""
    inside = False
    ring = [(float(p[0]), float(p[1])) for p in points]
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if _orientation((x1, y1), (lon, lat), (x2, y2)) == 0 and _on_segment((x1, y1), (lon, lat), (x2, y2)):
            return True
        if (y1 > lat) != (y2 > lat):
            cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < cross:
                inside = not inside
    return inside
