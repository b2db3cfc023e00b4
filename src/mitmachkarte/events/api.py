"""Ninja router for events: dates (occurrences) with filters, one event, GeoJSON.

Bad filters raise FilterError (JSON 400 naming the parameter, see mitmachkarte/api.py);
out-of-range paging gives a 422. Times are ISO 8601 with the Europe/Berlin offset.
"""

from datetime import datetime

from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from mitmachkarte.core.openapi import BBOX, MUNICIPALITY, Bounded, described, flag, many, text
from mitmachkarte.core.params import DATE_OR_DATETIME_PATTERN
from mitmachkarte.taxonomy.models import Category
from mitmachkarte.taxonomy.selectors import CATEGORY_ITEM

from . import selectors
from .filters import parse_event_filter
from .models import Event, EventType, Occurrence
from .recurrence import local

router = Router(tags=["events"])

LIMIT = Bounded("limit", 1, 500, default=50)
OFFSET = Bounded("offset", 0, 10**7, default=0)
GEOJSON_LIMIT = Bounded("limit", 1, 5000, default=2000)
WHEN = described(
    {
        "type": "string",
        "pattern": DATE_OR_DATETIME_PATTERN,
        "description": "ISO 8601 date or date-time (naive: Europe/Berlin), years 1970–2200",
        "example": "2026-09-20",
    }
)
TYPE_COLOURS = {
    EventType.REGIONAL_TALK: "#1864ab",
    EventType.NETWORKING_MEETING: "#0b6e4f",
    EventType.ACTION_DAY: "#c2255c",
    EventType.WORKSHOP: "#8f5100",
    EventType.WORKING_GROUP: "#5f3dc4",
    EventType.OTHER: "#495057",
}


class MunicipalityRef(Schema):
    slug: str
    name: str
    ags: str | None


class Venue(Schema):
    name: str
    street: str
    postcode: str
    city: str
    latitude: float | None
    longitude: float | None


class Registration(Schema):
    enabled: bool
    deadline: datetime | None
    capacity: int | None
    waiting_list: bool


class EventBase(Schema):
    slug: str
    title: str
    type: str
    type_label: str
    format: str
    online: bool
    online_url: str
    venue: Venue | None
    municipalities: list[MunicipalityRef]
    categories: list[str]
    sdgs: list[int]
    organiser: str
    campaign: str | None
    recurrence: str
    registration: Registration
    url: str
    ics_url: str


class OccurrenceItem(EventBase):
    id: int
    start: datetime
    end: datetime


class EventDetail(EventBase):
    description: str
    start: datetime
    end: datetime
    next_dates: list[dict]
    cancelled_dates: list[dict] = Field(
        description="Dates still ahead that were cancelled (not among next_dates)"
    )


class OccurrenceList(Schema):
    count: int
    limit: int
    offset: int
    items: list[OccurrenceItem]


class EventParams(Schema):
    bbox: BBOX = None
    start_min: WHEN = None
    start_max: WHEN = None
    type: many({"type": "string", "enum": list(EventType.values)}) = []
    municipality: MUNICIPALITY = None
    online: flag(description="1: only online and hybrid events") = None
    category: many(CATEGORY_ITEM) = []
    campaign: text(description="A campaign's slug; an unknown one answers 404.") = None


def _filter(params: EventParams):
    return parse_event_filter(
        start_min=params.start_min,
        start_max=params.start_max,
        types=params.type,
        municipality=params.municipality,
        online=params.online,
        categories=params.category,
        bbox=params.bbox,
        campaign=params.campaign,
    )


def _event_data(event: Event, base: str) -> dict:
    venue = None
    if event.is_in_person:
        venue = {
            "name": event.venue_name,
            "street": event.street,
            "postcode": event.postcode,
            "city": event.city,
            "latitude": event.latitude,
            "longitude": event.longitude,
        }
    return {
        "slug": event.slug,
        "title": event.title,
        "type": event.event_type,
        "type_label": str(event.get_event_type_display()),
        "format": event.format,
        "online": event.is_online,
        "online_url": event.public_online_url,
        "venue": venue,
        "municipalities": [
            {"slug": m.slug, "name": m.name, "ags": m.ags} for m in event.municipalities.all()
        ],
        "categories": [c.slug for c in event.categories.all()],
        "sdgs": [s.number for s in event.sdgs.all()],
        "organiser": event.organiser_name,
        "campaign": event.campaign.slug if event.campaign_id else None,
        "recurrence": event.recurrence,
        "registration": {
            "enabled": event.registration_enabled,
            "deadline": local(event.registration_deadline) if event.registration_deadline else None,
            "capacity": event.capacity,
            "waiting_list": event.waiting_list,
        },
        "url": base + event.get_absolute_url(),
        "ics_url": base + reverse("events:ics", args=[event.slug]),
    }


def _occurrence_data(occurrence: Occurrence, base: str) -> dict:
    return {
        **_event_data(occurrence.event, base),
        "id": occurrence.pk,
        "start": local(occurrence.start),
        "end": local(occurrence.end),
    }


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get("/events", response=OccurrenceList, summary="Upcoming event dates")
def list_events(
    request, filters: Query[EventParams], limit: LIMIT.schema = "", offset: OFFSET.schema = ""
):
    """Dates of published events, by start. A recurring event has one item per date.

    `start_min`/`start_max`: ISO 8601 date or date-time (naive = Europe/Berlin; a date as
    `start_max` includes the whole day); without `start_min` only dates not yet ended.
    `type` and `category` may repeat; `municipality` is a slug or an AGS; `online=1` keeps
    online and hybrid events; `bbox` is `west,south,east,north`.
    """
    limit, offset = LIMIT.parse(limit), OFFSET.parse(offset)
    count, items = selectors.occurrence_page(_filter(filters), limit=limit, offset=offset)
    base = _base(request)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [_occurrence_data(o, base) for o in items],
    }


@router.get("/events.geojson", summary="Events with a venue as GeoJSON, with their next date")
def events_geojson(request, filters: Query[EventParams], limit: GEOJSON_LIMIT.schema = ""):
    limit = GEOJSON_LIMIT.parse(limit)
    events = selectors.events_for_map(_filter(filters))
    base = _base(request)
    categories = {c.pk: c for c in Category.objects.all()}
    # Ordered from the last category to the first, so dict() keeps each event's first.
    firsts = dict(
        Event.categories.through.objects.filter(event_id__in=[e.pk for e in events])
        .order_by("-category__position")
        .values_list("event_id", "category_id")
    )
    features = []
    for event in events[:limit]:
        occurrence, category = event.next_occurrence, categories.get(firsts.get(event.pk))
        features.append(
            {
                "type": "Feature",
                "id": event.slug,
                "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                "properties": {
                    "slug": event.slug,
                    "name": event.title,
                    "city": event.city,
                    "type": event.event_type,
                    "category_name": str(event.get_event_type_display()),
                    "short_description": occurrence.label,
                    "start": local(occurrence.start),
                    "colour": TYPE_COLOURS.get(event.event_type, "#495057"),
                    "icon": category.icon if category else "",
                    # the sprite symbol map-common.js draws (the emoji above is data only)
                    "category": category.slug if category else "event",
                    "url": base + event.get_absolute_url(),
                },
            }
        )
    return {"type": "FeatureCollection", "count": len(events), "features": features}


@router.get("/events/{slug}", response=EventDetail, summary="One event with its next dates")
def get_event(request, slug: str):
    event = selectors.published_event(slug)
    if event is None:
        raise Http404(f"No published event '{slug}'")
    base = _base(request)
    dates = selectors.upcoming_dates(event, limit=50)
    return {
        **_event_data(event, base),
        "description": event.description,
        "start": local(event.start),
        "end": local(event.end),
        "next_dates": [
            {"id": o.pk, "start": local(o.start).isoformat(), "end": local(o.end).isoformat()}
            for o in dates
        ],
        "cancelled_dates": [
            {"id": o.pk, "start": local(o.start).isoformat(), "end": local(o.end).isoformat()}
            for o in selectors.cancelled_upcoming_dates(event, limit=50)
        ],
    }
