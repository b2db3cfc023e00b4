"""A neutral map background for the screenshots, drawn offline (scripts/screenshots.py).

Map tiles cannot be fetched here, and blank tiles make a map hard to read: these 256 px SVG
tiles show the shipped NRW municipality boundaries in Web Mercator instead, the same
projection and tile numbering as any slippy map. Leaflet shows an SVG tile like a PNG.
"""

import json
import math
from pathlib import Path

import numpy
import shapely
from shapely.geometry import box, shape
from shapely.strtree import STRtree

# NRW's municipalities on a slightly darker ground, thin borders.
OUTSIDE, LAND, BORDER = "#e3e1db", "#f4f2ed", "#c4bdb0"


class Tiles:
    """256 px SVG tiles of the NRW municipality boundaries in Web Mercator."""

    def __init__(self, geojson: Path):
        features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
        self.shapes = [shape(feature["geometry"]) for feature in features]
        self.tree = STRtree(self.shapes)

    def svg(self, z: int, x: int, y: int) -> str:
        west, north = _lonlat(z, x, y)
        east, south = _lonlat(z, x + 1, y + 1)
        margin = (east - west) * 0.02  # lines run a little past the edge: no seams
        area = box(west - margin, south - margin, east + margin, north + margin)
        tolerance = (east - west) / 512  # half a pixel

        def to_pixels(coords: numpy.ndarray) -> numpy.ndarray:
            n = 2**z
            px = ((coords[:, 0] + 180) / 360 * n - x) * 256
            mercator = numpy.arcsinh(numpy.tan(numpy.radians(coords[:, 1])))
            py = ((1 - mercator / math.pi) / 2 * n - y) * 256
            return numpy.column_stack([px, py])

        fills, lines = [], []
        for index in self.tree.query(area, predicate="intersects"):
            outline = self.shapes[index].simplify(tolerance)
            fills.append(_path(shapely.transform(outline.intersection(area), to_pixels)))
            lines.append(_path(shapely.transform(outline.boundary.intersection(area), to_pixels)))
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" '
            'viewBox="0 0 256 256">'
            f'<rect width="256" height="256" fill="{OUTSIDE}"/>'
            f'<path d="{" ".join(fills)}" fill="{LAND}" fill-rule="evenodd"/>'
            f'<path d="{" ".join(lines)}" fill="none" stroke="{BORDER}" stroke-width="1"/>'
            "</svg>"
        )


def _lonlat(z: int, x: int, y: int) -> tuple[float, float]:
    """The north-west corner of tile x/y at zoom z."""
    n = 2**z
    return x / n * 360 - 180, math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))


def _path(geometry) -> str:
    """SVG path data of the polygons and lines in a geometry (points are dropped)."""
    if hasattr(geometry, "geoms"):
        return " ".join(_path(part) for part in geometry.geoms)
    if geometry.geom_type == "Polygon":
        rings, close = [geometry.exterior, *geometry.interiors], "Z"
    elif geometry.geom_type in {"LineString", "LinearRing"}:
        rings, close = [geometry], ""
    else:
        return ""
    return " ".join(
        "M" + " ".join(f"{px:.1f},{py:.1f}" for px, py in ring.coords) + close
        for ring in rings
        if len(ring.coords) > 1
    )
