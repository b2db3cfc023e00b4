"""GET /api/v1/map: clusters and points for a map view (cached by core.api_cache)."""

import json

from django.http import HttpResponse
from ninja import Query, Router

from mitmachkarte.core.openapi import Bounded

from .filters import parse_filter
from .map_index import MAX_FEATURES, get_index
from .schemas import PlaceFilterParams

router = Router(tags=["map"])
ZOOM = Bounded("zoom", 0, 22)


@router.get(
    "/map",
    summary="Clusters and single points for a map view",
    openapi_extra={"responses": {200: {"description": "GeoJSON FeatureCollection"}}},
)
def map_features(request, filters: Query[PlaceFilterParams], zoom: ZOOM.schema):
    """Matching published initiatives in `bbox` as at most 2,000 features.

    Cluster features have `properties.cluster = true`, `count` and `bounds`
    (west, south, east, north); single entries are points like in `initiatives.geojson`.
    `count` (top level) is the exact number of matches; the counts of all features add up
    to it. Small results come as points only (`clustered: false`). `bounds` (top level) is
    the extent of all matches, to fit a map to a search.
    """
    zoom = ZOOM.parse(zoom)
    flt = parse_filter(
        q=filters.q,
        bbox=filters.bbox,
        categories=filters.category,
        sdgs=filters.sdg,
        municipality=filters.municipality,
        tag=filters.tag,
        near=filters.near,
        radius=filters.radius,
    )
    result = get_index().features(flt, zoom=zoom)
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "count": result.count,
            "zoom": zoom,
            "clustered": result.clustered,
            "max_features": MAX_FEATURES,
            "bounds": result.bounds,
            "features": result.features,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return HttpResponse(body, content_type="application/geo+json")
