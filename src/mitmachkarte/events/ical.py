"""iCalendar (RFC 5545) output: one event or a feed, with Europe/Berlin as VTIMEZONE.

DTSTART/DTEND carry TZID=Europe/Berlin and local times, DTSTAMP and LAST-MODIFIED are UTC.
A recurring event is one VEVENT with its RRULE (calendar apps expand it on the local wall
clock, as we do); dates cancelled on the platform become EXDATEs. UIDs are stable.
"""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from icalendar import Event as VEvent

from .models import Event, EventStatus, Occurrence
from .recurrence import EVENT_TZ, local

PRODID = "-//Mitmachkarte//Veranstaltungen//DE"


def berlin_vtimezone() -> Timezone:
    """Europe/Berlin with the EU rules (last Sunday of March / October), valid after 2038."""
    tz = Timezone()
    tz.add("tzid", "Europe/Berlin")
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("dtstart", datetime(1981, 3, 29, 2, 0))
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("dtstart", datetime(1996, 10, 27, 3, 0))
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "mitmachkarte.invalid"


def uid(event: Event) -> str:
    return f"event-{event.pk}@{_domain()}"


def _description(event: Event, url: str) -> str:
    parts = [event.description.strip()] if event.description.strip() else []
    if event.public_online_url:
        parts.append(f"Online: {event.public_online_url}")
    parts.append(url)
    return "\n\n".join(parts)


def vevent(
    event: Event, *, base_url: str, stamp: datetime, occurrence: Occurrence | None = None
) -> VEvent:
    """The event (a series if it recurs), or just one of its dates."""
    url = base_url + event.get_absolute_url()
    component = VEvent()
    if occurrence is None:
        component.add("uid", uid(event))
    else:
        component.add("uid", f"event-{event.pk}-date-{occurrence.pk}@{_domain()}")
    component.add("dtstamp", stamp.astimezone(UTC))
    component.add("last-modified", event.updated_at.astimezone(UTC))
    component.add("created", event.created_at.astimezone(UTC))
    component.add("dtstart", local(occurrence.start if occurrence else event.start))
    component.add("dtend", local(occurrence.end if occurrence else event.end))
    if event.recurrence and occurrence is None:
        component.add("rrule", vRecur.from_ical(event.recurrence))
        cancelled = getattr(event, "cancelled_dates", None)
        if cancelled is None:
            cancelled = event.occurrences.filter(is_cancelled=True)
        for occurrence in cancelled:
            component.add("exdate", local(occurrence.start))
    component.add("summary", event.title)
    component.add("description", _description(event, url))
    component.add("url", url)
    location = event.address_line if event.is_in_person else ""
    if not location and event.is_online:
        location = event.public_online_url or "Online"
    if location:
        component.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        component.add("geo", (event.latitude, event.longitude))
    categories = [event.get_event_type_display(), *(c.name for c in event.categories.all())]
    component.add("categories", [str(c) for c in categories])
    component.add("status", "CONFIRMED" if event.status == EventStatus.PUBLISHED else "TENTATIVE")
    component.add("transp", "OPAQUE")
    if event.organiser_name:
        component.add("contact", event.organiser_name)
    return component


def calendar(
    events,
    *,
    base_url: str,
    name: str,
    now: datetime | None = None,
    occurrence: Occurrence | None = None,
) -> bytes:
    """A calendar of whole events; with `occurrence`, of that one date of the one event."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(EVENT_TZ))
    cal.add_component(berlin_vtimezone())
    stamp = now or timezone.now()
    for event in events:
        cal.add_component(vevent(event, base_url=base_url, stamp=stamp, occurrence=occurrence))
    return cal.to_ical()
