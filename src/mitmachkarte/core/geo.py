"""Small geographic helpers: bounding boxes, coordinates, distances, polygons."""

import math
from dataclasses import dataclass

from shapely.geometry import Point, shape
from shapely.prepared import prep

EARTH_RADIUS_M = 6_371_000


class GeoInputError(ValueError):
    """Bad geographic input; the message is meant for the user."""


def validate_lat_lon(lat: float, lon: float) -> None:
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise GeoInputError(f"latitude must be between -90 and 90, got {lat}")
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise GeoInputError(f"longitude must be between -180 and 180, got {lon}")


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def as_list(self) -> list[float]:
        return [self.west, self.south, self.east, self.north]


def parse_bbox(value: str, *, any_order: bool = False) -> BBox:
    """Parse "west,south,east,north" (WGS84 degrees) as used by the API and the map.

    With `any_order` the values are two opposite corners in any order (query parameters:
    every box the API schema's pattern allows is one the API answers); without, a box with
    west > east or south > north is refused (a stored area)."""
    parts = [p.strip() for p in (value or "").split(",")]
    if len(parts) != 4:
        raise GeoInputError(
            f"expected 4 comma-separated numbers west,south,east,north, got {len(parts)}"
        )
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise GeoInputError("all four values must be numbers") from None
    for lat in (south, north):
        if not (math.isfinite(lat) and -90 <= lat <= 90):
            raise GeoInputError(f"latitude {lat} is outside -90..90")
    for lon in (west, east):
        if not (math.isfinite(lon) and -180 <= lon <= 180):
            raise GeoInputError(f"longitude {lon} is outside -180..180")
    if any_order:
        west, east = sorted((west, east))
        south, north = sorted((south, north))
    if west > east:
        raise GeoInputError("west must not be greater than east")
    if south > north:
        raise GeoInputError("south must not be greater than north")
    return BBox(west, south, east, north)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


class Area:
    """A GeoJSON (Multi)Polygon prepared for fast point-in-polygon tests."""

    def __init__(self, geojson: dict):
        self.geometry = shape(geojson)
        if self.geometry.geom_type not in {"Polygon", "MultiPolygon"}:
            kind = self.geometry.geom_type
            raise GeoInputError(f"expected a Polygon or MultiPolygon, got {kind}")
        if not self.geometry.is_valid:
            self.geometry = self.geometry.buffer(0)
        self._prepared = prep(self.geometry)

    @property
    def bbox(self) -> BBox:
        west, south, east, north = self.geometry.bounds
        return BBox(west, south, east, north)

    def contains(self, lat: float, lon: float) -> bool:
        # covers(): a point exactly on the border counts as inside.
        return self._prepared.covers(Point(lon, lat))
