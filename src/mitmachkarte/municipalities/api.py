from ninja import Router, Schema

from mitmachkarte.core.openapi import Bounded, described, flag
from mitmachkarte.core.params import parse_bool

from . import selectors

router = Router(tags=["municipalities"])
LIMIT = Bounded("limit", 1, 1000, default=100)
OFFSET = Bounded("offset", 0, 10**7, default=0)


class MunicipalityOut(Schema):
    slug: str
    ags: str | None
    name: str
    kind: str
    district: str
    state: str
    latitude: float
    longitude: float
    bbox: list[float] | None
    is_model_municipality: bool
    initiative_count: int


class MunicipalityList(Schema):
    count: int
    items: list[MunicipalityOut]


@router.get("/municipalities", response=MunicipalityList, summary="Municipalities")
def list_municipalities(
    request,
    q: described({"type": "string", "description": "Part of a name or district, or an AGS"}) = "",
    active: flag(description="1: only municipalities with initiatives") = None,
    limit: LIMIT.schema = "",
    offset: OFFSET.schema = "",
):
    """Municipalities with their number of published initiatives, most active first.

    `q` matches name, district or AGS; `active=true` lists only those with initiatives.
    """
    limit, offset = LIMIT.parse(limit), OFFSET.parse(offset)
    only_active = parse_bool("active", active)
    qs = selectors.municipalities_with_counts(q=(q or "").strip(), only_active=only_active)
    return {"count": qs.count(), "items": list(qs[offset : offset + limit])}
