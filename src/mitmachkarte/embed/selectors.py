"""Reads for embeds: a municipality's territory, the map extent, markers or clusters.

The territory of a municipality is its boundary polygon when one is stored (the bbox
columns narrow the candidates in SQL, then an exact point-in-polygon test decides), else
the municipality link of each initiative.
"""

from dataclasses import replace

from django.db.models import Max, Min, QuerySet

from mitmachkarte.core.geo import Area, BBox
from mitmachkarte.initiatives.filters import InitiativeFilter
from mitmachkarte.initiatives.map_index import get_index
from mitmachkarte.initiatives.selectors import filter_initiatives, marker_rows
from mitmachkarte.initiatives.serializers import geojson_feature
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import Category

# Up to this many entries are sent as markers and clustered in the browser; above it the
# server groups the entries in view into grid cells, so the widget stays small.
MAX_FEATURES = 500
CLUSTER_CELL_PX = 80
TILE_PX = 256


def territory_filter(flt: InitiativeFilter, municipality: Municipality | None) -> InitiativeFilter:
    """`flt` limited to the municipality: by its boundary when stored, else by the link."""
    if municipality is None:
        return flt
    if municipality.boundary:
        return replace(flt, area=Area(municipality.boundary))
    return replace(flt, municipality=municipality)


def in_territory(flt: InitiativeFilter, municipality: Municipality | None) -> QuerySet:
    """Published initiatives matching `flt` inside the municipality (if one is given)."""
    return filter_initiatives(territory_filter(flt, municipality))


def within(qs: QuerySet, box: BBox) -> QuerySet:
    return qs.filter(
        latitude__gte=box.south,
        latitude__lte=box.north,
        longitude__gte=box.west,
        longitude__lte=box.east,
    )


def extent(qs: QuerySet) -> BBox | None:
    """The bounding box of the entries, or None when there are none."""
    agg = qs.order_by().aggregate(
        s=Min("latitude"), n=Max("latitude"), w=Min("longitude"), e=Max("longitude")
    )
    if agg["s"] is None:
        return None
    return BBox(agg["w"], agg["s"], agg["e"], agg["n"])


def _features(qs: QuerySet, *, base_url: str) -> list[dict]:
    categories = {c.pk: c for c in Category.objects.all()}
    return [geojson_feature(r, categories=categories, base_url=base_url) for r in marker_rows(qs)]


def map_data(flt: InitiativeFilter, *, view: BBox | None, zoom: int, base_url: str) -> dict:
    """A GeoJSON FeatureCollection for the widget, with foreign members:

    `count` (all matching entries), `complete` (every match is in `features`, the widget
    needs no further request) and `clustered` (cells instead of single markers). Cells
    come from the map index (initiatives.map_index), as for the main map, so their counts
    are exact.
    """
    qs = filter_initiatives(flt)
    total = qs.count()
    if total <= MAX_FEATURES:
        return {
            "type": "FeatureCollection",
            "count": total,
            "complete": True,
            "clustered": False,
            "features": _features(qs, base_url=base_url),
        }
    result = get_index().features(replace(flt, bbox=view) if view else flt, zoom=zoom)
    data = {"type": "FeatureCollection", "count": total, "in_view": result.count, "complete": False}
    if not result.clustered:
        data.update(
            clustered=False, features=_features(within(qs, view) if view else qs, base_url=base_url)
        )
    else:
        data.update(clustered=True, features=result.features)
    return data
