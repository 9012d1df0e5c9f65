"""Claims by place: the areas a caller may ask for (a bounding box, a centre and radius, a lasso
polygon), their validation, the SQL that keeps the claims inside one, and the map's answer (the
points when few, grid clusters when many).

Coordinates are WGS 84 degrees; boxes and polygons are given in GeoJSON's order (longitude first).
Every area is first narrowed with a box on the indexed (incident_latitude, incident_longitude)
columns, then checked exactly in SQL (haversine distance for a circle, ray casting for a polygon),
so a list stays paginated in the database and the map costs a fixed number of queries.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Avg, Case, Count, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import ASin, Cast, Cos, Floor, Mod, Power, Sin, Sqrt

from insurehub.claims.models import OPEN_STATUSES, ClaimStatus

__all__ = [
    "AREA_PARAMS",
    "CLUSTER_GRID",
    "EARTH_RADIUS_KM",
    "MAX_POLYGON_VERTICES",
    "MAX_RADIUS_KM",
    "POINTS_UP_TO",
    "AreaError",
    "Box",
    "Circle",
    "Polygon",
    "area_from_params",
    "cell_size_for",
    "claims_in_area",
    "claims_map",
]

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180
MAX_RADIUS_KM = 1000.0
MAX_POLYGON_VERTICES = 100
# The map answers each claim as a point up to this many claims, else clusters on a grid of at most
# CLUSTER_GRID x CLUSTER_GRID cells over the area's box.
POINTS_UP_TO = 500
CLUSTER_GRID = 64
AREA_PARAMS = ("bbox", "lat", "lon", "radius_km", "polygon")


class AreaError(ValueError):
    """A malformed or impossible area: `field` is the query parameter at fault, `code` the reason."""

    def __init__(self, field: str, message: str, code: str = "invalid"):
        super().__init__(message)
        self.field = field
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Box:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def bounds(self) -> "Box":
        return self

    def as_list(self) -> list[float]:
        return [self.min_lon, self.min_lat, self.max_lon, self.max_lat]


@dataclass(frozen=True)
class Circle:
    lat: float
    lon: float
    radius_km: float

    def bounds(self) -> Box:
        """The box around the circle, for the indexed prefilter. Near a pole, or when the circle
        reaches across the antimeridian, every longitude (the exact distance still decides)."""
        dlat = self.radius_km / KM_PER_DEGREE_LAT
        min_lat, max_lat = max(-90.0, self.lat - dlat), min(90.0, self.lat + dlat)
        if min_lat <= -90.0 or max_lat >= 90.0:
            return Box(-180.0, min_lat, 180.0, max_lat)
        dlon = math.degrees(math.asin(min(1.0, math.sin(math.radians(dlat)) / math.cos(math.radians(self.lat)))))
        if self.lon - dlon < -180.0 or self.lon + dlon > 180.0:
            return Box(-180.0, min_lat, 180.0, max_lat)
        return Box(self.lon - dlon, min_lat, self.lon + dlon, max_lat)


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]  # (lon, lat), not closed (the last vertex is not the first)

    def bounds(self) -> Box:
        lons = [lon for lon, _ in self.points]
        lats = [lat for _, lat in self.points]
        return Box(min(lons), min(lats), max(lons), max(lats))


Area = Box | Circle | Polygon


def _numbers(field: str, text: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise AreaError(field, "Give numbers separated by commas.") from None
    if not all(math.isfinite(value) for value in values):
        raise AreaError(field, "Coordinates must be finite numbers.")
    return values


def _check_lat(field: str, lat: float) -> None:
    if not -90.0 <= lat <= 90.0:
        raise AreaError(field, "A latitude must be between -90 and 90.", "out_of_range")


def _check_lon(field: str, lon: float) -> None:
    if not -180.0 <= lon <= 180.0:
        raise AreaError(field, "A longitude must be between -180 and 180.", "out_of_range")


def parse_bbox(text: str) -> Box:
    values = _numbers("bbox", text)
    if len(values) != 4:
        raise AreaError("bbox", "Give four numbers: min_lon,min_lat,max_lon,max_lat.")
    min_lon, min_lat, max_lon, max_lat = values
    if max_lon - min_lon > 360.0:
        raise AreaError("bbox", "The box is wider than the world.", "wider_than_world")
    for lon in (min_lon, max_lon):
        _check_lon("bbox", lon)
    for lat in (min_lat, max_lat):
        _check_lat("bbox", lat)
    if min_lat > max_lat:
        raise AreaError("bbox", "min_lat is above max_lat.", "inverted")
    if min_lon > max_lon:
        raise AreaError(
            "bbox",
            "min_lon is east of max_lon: a box across the antimeridian is not supported; ask for two boxes.",
            "crosses_antimeridian",
        )
    return Box(min_lon, min_lat, max_lon, max_lat)


def make_circle(lat: float, lon: float, radius_km: float) -> Circle:
    for field, value in (("lat", lat), ("lon", lon), ("radius_km", radius_km)):
        if not math.isfinite(value):
            raise AreaError(field, "Give a finite number.")
    _check_lat("lat", lat)
    _check_lon("lon", lon)
    if radius_km <= 0:
        raise AreaError("radius_km", "The radius must be above zero.", "not_positive")
    if radius_km > MAX_RADIUS_KM:
        raise AreaError("radius_km", f"The radius may be at most {MAX_RADIUS_KM:g} km.", "too_large")
    return Circle(lat, lon, radius_km)


def _cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _segments_cross(p1, p2, p3, p4) -> bool:
    """Whether segments p1p2 and p3p4 touch or cross (collinear overlaps included)."""
    d1, d2 = _cross(p3, p4, p1), _cross(p3, p4, p2)
    d3, d4 = _cross(p1, p2, p3), _cross(p1, p2, p4)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True

    def on(a, b, c) -> bool:  # c on segment ab, given collinear
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    return (
        (d1 == 0 and on(p3, p4, p1))
        or (d2 == 0 and on(p3, p4, p2))
        or (d3 == 0 and on(p1, p2, p3))
        or (d4 == 0 and on(p1, p2, p4))
    )


def parse_polygon(text: str) -> Polygon:
    """`lon,lat,lon,lat,...`: at least three distinct vertices (the ring may repeat the first at the
    end), at most MAX_POLYGON_VERTICES, a simple ring (no edge crosses another)."""
    values = _numbers("polygon", text)
    if len(values) % 2:
        raise AreaError("polygon", "Give longitude,latitude pairs.")
    points = [(values[i], values[i + 1]) for i in range(0, len(values), 2)]
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    for lon, lat in points:
        _check_lon("polygon", lon)
        _check_lat("polygon", lat)
    if len(points) < 3:
        raise AreaError("polygon", "A polygon needs at least three corners.", "too_few_vertices")
    if len(points) > MAX_POLYGON_VERTICES:
        raise AreaError("polygon", f"A polygon may have at most {MAX_POLYGON_VERTICES} corners.", "too_many_vertices")
    if max(lon for lon, _ in points) - min(lon for lon, _ in points) > 180.0:
        raise AreaError("polygon", "A polygon may not reach across the antimeridian.", "crosses_antimeridian")
    n = len(points)
    edges = [(points[i], points[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue  # neighbours share a corner
            if _segments_cross(*edges[i], *edges[j]):
                raise AreaError("polygon", "The polygon crosses itself.", "self_intersecting")
    area2 = sum(_cross((0.0, 0.0), edges[i][0], edges[i][1]) for i in range(n))
    if area2 == 0:
        raise AreaError("polygon", "The polygon encloses no area.", "degenerate")
    return Polygon(tuple(points))


def area_from_params(params: dict[str, Any]) -> Area | None:
    """The one area of `bbox`, `lat`+`lon`+`radius_km` or `polygon` in already-typed query
    parameters (strings for bbox and polygon, floats for the centre); None when none is given."""
    given = {name: params.get(name) for name in AREA_PARAMS}
    present = {name for name, value in given.items() if value not in (None, "")}
    circle_parts = present & {"lat", "lon", "radius_km"}
    kinds = [kind for kind, on in (("bbox", "bbox" in present), ("centre", bool(circle_parts)),
                                   ("polygon", "polygon" in present)) if on]  # fmt: skip
    if len(kinds) > 1:
        raise AreaError(
            kinds[1] if kinds[1] != "centre" else sorted(circle_parts)[0],
            "Give one area: a bbox, a centre (lat, lon, radius_km) or a polygon, not several.",
            "conflicting_areas",
        )
    if "bbox" in present:
        return parse_bbox(str(given["bbox"]))
    if "polygon" in present:
        return parse_polygon(str(given["polygon"]))
    if circle_parts:
        missing = sorted({"lat", "lon", "radius_km"} - circle_parts)
        if missing:
            raise AreaError(missing[0], "A centre needs lat, lon and radius_km together.", "required")
        lat, lon, radius_km = (float(given[name]) for name in ("lat", "lon", "radius_km"))  # type: ignore[arg-type]
        return make_circle(lat, lon, radius_km)
    return None


def _degrees(value: float) -> Decimal:
    return Decimal(repr(value))


LAT = Cast("incident_latitude", FloatField())
LON = Cast("incident_longitude", FloatField())


# Degrees to radians as a plain multiplication: what RADIANS() does on PostgreSQL (x * pi/180 in
# float8) and Python's math.radians (Django's RADIANS on SQLite) do, to the bit, without a call per
# row to one of the Python functions Django registers for SQLite's maths (a third of them here).
RADIANS_PER_DEGREE = math.pi / 180


def _radians(degrees: Combinable) -> Combinable:
    return degrees * Value(RADIANS_PER_DEGREE)


def _haversine_km(lat: float, lon: float) -> Combinable:
    """The great-circle distance in km from (lat, lon) to each claim's incident, as SQL."""
    half_dlat = _radians(LAT - Value(lat)) / Value(2.0)
    half_dlon = _radians(LON - Value(lon)) / Value(2.0)
    a = Power(Sin(half_dlat), 2) + Value(math.cos(math.radians(lat))) * Cos(_radians(LAT)) * Power(Sin(half_dlon), 2)
    # Rounding may push `a` a hair above 1 for antipodes; the radius limit keeps us far from them.
    return Value(2.0 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def _sum_balanced(terms: list) -> Combinable:
    """a + b + c + ... as a balanced tree, so a long sum does not nest deeply when compiled."""
    if len(terms) == 1:
        return terms[0]
    middle = len(terms) // 2
    return _sum_balanced(terms[:middle]) + _sum_balanced(terms[middle:])


def _crossings(polygon: Polygon) -> Combinable:
    """How many of the polygon's edges a ray east of each incident crosses (odd: inside), as SQL."""
    terms = []
    points = polygon.points
    for i, (x1, y1) in enumerate(points):
        x2, y2 = points[(i + 1) % len(points)]
        if y1 == y2:
            continue  # a horizontal edge is never crossed by a horizontal ray
        low, high = min(y1, y2), max(y1, y2)
        slope = (x2 - x1) / (y2 - y1)
        edge_lon = Value(x1) + (LAT - Value(y1)) * Value(slope)
        terms.append(
            Case(
                When(Q(geo_lat__gte=low, geo_lat__lt=high) & Q(geo_lon__lt=edge_lon), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    return _sum_balanced(terms)


def claims_in_area(queryset: QuerySet, area: Area) -> QuerySet:
    """The claims of `queryset` whose incident lies in `area` (claims without a place never do)."""
    box = area.bounds()
    queryset = queryset.filter(
        incident_latitude__gte=_degrees(box.min_lat),
        incident_latitude__lte=_degrees(box.max_lat),
        incident_longitude__gte=_degrees(box.min_lon),
        incident_longitude__lte=_degrees(box.max_lon),
    )
    if isinstance(area, Circle):
        return queryset.alias(geo_distance_km=_haversine_km(area.lat, area.lon)).filter(
            geo_distance_km__lte=area.radius_km
        )
    if isinstance(area, Polygon):
        return (
            queryset.alias(geo_lat=LAT, geo_lon=LON)
            .alias(geo_crossings=Mod(_crossings(area), Value(2)))
            .filter(geo_crossings=1)
        )
    return queryset


def cell_size_for(box: Box) -> float:
    """The grid's cell in degrees: a power of two, so that the cells of a box panned or zoomed by
    a step line up with the ones before, and at most CLUSTER_GRID cells on the box's longer side."""
    span = max(box.max_lon - box.min_lon, box.max_lat - box.min_lat, 1e-6)
    return float(2.0 ** math.ceil(math.log2(span / CLUSTER_GRID)))


POINT_VALUES = ("id", "claim_number", "status", "priority", "incident_latitude", "incident_longitude")
_STATUSES = [value for value, _ in ClaimStatus.choices]


def _raw_rows(queryset: QuerySet, names: tuple[str, ...]) -> list[tuple]:
    """The `names` columns of a values() queryset as the driver gives them, without Django's
    per-value converters: for the cluster grid (up to 64 x 64 rows of counts and float means) they
    only repeat int() and float() on what is already an int or a float, and cost more than the query."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        selected = [column[0] for column in cursor.description]
        if selected[: len(names)] == list(names):
            return cursor.fetchall()
        where = [selected.index(name) for name in names]
        return [tuple(row[i] for i in where) for row in cursor.fetchall()]


def claims_map(queryset: QuerySet, *, box: Box, points_up_to: int | None = None) -> dict[str, Any]:
    """The claims of `queryset` (already narrowed to an area whose box is `box`) for a map: each
    claim (`mode: points`) when there are at most `points_up_to`, else clusters on a grid over
    `box` (`mode: clusters`), each with its count, mean position, open count and count by status.
    One query for points (it reads one row more than `points_up_to`); one more for clusters."""
    if points_up_to is None:
        points_up_to = POINTS_UP_TO
    inside = queryset.order_by()
    rows = list(inside.values_list(*POINT_VALUES)[: points_up_to + 1])
    if len(rows) <= points_up_to:
        return {
            "mode": "points",
            "total": len(rows),
            "bbox": box.as_list(),
            "cell_size": None,
            "points_up_to": points_up_to,
            "points": [
                {
                    "id": pk,
                    "claim_number": number,
                    "status": status,
                    "priority": priority,
                    "lat": float(lat),
                    "lon": float(lon),
                }
                for pk, number, status, priority, lat, lon in rows
            ],
            "clusters": [],
        }
    cell = cell_size_for(box)
    by_status = {f"n_{status}": Count("id", filter=Q(status=status)) for status in _STATUSES}
    cells = (
        inside.annotate(cell_y=Floor(LAT / Value(cell)), cell_x=Floor(LON / Value(cell)))
        .values("cell_y", "cell_x")
        .annotate(
            count=Count("id"),
            mean_lat=Avg(LAT),
            mean_lon=Avg(LON),
            open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
            **by_status,
        )
        .order_by("cell_y", "cell_x")
    )
    columns = ("cell_y", "cell_x", "count", "mean_lat", "mean_lon", "open", *by_status)
    clusters = []
    for cell_y, cell_x, count, mean_lat, mean_lon, open_count, *counts in _raw_rows(cells, columns):
        x, y = int(cell_x), int(cell_y)
        clusters.append(
            {
                "count": count,
                "lat": round(mean_lat, 6),
                "lon": round(mean_lon, 6),
                "open": open_count,
                "by_status": {status: n for status, n in zip(_STATUSES, counts, strict=True) if n},
                "cell": [x * cell, y * cell, (x + 1) * cell, (y + 1) * cell],
            }
        )
    return {
        "mode": "clusters",
        "total": sum(cluster["count"] for cluster in clusters),
        "bbox": box.as_list(),
        "cell_size": cell,
        "points_up_to": points_up_to,
        "points": [],
        "clusters": clusters,
    }
