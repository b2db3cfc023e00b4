from ninja import Query, Router, Schema
from ninja.errors import HttpError

from . import selectors

router = Router(tags=["municipalities"])


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
    q: Query[str] = "",
    active: Query[bool] = False,
    limit: Query[int] = 100,
    offset: Query[int] = 0,
):
    """Municipalities with their number of published initiatives, most active first.

    `q` matches name, district or AGS; `active=true` lists only those with initiatives.
    """
    if not 1 <= limit <= 1000:
        raise HttpError(422, f"limit: must be between 1 and 1000, got {limit}")
    if offset < 0:
        raise HttpError(422, f"offset: must not be negative, got {offset}")
    qs = selectors.municipalities_with_counts(q=q.strip(), only_active=active)
    return {"count": qs.count(), "items": list(qs[offset : offset + limit])}
