"""Reads for events, shared by pages, the iCal feed, the API and commands."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from mitmachkarte.organisations.rules import is_network_team, municipalities_moderated_by
from mitmachkarte.taxonomy.models import SDG, Category

from .filters import EventFilter
from .models import (
    Campaign,
    Event,
    EventStatus,
    EventType,
    Occurrence,
    Registration,
    RegistrationStatus,
)
from .recurrence import EVENT_TZ


def pending_actions(user) -> QuerySet[Event]:
    """Campaign actions waiting for review in `user`'s scope: the network team sees all,
    a municipality's members those taking place there."""
    pending = (
        # Members-only groups' meetings are pending too (kept out of public lists): only
        # campaign actions wait for a moderator.
        Event.objects.filter(status=EventStatus.PENDING, campaign__isnull=False)
        .select_related("campaign", "organisation")
        .prefetch_related("municipalities")
        .order_by("created_at", "pk")
    )
    if is_network_team(user):
        return pending
    return pending.filter(municipalities__in=municipalities_moderated_by(user)).distinct()


def organised_by(organisations) -> QuerySet[Event]:
    """Events of these organisations (organising or co-organising), newest first."""
    return (
        Event.objects.filter(Q(organisation__in=organisations) | Q(co_organisers__in=organisations))
        .distinct()
        .order_by("-start")
    )


def published_events() -> QuerySet[Event]:
    return Event.objects.filter(status=EventStatus.PUBLISHED)


def visible_occurrences() -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(event__status=EventStatus.PUBLISHED, is_cancelled=False)


def _filter_events(qs: QuerySet, flt: EventFilter, prefix: str = "") -> QuerySet:
    """Event-level filters; `prefix` is "event__" when `qs` holds occurrences."""
    if flt.types:
        qs = qs.filter(**{f"{prefix}event_type__in": flt.types})
    if flt.online:
        qs = qs.filter(**{f"{prefix}format__in": ["online", "hybrid"]})
    if flt.campaign:
        qs = qs.filter(**{f"{prefix}campaign": flt.campaign})
    if flt.bbox:
        b = flt.bbox
        qs = qs.filter(
            **{
                f"{prefix}latitude__gte": b.south,
                f"{prefix}latitude__lte": b.north,
                f"{prefix}longitude__gte": b.west,
                f"{prefix}longitude__lte": b.east,
            }
        )
    if flt.municipality:
        ids = Event.municipalities.through.objects.filter(municipality=flt.municipality)
        qs = qs.filter(**{f"{prefix}pk__in": ids.values("event_id")})
    if flt.categories:
        ids = Event.categories.through.objects.filter(category__slug__in=flt.categories)
        qs = qs.filter(**{f"{prefix}pk__in": ids.values("event_id")})
    return qs


def filter_occurrences(flt: EventFilter, *, now: datetime | None = None) -> QuerySet[Occurrence]:
    """Visible occurrences matching the filters, by start.

    Without `start_min` only dates that have not ended yet are included.
    """
    qs = _filter_events(visible_occurrences(), flt, prefix="event__")
    if flt.start_min:
        qs = qs.filter(start__gte=flt.start_min)
    else:
        qs = qs.filter(end__gte=now or timezone.now())
    if flt.start_max:
        qs = qs.filter(start__lte=flt.start_max)
    return qs.order_by("start", "pk")


def with_listing_data(qs: QuerySet[Occurrence]) -> QuerySet[Occurrence]:
    return qs.select_related("event", "event__campaign").prefetch_related(
        "event__municipalities",
        Prefetch("event__categories", queryset=Category.objects.order_by("position")),
        Prefetch("event__sdgs", queryset=SDG.objects.order_by("number")),
    )


def occurrence_page(flt: EventFilter, *, limit: int, offset: int) -> tuple[int, list]:
    qs = filter_occurrences(flt)
    return qs.count(), list(with_listing_data(qs)[offset : offset + limit])


def feed_events(
    flt: EventFilter, *, now: datetime | None = None, lookback: timedelta = timedelta(days=30)
) -> QuerySet[Event]:
    """Published events with at least one matching date (by default from 30 days ago)."""
    if flt.start_min is None:
        now = now or timezone.now()
        flt = EventFilter(**{**flt.__dict__, "start_min": now - lookback})
    ids = filter_occurrences(flt).values("event_id")
    return (
        published_events()
        .filter(pk__in=ids)
        .prefetch_related(
            "categories",
            "municipalities",
            Prefetch(
                "occurrences",
                queryset=Occurrence.objects.filter(is_cancelled=True),
                to_attr="cancelled_dates",
            ),
        )
        .order_by("start", "pk")
    )


def published_event(slug: str) -> Event | None:
    if "\x00" in slug:
        return None
    return (
        published_events()
        .select_related("campaign", "organiser_initiative")
        .prefetch_related("municipalities", "categories", "sdgs")
        .filter(slug=slug)
        .first()
    )


def upcoming_dates(event: Event, *, now: datetime | None = None, limit: int = 12) -> list:
    """The next dates of an event with their seat counts."""
    qs = event.occurrences.filter(is_cancelled=False, end__gte=now or timezone.now())
    return list(with_seat_counts(qs).order_by("start")[:limit])


def cancelled_upcoming_dates(
    event: Event, *, now: datetime | None = None, limit: int = 12
) -> list[Occurrence]:
    """Dates that would still lie ahead but were cancelled: people who saw them learn so."""
    qs = event.occurrences.filter(is_cancelled=True, end__gte=now or timezone.now())
    return list(qs.order_by("start")[:limit])


def with_seat_counts(qs: QuerySet[Occurrence]) -> QuerySet[Occurrence]:
    return qs.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
        ),
        waitlisted_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
    )


def confirmed_count(occurrence: Occurrence) -> int:
    return occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def seats_left(occurrence: Occurrence, capacity: int | None) -> int | None:
    """Free places of an occurrence; None means no limit."""
    if capacity is None:
        return None
    return max(0, capacity - confirmed_count(occurrence))


def waiting_position(registration: Registration) -> int:
    """1 for the first in line on the waiting list."""
    return (
        Registration.objects.filter(
            occurrence_id=registration.occurrence_id,
            status=RegistrationStatus.WAITLISTED,
            queued_at__lte=registration.queued_at,
        )
        .exclude(Q(queued_at=registration.queued_at) & Q(pk__gt=registration.pk))
        .count()
    )


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    occurrences: list


def month_weeks(flt: EventFilter, *, year: int, month: int) -> list[list[CalendarDay]]:
    """Monday-first weeks of a month (with the neighbouring days), each with its dates."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    window = EventFilter(
        **{
            **flt.__dict__,
            "start_min": datetime.combine(first, time.min, tzinfo=EVENT_TZ),
            "start_max": datetime.combine(last + timedelta(days=1), time.min, tzinfo=EVENT_TZ)
            - timedelta(microseconds=1),
        }
    )
    by_day: dict[date, list] = {}
    for occurrence in filter_occurrences(window).select_related("event"):
        by_day.setdefault(occurrence.start.astimezone(EVENT_TZ).date(), []).append(occurrence)
    return [[CalendarDay(d, d.month == month, by_day.get(d, [])) for d in week] for week in weeks]


def campaign_summary(campaign: Campaign) -> dict:
    """Counts for a campaign page: actions, dates, places, and by type and category."""
    events = published_events().filter(campaign=campaign)
    by_type = dict(events.values_list("event_type").annotate(n=Count("pk")))
    type_labels = dict(EventType.choices)
    return {
        "events": events.count(),
        "dates": visible_occurrences().filter(event__campaign=campaign).count(),
        "municipalities": events.exclude(municipalities=None)
        .values("municipalities")
        .distinct()
        .count(),
        "online": events.filter(format__in=["online", "hybrid"]).count(),
        "by_type": sorted(
            ((type_labels[k], n) for k, n in by_type.items()), key=lambda item: -item[1]
        ),
        "by_category": list(
            Category.objects.annotate(n=Count("events", filter=Q(events__in=events)))
            .filter(n__gt=0)
            .order_by("-n", "position")
        ),
    }


def events_for_map(flt: EventFilter) -> list[Event]:
    """Published events with coordinates that have a matching date, with their next date."""
    occurrences = filter_occurrences(flt).filter(event__latitude__isnull=False)
    firsts: dict[int, Occurrence] = {}
    for occurrence in occurrences.select_related("event").only(
        "start",
        "end",
        "event__slug",
        "event__title",
        "event__event_type",
        "event__city",
        "event__latitude",
        "event__longitude",
        "event__format",
    ):
        firsts.setdefault(occurrence.event_id, occurrence)
    events = []
    for occurrence in firsts.values():
        event = occurrence.event
        event.next_occurrence = occurrence
        events.append(event)
    return events


def participants(event: Event, *, occurrence_id: int | None = None) -> QuerySet[Registration]:
    """Registrations of an event that are not cancelled, by date and waiting-list order."""
    qs = Registration.objects.filter(occurrence__event=event).exclude(
        status=RegistrationStatus.CANCELLED
    )
    if occurrence_id is not None:
        qs = qs.filter(occurrence_id=occurrence_id)
    return qs.select_related("occurrence").order_by(
        "occurrence__start", "status", "queued_at", "created_at", "pk"
    )


def upcoming_for_initiative(
    initiative_id: int, *, now: datetime | None = None, limit: int = 5
) -> list[Occurrence]:
    """The next visible dates of the events an initiative organises (its detail page)."""
    qs = visible_occurrences().filter(
        event__organiser_initiative_id=initiative_id, end__gte=now or timezone.now()
    )
    return list(qs.select_related("event").order_by("start", "pk")[:limit])
