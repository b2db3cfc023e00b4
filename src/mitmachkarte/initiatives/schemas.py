from ninja import Schema

from mitmachkarte.core.openapi import BBOX, MUNICIPALITY, Bounded, many, text
from mitmachkarte.taxonomy.selectors import CATEGORY_ITEM, SDG_ITEM

from .filters import MAX_QUERY_LENGTH

OFFSET = Bounded("offset", 0, 10**7, default=0)


class FilterParams(Schema):
    """The filters shared by every initiative endpoint (see filters.parse_filter)."""

    bbox: BBOX = None
    q: text(MAX_QUERY_LENGTH, description="Search text") = None
    category: many(CATEGORY_ITEM) = []
    sdg: many(SDG_ITEM) = []
    municipality: MUNICIPALITY = None
    tag: text(description="A tag's slug or name") = None
