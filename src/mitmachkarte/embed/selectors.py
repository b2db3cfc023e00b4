"""Reads for embeds: a municipality's territory, the map extent, markers or clusters.

The territory of a municipality is its boundary polygon when one is stored (the bbox
columns narrow the candidates in SQL, then an exact point-in-polygon test decides), else
the municipality link of each initiative.
"""

import math

import numpy as np
from django.db.models import Max, Min, QuerySet

from mitmachkarte.core.geo import Area, BBox
from mitmachkarte.initiatives.filters import InitiativeFilter
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.selectors import filter_initiatives, published
from mitmachkarte.initiatives.serializers import geojson_feature
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import Category

# Up to this many entries are sent as markers and clustered in the browser; above it the
# server groups the entries in view into grid cells, so the widget stays small.
MAX_FEATURES = 500
CLUSTER_CELL_PX = 80
TILE_PX = 256


def in_territory(flt: InitiativeFilter, municipality: Municipality | None) -> QuerySet:
    """Published initiatives matching `flt` inside the municipality (if one is given)."""
    qs = filter_initiatives(flt)
    if municipality is None:
        return qs
    if not municipality.boundary or municipality.bbox_west is None:
        return qs.filter(municipality=municipality)
    area = Area(municipality.boundary)
    candidates = qs.filter(
        latitude__gte=municipality.bbox_south, latitude__lte=municipality.bbox_north,
        longitude__gte=municipality.bbox_west, longitude__lte=municipality.bbox_east,
    ).values_list("pk", "latitude", "longitude")
    inside = [pk for pk, lat, lon in candidates if area.contains(lat, lon)]
    return published().filter(pk__in=inside)


def within(qs: QuerySet, box: BBox) -> QuerySet:
    return qs.filter(latitude__gte=box.south, latitude__lte=box.north,
                     longitude__gte=box.west, longitude__lte=box.east)


def extent(qs: QuerySet) -> BBox | None:
    """The bounding box of the entries, or None when there are none."""
    agg = qs.order_by().aggregate(s=Min("latitude"), n=Max("latitude"),
                                  w=Min("longitude"), e=Max("longitude"))
    if agg["s"] is None:
        return None
    return BBox(agg["w"], agg["s"], agg["e"], agg["n"])


def marker_rows(qs: QuerySet) -> list[dict]:
    """Light rows as `geojson_feature` wants them (with the first category's id)."""
    rows = list(qs.order_by("pk").values("pk", "slug", "name", "short_description",
                                         "latitude", "longitude", "city"))
    firsts: dict[int, int] = {}
    through = Initiative.categories.through.objects.filter(
        initiative_id__in=[r["pk"] for r in rows]
    ).order_by("initiative_id", "category__position").values_list("initiative_id", "category_id")
    for initiative_id, category_id in through:
        firsts.setdefault(initiative_id, category_id)
    for row in rows:
        row["category_id"] = firsts.get(row["pk"])
    return rows


def _features(qs: QuerySet, *, base_url: str) -> list[dict]:
    categories = {c.pk: c for c in Category.objects.all()}
    return [geojson_feature(r, categories=categories, base_url=base_url)
            for r in marker_rows(qs)]


def cell_degrees(zoom: int, latitude: float) -> tuple[float, float]:
    """Width and height in degrees of a CLUSTER_CELL_PX square cell at this zoom."""
    lon_deg = CLUSTER_CELL_PX * 360 / (TILE_PX * 2**zoom)
    return lon_deg, lon_deg * max(math.cos(math.radians(latitude)), 0.05)


def clusters(qs: QuerySet, *, zoom: int, base_url: str) -> list[dict]:
    """Entries grouped in a grid of screen-sized cells: a Feature per cell, single entries
    as ordinary markers."""
    points = np.array(list(qs.order_by().values_list("pk", "latitude", "longitude")),
                      dtype=float).reshape(-1, 3)
    if not len(points):
        return []
    pks, lats, lons = points[:, 0].astype(np.int64), points[:, 1], points[:, 2]
    width, height = cell_degrees(zoom, float(np.median(lats)))
    cells = np.stack([np.floor(lons / width), np.floor(lats / height)], axis=1)
    keys, inverse, counts = np.unique(cells, axis=0, return_inverse=True, return_counts=True)
    inverse, n = inverse.reshape(-1), len(keys)
    mean_lat = np.bincount(inverse, lats, n) / counts
    mean_lon = np.bincount(inverse, lons, n) / counts
    south, west = np.full(n, np.inf), np.full(n, np.inf)
    north, east = np.full(n, -np.inf), np.full(n, -np.inf)
    np.minimum.at(south, inverse, lats)
    np.minimum.at(west, inverse, lons)
    np.maximum.at(north, inverse, lats)
    np.maximum.at(east, inverse, lons)
    features = [{
        "type": "Feature", "id": f"cluster-{int(keys[i][0])}-{int(keys[i][1])}",
        "geometry": {"type": "Point",
                     "coordinates": [round(float(mean_lon[i]), 5), round(float(mean_lat[i]), 5)]},
        "properties": {"cluster": True, "count": int(counts[i]), "bbox": [
            float(west[i]), float(south[i]), float(east[i]), float(north[i])]},
    } for i in np.nonzero(counts > 1)[0]]
    singles = [int(pk) for pk in pks[counts[inverse] == 1]]
    if singles:
        features += _features(published().filter(pk__in=singles), base_url=base_url)
    return features


def map_data(qs: QuerySet, *, view: BBox | None, zoom: int, base_url: str) -> dict:
    """A GeoJSON FeatureCollection for the widget, with foreign members:

    `count` (all matching entries), `complete` (every match is in `features`, the widget
    needs no further request) and `clustered` (cells instead of single markers).
    """
    total = qs.count()
    if total <= MAX_FEATURES:
        return {"type": "FeatureCollection", "count": total, "complete": True,
                "clustered": False, "features": _features(qs, base_url=base_url)}
    scoped = within(qs, view) if view else qs
    in_view = scoped.count() if view else total
    data = {"type": "FeatureCollection", "count": total, "in_view": in_view, "complete": False}
    if in_view <= MAX_FEATURES:
        data.update(clustered=False, features=_features(scoped, base_url=base_url))
    else:
        data.update(clustered=True, features=clusters(scoped, zoom=zoom, base_url=base_url))
    return data
