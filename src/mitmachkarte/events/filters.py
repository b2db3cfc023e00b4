"""Filters of the event list, calendar, iCal feed and API, parsed and validated in one place.

Every interface uses the same parameter names: `start_min`, `start_max` (ISO 8601 date or
date-time; without an offset it means Europe/Berlin; a date as `start_max` includes that
day), `type`, `municipality` (slug or AGS), `online` (1/0), `category`, `bbox`, `campaign`.
A `FilterError` names the parameter at fault (the API answers it with a JSON 400).
"""

from dataclasses import dataclass
from datetime import datetime

from mitmachkarte.core.geo import BBox
from mitmachkarte.core.params import (
    FilterError,
    bbox_param,
    clean_list,
    parse_bool,
    parse_choice,
    parse_datetime,
    parse_list,
    reject_nul,
)
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_param
from mitmachkarte.taxonomy.selectors import category_param

from .models import Campaign, EventType
from .recurrence import EVENT_TZ

__all__ = ["EventFilter", "FilterError", "parse_event_filter", "parse_when"]


@dataclass(frozen=True)
class EventFilter:
    start_min: datetime | None = None
    start_max: datetime | None = None
    types: tuple[str, ...] = ()
    municipality: Municipality | None = None
    online: bool = False
    categories: tuple[str, ...] = ()
    bbox: BBox | None = None
    campaign: Campaign | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.start_min
            or self.start_max
            or self.types
            or self.municipality
            or self.online
            or self.categories
            or self.bbox
            or self.campaign
        )


def parse_when(param: str, value: str, *, end_of_day: bool = False) -> datetime:
    """An aware datetime from an ISO 8601 date or date-time; naive means Europe/Berlin."""
    return parse_datetime(param, value, tz=EVENT_TZ, end_of_day=end_of_day)


def parse_online(value) -> bool:
    return parse_bool("online", value)


def parse_event_filter(
    *,
    start_min: str | None = None,
    start_max: str | None = None,
    types=None,
    municipality: str | None = None,
    online=None,
    categories=None,
    bbox: str | None = None,
    campaign: str | None = None,
) -> EventFilter:
    reject_nul(
        {
            "start_min": start_min,
            "start_max": start_max,
            "type": clean_list(types),
            "municipality": municipality,
            "online": online,
            "category": clean_list(categories),
            "bbox": bbox,
            "campaign": campaign,
        }
    )
    low = parse_when("start_min", start_min) if start_min else None
    high = parse_when("start_max", start_max, end_of_day=True) if start_max else None
    type_values = parse_list("type", types, lambda p, v: parse_choice(p, v, EventType.values))
    muni = municipality_param(municipality)
    category_slugs = category_param(categories)
    box = bbox_param(bbox)
    found_campaign = None
    if campaign:
        found_campaign = Campaign.objects.filter(slug=campaign.strip().lower()).first()
        if found_campaign is None:
            raise FilterError("campaign", f"unknown campaign '{campaign[:60]}'", status=404)
    return EventFilter(
        start_min=low,
        start_max=high,
        types=tuple(type_values),
        municipality=muni,
        online=parse_online(online),
        categories=category_slugs,
        bbox=box,
        campaign=found_campaign,
    )
