"""Ninja router for the support exchange: open needs and active offers, public fields only
(no e-mail addresses, no message threads). Bad filters → JSON 400 naming the parameter
(FilterError, see mitmachkarte/api.py); out-of-range paging → 422."""

from datetime import date, datetime

from ninja import Query, Router, Schema

from mitmachkarte.core.openapi import BBOX, MUNICIPALITY, Bounded, choice, flag, integer, many
from mitmachkarte.core.params import parse_bool

from . import selectors
from .filters import MAX_AMOUNT, need_filters, offer_filters
from .models import Need, NeedType, Offer, OfferType, PermitTopic

router = Router(tags=["support"])
LIMIT = Bounded("limit", 1, 500, default=50)
OFFSET = Bounded("offset", 0, 10**7, default=0)
TYPE_COLOURS = {
    "room": "#0b6e4f",
    "funding": "#8f5100",
    "permit": "#1864ab",
    "advice": "#5f3dc4",
    "other": "#495057",
}
# Symbols of the page's SVG sprite (core/_icons.svg), never emoji: without a colour-emoji
# font those render as empty boxes.
TYPE_ICONS = {
    "room": "support-room",
    "funding": "money-common-good",
    "permit": "support-permit",
    "advice": "support-advice",
    "other": "neighbourhood-social",
}


class MunicipalityRef(Schema):
    slug: str
    name: str
    ags: str | None


class InitiativeRef(Schema):
    slug: str
    name: str
    url: str


class NeedItem(Schema):
    id: int
    type: str
    type_label: str
    title: str
    description: str
    schedule: str
    status: str
    municipality: MunicipalityRef | None
    latitude: float | None
    longitude: float | None
    organisation: str
    initiative: InitiativeRef | None
    expires_on: date
    created_at: datetime
    url: str


class OfferItem(Schema):
    id: int
    type: str
    type_label: str
    title: str
    description: str
    organisation: str
    municipality: MunicipalityRef | None
    address: str
    latitude: float | None
    longitude: float | None
    updated_at: datetime
    url: str
    room: dict | None
    funding: dict | None
    permit: dict | None


class NeedList(Schema):
    count: int
    limit: int
    offset: int
    items: list[NeedItem]


class OfferList(Schema):
    count: int
    limit: int
    offset: int
    items: list[OfferItem]


class NeedParams(Schema):
    type: many({"type": "string", "enum": list(NeedType.values)}) = []
    municipality: MUNICIPALITY = None
    bbox: BBOX = None


class OfferParams(Schema):
    type: many({"type": "string", "enum": list(OfferType.values)}) = []
    municipality: MUNICIPALITY = None
    bbox: BBOX = None
    capacity_min: integer(0, MAX_AMOUNT, description="Rooms for at least this many") = None
    step_free: flag(description="1: only step-free rooms") = None
    amount: integer(0, MAX_AMOUNT, description="Funding in EUR") = None
    topic: choice(PermitTopic.values, description="Permit guides on this topic") = None
    near: flag(description="1: with neighbour municipalities and state-wide offers") = None


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _municipality(m) -> dict | None:
    return {"slug": m.slug, "name": m.name, "ags": m.ags} if m else None


def _point(item) -> tuple[float | None, float | None]:
    return item.point or (None, None)


def need_data(need: Need, base: str) -> dict:
    initiative = need.organisation.initiative
    lat, lon = _point(need)
    return {
        "id": need.pk,
        "type": need.need_type,
        "type_label": str(need.get_need_type_display()),
        "title": need.title,
        "description": need.description,
        "schedule": need.schedule,
        "status": need.status,
        "municipality": _municipality(need.municipality),
        "latitude": lat,
        "longitude": lon,
        "organisation": need.organisation.name,
        "initiative": {
            "slug": initiative.slug,
            "name": initiative.name,
            "url": base + initiative.get_absolute_url(),
        }
        if initiative and initiative.is_published
        else None,
        "expires_on": need.expires_on,
        "created_at": need.created_at,
        "url": base + need.get_absolute_url(),
    }


def offer_data(offer: Offer, base: str) -> dict:
    lat, lon = _point(offer)
    kind = offer.offer_type
    return {
        "id": offer.pk,
        "type": kind,
        "type_label": str(offer.get_offer_type_display()),
        "title": offer.title,
        "description": offer.description,
        "organisation": offer.organisation.name,
        "municipality": _municipality(offer.municipality),
        "address": offer.address,
        "latitude": lat,
        "longitude": lon,
        "updated_at": offer.updated_at,
        "url": base + offer.get_absolute_url(),
        "room": {
            "capacity": offer.capacity,
            "step_free": offer.step_free,
            "equipment": offer.equipment,
            "cost": offer.cost,
            "availability": offer.availability,
            "booking_contact": offer.booking_contact,
        }
        if kind == "room"
        else None,
        "funding": {
            "funder": offer.funder,
            "amount_min": offer.amount_min,
            "amount_max": offer.amount_max,
            "deadline": offer.deadline.isoformat() if offer.deadline else None,
            "eligibility": offer.eligibility,
            "link": offer.link,
        }
        if kind == "funding"
        else None,
        "permit": {
            "topic": offer.topic,
            "topic_label": str(offer.get_topic_display()),
            "responsible_office": offer.responsible_office,
            "steps": offer.steps,
            "documents": offer.documents,
            "typical_duration": offer.typical_duration,
        }
        if kind == "permit"
        else None,
    }


def _offers(params: OfferParams) -> list | object:
    flt = offer_filters(
        type=params.type,
        municipality=params.municipality,
        bbox=params.bbox,
        capacity_min=params.capacity_min,
        step_free=params.step_free,
        amount=params.amount,
        topic=params.topic,
    )
    near = parse_bool("near", params.near)
    municipality = flt.pop("municipality")
    if near and municipality is not None:
        return [m.item for m in selectors.offers_near(municipality, selectors.filter_offers(**flt))]
    return selectors.filter_offers(municipality=municipality, **flt)


@router.get("/needs", response=NeedList, summary="Open needs of initiatives")
def list_needs(
    request, filters: Query[NeedParams], limit: LIMIT.schema = "", offset: OFFSET.schema = ""
):
    """Open and in-contact needs that have not expired, newest first. `type` may repeat
    (room, permit, funding, publicity, volunteers, material, expertise, other);
    `municipality` is a slug, AGS or name; `bbox` is `west,south,east,north`."""
    limit, offset = LIMIT.parse(limit), OFFSET.parse(offset)
    qs = selectors.filter_needs(
        **need_filters(type=filters.type, municipality=filters.municipality, bbox=filters.bbox)
    )
    base = _base(request)
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": [need_data(n, base) for n in qs[offset : offset + limit]],
    }


@router.get("/offers", response=OfferList, summary="Active offers: rooms, funding, permits")
def list_offers(
    request, filters: Query[OfferParams], limit: LIMIT.schema = "", offset: OFFSET.schema = ""
):
    """Active offers, freshest first (funding programmes past their deadline are left out).
    `type`: room, funding, permit, advice, other; `municipality`; `bbox`; `capacity_min`,
    `step_free=1` (rooms); `amount` (funding in EUR within the programme's range); `topic`
    (permit guides); `near=1` adds neighbour municipalities and state-wide offers, ranked
    by distance."""
    limit, offset = LIMIT.parse(limit), OFFSET.parse(offset)
    offers = _offers(filters)
    count = len(offers) if isinstance(offers, list) else offers.count()
    base = _base(request)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [offer_data(o, base) for o in offers[offset : offset + limit]],
    }


@router.get(
    "/offers.geojson",
    url_name="offers_geojson",
    summary="Active offers with a place as GeoJSON (for the finder maps)",
)
def offers_geojson(request, filters: Query[OfferParams]):
    base = _base(request)
    features = []
    for offer in list(_offers(filters))[:2000]:
        point = offer.point
        if point is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": offer.pk,
                "geometry": {"type": "Point", "coordinates": [point[1], point[0]]},
                "properties": {
                    "name": offer.title,
                    "url": base + offer.get_absolute_url(),
                    "category_name": str(offer.get_offer_type_display()),
                    "city": offer.municipality.name if offer.municipality else "",
                    "short_description": offer.organisation.name,
                    "colour": TYPE_COLOURS.get(offer.offer_type, "#495057"),
                    # map-common.js draws the sprite symbol named by "category"
                    "category": TYPE_ICONS.get(offer.offer_type, "category"),
                    "icon": TYPE_ICONS.get(offer.offer_type, "category"),
                    "type": offer.offer_type,
                },
            }
        )
    return {"type": "FeatureCollection", "count": len(features), "features": features}
