"""Ninja router for initiatives: list, detail, GeoJSON. Schemas in, selectors out."""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from mitmachkarte.core.openapi import Bounded
from mitmachkarte.taxonomy.models import Category

from . import listing, selectors, serializers
from .filters import parse_filter
from .models import Initiative
from .schemas import OFFSET, PlaceFilterParams

router = Router(tags=["initiatives"])

LIMIT = Bounded("limit", 1, 500, default=50)
GEOJSON_LIMIT = Bounded("limit", 1, 10_000, default=5000)


class MunicipalityRef(Schema):
    slug: str
    name: str
    ags: str | None


class InitiativeImage(Schema):
    url: str = Field(description="The picture, at most 800 px on its longest side (WebP).")
    small_url: str = Field(description="The same picture, at most 320 px (WebP).")
    alt: str = Field(description="What the picture shows (alt text).")
    credit: str = Field(description="Who made it and under which licence.")


class InitiativeItem(Schema):
    slug: str
    name: str
    short_description: str
    categories: list[str]
    sdgs: list[int]
    tags: list[str]
    city: str
    postcode: str
    municipality: MunicipalityRef | None
    latitude: float
    longitude: float
    website: str
    url: str
    updated_at: datetime
    data_licence: str
    may_be_outdated: bool
    distance_m: int | None = None
    image: InitiativeImage | None = Field(description="The entry's picture or logo, if any.")


class InitiativeDetail(InitiativeItem):
    description: str
    street: str
    phone: str
    social_links: list[str]
    meeting_times: str = Field(description="Meeting and opening times as free text (a note).")
    opening_hours: str = Field(
        description="Regular opening hours in OpenStreetMap's opening_hours syntax, "
        "evaluated in Europe/Berlin; empty when not given."
    )
    how_to_join: str
    founded_year: int | None
    last_confirmed_at: datetime
    created_at: datetime


class InitiativeList(Schema):
    count: int
    limit: int
    offset: int
    items: list[InitiativeItem]


def _filter(params: PlaceFilterParams):
    return parse_filter(
        q=params.q,
        bbox=params.bbox,
        categories=params.category,
        sdgs=params.sdg,
        municipality=params.municipality,
        tag=params.tag,
        near=params.near,
        radius=params.radius,
    )


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get("/initiatives", response=InitiativeList, summary="Search and filter initiatives")
def list_initiatives(
    request,
    filters: Query[PlaceFilterParams],
    limit: LIMIT.schema = "",
    offset: OFFSET.schema = "",
):
    """Published initiatives. `count` is the exact total for the filters, never capped.

    `bbox` is `west,south,east,north` in WGS84 degrees; `category` and `sdg` may repeat
    (any of them matches); `municipality` is a slug or an 8-digit AGS.

    `near` (`latitude,longitude` or a German postcode) orders the items nearest first and
    gives each its `distance_m`; `radius` (metres, with `near`) keeps only those within it.
    A postcode, address or municipality name in `q` counts as `near` (postcodes and
    addresses are then not searched as text).
    """
    limit, offset = LIMIT.parse(limit), OFFSET.parse(offset)
    count, page = selectors.initiative_page(_filter(filters), limit=limit, offset=offset)
    items = listing.list_items(page.ids, base_url=_base_url(request))
    for item in items:
        distance = page.distances.get(item["id"])
        item["distance_m"] = None if distance is None else round(distance)
    return {"count": count, "limit": limit, "offset": offset, "items": items}


@router.get("/initiatives.geojson", summary="Initiatives as a GeoJSON FeatureCollection")
def initiatives_geojson(
    request, filters: Query[PlaceFilterParams], limit: GEOJSON_LIMIT.schema = ""
):
    """Same filters as the list. `count` (a foreign member) is the exact total."""
    limit = GEOJSON_LIMIT.parse(limit)
    count, rows = selectors.map_points(_filter(filters), limit=limit)
    categories = {c.pk: c for c in Category.objects.all()}
    base = _base_url(request)
    return {
        "type": "FeatureCollection",
        "count": count,
        "features": [
            serializers.geojson_feature(r, categories=categories, base_url=base) for r in rows
        ],
    }


@router.get("/initiatives/{slug}", response=InitiativeDetail, summary="One initiative")
def get_initiative(request, slug: str):
    initiative: Initiative | None = selectors.published_detail(slug)
    if initiative is None:
        raise Http404(f"No published initiative '{slug}'")
    return serializers.detail_item(initiative, base_url=_base_url(request))
