"""The open-data exports as operations of the API, so its schema describes them.

The exports stream files (CSV, GeoJSON, JSON-LD) rather than JSON of a schema: each operation
hands the request to its streaming view (views.py), which parses the query itself with the
API's filters. The operations here give the schema their parameters and media types.
"""

from ninja import Query, Router

from mitmachkarte.core.openapi import choice, media
from mitmachkarte.initiatives.schemas import FilterParams

from . import selectors, views

router = Router(tags=["open data"])
SAFE = ["GET", "HEAD"]  # harvesters and link checkers ask with HEAD
FEATURE_COLLECTION = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array"}},
}
JSONLD_GRAPH = {
    "type": "object",
    "required": ["@context", "@graph"],
    "properties": {"@context": {"type": "object"}, "@graph": {"type": "array"}},
}
CONDITIONAL = {
    304: {"description": "Not modified since the `ETag` or `Last-Modified` the client sent."}
}


class ExportParams(FilterParams):
    licence: choice(selectors.LICENCE_PARAMS, description="Only entries under this licence") = None


def _doc(content_type: str, what: str, schema: dict | None = None) -> dict:
    extra = media(content_type, what, schema)
    extra["responses"].update(CONDITIONAL)
    return extra


@router.api_operation(
    SAFE,
    "/export/initiatives.csv",
    url_name="export_initiatives_csv",
    summary="Published initiatives as CSV",
    openapi_extra=_doc("text/csv", "CSV with a header row, one row per initiative"),
)
def export_initiatives_csv(request, filters: Query[ExportParams]):
    """All fields of the open-data page; lists joined by " | "; formula cells escaped."""
    return views.initiatives_csv(request)


@router.api_operation(
    SAFE,
    "/export/initiatives.geojson",
    url_name="export_initiatives_geojson",
    summary="Published initiatives as a GeoJSON FeatureCollection",
    openapi_extra=_doc("application/geo+json", "A GeoJSON FeatureCollection", FEATURE_COLLECTION),
)
def export_initiatives_geojson(request, filters: Query[ExportParams]):
    return views.initiatives_geojson(request)


@router.api_operation(
    SAFE,
    "/export/initiatives.jsonld",
    url_name="export_initiatives_jsonld",
    summary="Published initiatives as schema.org Organization nodes (JSON-LD)",
    openapi_extra=_doc("application/ld+json", "A JSON-LD graph", JSONLD_GRAPH),
)
def export_initiatives_jsonld(request, filters: Query[ExportParams]):
    return views.initiatives_jsonld(request)


@router.api_operation(
    SAFE,
    "/export/events.jsonld",
    url_name="export_events_jsonld",
    summary="Published events as schema.org Event nodes (JSON-LD)",
    openapi_extra=_doc("application/ld+json", "A JSON-LD graph", JSONLD_GRAPH),
)
def export_events_jsonld(request):
    return views.events_jsonld(request)
