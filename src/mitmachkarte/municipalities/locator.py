"""Which municipality a point lies in: by boundary polygon, else the nearest centre.

An in-process index (shapely STRtree), built on first use and dropped whenever a
municipality is saved or deleted in this process (import runs save or bulk ops, and call
`invalidate_locator` themselves).
"""

import math
import threading

import numpy as np
import shapely
from shapely.geometry import shape

# Points further than this from every representative point and outside every boundary
# (abroad, at sea) get no municipality.
MAX_NEAREST_KM = 25
_KM_PER_DEGREE = 111.2
# Equirectangular scaling around Germany's mean latitude, so "nearest" means nearest in km.
_LON_SCALE = math.cos(math.radians(51.0))

_lock = threading.Lock()
_locator = None


class Locator:
    def __init__(self, rows):
        rows = list(rows)
        with_boundary = [(pk, b) for pk, _lat, _lon, b in rows if b]
        self.polygon_ids = np.array([pk for pk, _ in with_boundary], dtype=np.int64)
        polygons = []
        for _pk, boundary in with_boundary:
            geom = shape(boundary)
            polygons.append(geom if geom.is_valid else geom.buffer(0))
        self.polygon_tree = shapely.STRtree(polygons)
        self.point_ids = np.array([pk for pk, *_ in rows], dtype=np.int64)
        self.point_tree = shapely.STRtree(
            shapely.points(
                [lon * _LON_SCALE for _pk, _lat, lon, _b in rows],
                [lat for _pk, lat, _lon, _b in rows],
            )
            if rows
            else []
        )

    def locate_many(self, lats, lons) -> list[int | None]:
        lats = np.asarray(lats, dtype=float)
        lons = np.asarray(lons, dtype=float)
        result = np.full(len(lats), -1, dtype=np.int64)
        if len(lats) == 0:
            return []
        if len(self.polygon_ids):
            points = shapely.points(lons, lats)
            inputs, hits = self.polygon_tree.query(points, predicate="covered_by")
            # Where borders touch, the first polygon wins, as in a single lookup.
            result[inputs[::-1]] = self.polygon_ids[hits[::-1]]
        missing = np.nonzero(result < 0)[0]
        if len(missing) and len(self.point_ids):
            scaled = shapely.points(lons[missing] * _LON_SCALE, lats[missing])
            inputs, hits = self.point_tree.query_nearest(
                scaled, max_distance=MAX_NEAREST_KM / _KM_PER_DEGREE, all_matches=False
            )
            result[missing[inputs]] = self.point_ids[hits]
        return [int(v) if v >= 0 else None for v in result]

    def locate(self, lat: float, lon: float) -> int | None:
        return self.locate_many([lat], [lon])[0]


def get_locator() -> Locator:
    global _locator
    with _lock:
        if _locator is None:
            from .models import Municipality

            _locator = Locator(
                Municipality.objects.values_list("pk", "latitude", "longitude", "boundary")
                .order_by("pk")
                .iterator(chunk_size=2000)
            )
        return _locator


def invalidate_locator(**_kwargs) -> None:
    global _locator
    with _lock:
        _locator = None
