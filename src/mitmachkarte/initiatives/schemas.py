from ninja import Schema

from mitmachkarte.core.openapi import BBOX, MUNICIPALITY, Bounded, described, integer, many, text
from mitmachkarte.core.params import NEAR_PATTERN
from mitmachkarte.taxonomy.selectors import CATEGORY_ITEM, SDG_ITEM

from .filters import MAX_QUERY_LENGTH, MAX_RADIUS_M

OFFSET = Bounded("offset", 0, 10**7, default=0)


class FilterParams(Schema):
    """The filters shared by every initiative endpoint and the exports (filters.parse_filter)."""

    bbox: BBOX = None
    q: text(MAX_QUERY_LENGTH, description="Search text") = None
    category: many(CATEGORY_ITEM) = []
    sdg: many(SDG_ITEM) = []
    municipality: MUNICIPALITY = None
    tag: text(description="A tag's slug or name") = None


class PlaceFilterParams(FilterParams):
    """The API's filters with a place: the list, the GeoJSON and the map (not the exports)."""

    near: described(
        {
            "type": "string",
            "pattern": NEAR_PATTERN,
            "description": "latitude,longitude or a German postcode (an unknown one answers 404):"
            " items nearest first, each with distance_m",
            "example": "51.4818,7.2162",
        }
    ) = None
    radius: integer(
        1,
        MAX_RADIUS_M,
        description="Metres around the place (`near` or a place in `q`); none: no limit",
    ) = None
