"""Demo needs and offers (`load_demo_support`; after load_demo_accounts; idempotent).

Rooms, funding programmes and permit guides in Bochum, Herne, Dortmund, Köln and Münster,
a state-wide programme, and needs of initiatives there — among them the room need of the
demo initiative in Bochum, which meets the room offer of the city of Bochum. Everything is
invented; links use the reserved `.example` domain. Demo mails are not sent.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from mitmachkarte.core import mail
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.organisations.services import create_organisation

from . import services
from .models import Need, Offer

BOCHUM, HERNE, WITTEN, DORTMUND, KOELN, MUENSTER = (
    "05911000",
    "05916000",
    "05954036",
    "05913000",
    "05315000",
    "05515000",
)
CITY_SLUG = "stadt-bochum-nachhaltigkeitsmanagement"
MUNICIPAL_ORGS = [
    (HERNE, "stadt-herne-umwelt", "Stadt Herne – Fachbereich Umwelt"),
    (DORTMUND, "stadt-dortmund-umweltamt", "Stadt Dortmund – Umweltamt"),
    (KOELN, "stadt-koeln-nachhaltigkeit", "Stadt Köln – Büro für Nachhaltigkeit"),
    (MUENSTER, "stadt-muenster-klima", "Stadt Münster – Koordinierungsstelle Klima"),
]
ADVICE_SLUG = "verbraucherzentrale-beratungsstelle-bochum"

ROOM_BOCHUM = dict(
    offer_type="room",
    title="Stadtteilzentrum Langendreer – Gruppenraum",
    description="Heller Gruppenraum im Erdgeschoss, gut für Repair Cafés und Treffen. "
    "Werkbänke können im Lager bleiben.",
    address="Alte Bahnhofstraße 1, 44892 Bochum",
    latitude=51.4769,
    longitude=7.3187,
    capacity=30,
    step_free=True,
    equipment="Tische, 30 Stühle, Beamer, viele Steckdosen, Teeküche",
    cost="kostenlos für gemeinnützige Initiativen",
    availability="Mo–Sa 9–21 Uhr nach Absprache, auch monatlich wiederkehrend",
    booking_contact="Bürgerbüro Langendreer, Tel. 0234 0000-0 (Demo)",
)


def _offers(days):
    deadline = timezone.localdate() + timedelta(days=days)
    permit = dict(offer_type="permit")
    return {
        CITY_SLUG: [
            ROOM_BOCHUM,
            dict(
                offer_type="room",
                title="Bürgerhaus Wattenscheid – großer Saal",
                address="Saarlandstraße 1, 44866 Bochum",
                latitude=51.482,
                longitude=7.13,
                capacity=80,
                step_free=True,
                equipment="Bühne, Tonanlage",
                cost="40 € pro Abend",
                availability="abends und am Wochenende",
                booking_contact="Bürgerhaus Wattenscheid, Tel. 02327 0000 (Demo)",
            ),
            dict(
                offer_type="funding",
                title="Bochumer Klimafonds für Bürgerprojekte",
                funder="Stadt Bochum",
                amount_min=500,
                amount_max=5000,
                deadline=deadline,
                eligibility="Gemeinnützige Initiativen und Vereine mit Projekten in Bochum",
                link="https://bochum.example/klimafonds",
            ),
            dict(
                **permit,
                title="Straßenfest anmelden",
                topic="street_festival",
                responsible_office="Ordnungsamt, Sondernutzungen",
                steps="1. Formlosen Antrag acht Wochen vorher stellen\n2. Lageplan "
                "beilegen\n3. Bescheid und Gebühr abwarten",
                documents="Antrag, Lageplan, Haftpflichtnachweis",
                typical_duration="4–6 Wochen",
            ),
            dict(
                **permit,
                title="Infostand in der Innenstadt",
                topic="info_stand",
                responsible_office="Tiefbauamt, Sondernutzung öffentlicher Flächen",
                steps="1. Online-Antrag zwei Wochen vorher\n2. Bestätigung mitführen",
                documents="Antrag mit Ort, Datum und Größe des Standes",
                typical_duration="1–2 Wochen",
            ),
            dict(
                **permit,
                title="Repair Café in einem städtischen Gebäude",
                topic="repair_event",
                responsible_office="Zentrales Gebäudemanagement",
                steps="1. Raum anfragen\n2. Nutzungsvertrag\n3. Elektro-Prüfung der Geräte vor Ort",
                documents="Nutzungsvertrag, Haftpflichtnachweis",
                typical_duration="2–3 Wochen",
            ),
        ],
        "stadt-herne-umwelt": [
            dict(
                offer_type="room",
                title="Jugendzentrum Herne-Mitte – Werkraum",
                capacity=15,
                step_free=False,
                equipment="Werkbänke, Lötstationen",
                cost="kostenlos",
                availability="Di und Do ab 16 Uhr",
                booking_contact="Jugendzentrum Herne-Mitte, Tel. 02323 0000 (Demo)",
            ),
        ],
        "stadt-dortmund-umweltamt": [
            dict(
                offer_type="room",
                title="Umweltzentrum Dortmund – Werkstatt",
                capacity=20,
                step_free=True,
                cost="10 € pro Termin",
                availability="werktags",
                booking_contact="Umweltzentrum, Tel. 0231 0000 (Demo)",
            ),
            dict(
                offer_type="funding",
                title="Dortmunder Quartiersfonds",
                funder="Stadt Dortmund",
                amount_max=1500,
                deadline=deadline,
                eligibility="Nachbarschaftsprojekte in Dortmunder Quartieren",
                link="https://dortmund.example/quartiersfonds",
            ),
            dict(
                **permit,
                title="Gärtnern auf öffentlichen Grünflächen",
                topic="urban_gardening",
                responsible_office="Grünflächenamt",
                steps="1. Fläche vorschlagen\n2. Patenschaftsvertrag",
                documents="Skizze der Fläche",
                typical_duration="6–8 Wochen",
            ),
        ],
        "stadt-koeln-nachhaltigkeit": [
            dict(
                offer_type="room",
                title="Bürgerzentrum Ehrenfeld – Saal",
                capacity=60,
                step_free=True,
                cost="nach Vereinbarung",
                availability="nach Absprache",
                booking_contact="Bürgerzentrum Ehrenfeld, Tel. 0221 0000 (Demo)",
            ),
            dict(
                offer_type="funding",
                title="Kölner Nachhaltigkeitsfonds",
                funder="Stadt Köln",
                amount_min=1000,
                amount_max=10000,
                deadline=deadline,
                eligibility="Initiativen mit Wirkung auf die Kölner Nachhaltigkeitsziele",
            ),
            dict(
                **permit,
                title="Straßenfest im Veedel",
                topic="street_festival",
                responsible_office="Amt für öffentliche Ordnung",
                steps="1. Antrag zwölf Wochen vorher\n2. Anhörung der Anwohnenden",
                typical_duration="8–12 Wochen",
            ),
        ],
        "stadt-muenster-klima": [
            dict(
                offer_type="room",
                title="Stadtteilhaus Münster-Kinderhaus – Raum 1",
                capacity=25,
                step_free=True,
                cost="kostenlos",
                booking_contact="Stadtteilhaus Kinderhaus, Tel. 0251 0000 (Demo)",
            ),
            dict(
                **permit,
                title="Infostand auf dem Prinzipalmarkt",
                topic="info_stand",
                responsible_office="Ordnungsamt",
                typical_duration="2 Wochen",
            ),
        ],
        ADVICE_SLUG: [
            dict(
                offer_type="advice",
                title="Beratung zu Förderanträgen und Vereinsgründung",
                description="Wir helfen beim ersten Förderantrag und bei der Satzung.",
            ),
        ],
        "netzwerkteam": [
            dict(
                offer_type="funding",
                title="Landesprogramm Engagement vor Ort (Demo)",
                funder="Land NRW (Demo)",
                amount_min=500,
                amount_max=2000,
                deadline=timezone.localdate() + timedelta(days=days * 2),
                eligibility="Initiativen in ganz NRW",
                municipality=None,
            ),
        ],
    }


NEEDS = {
    # AGS of the initiative's town: (type, title, description, schedule)
    BOCHUM: [
        (
            "room",
            "Raum für unser monatliches Repair Café",
            "Wir suchen einen barrierefreien Raum für etwa 20 Personen mit Steckdosen "
            "und Platz für vier Werkbänke.",
            "monatlich, jeden 2. Samstag 14–17 Uhr",
        ),
        (
            "publicity",
            "Plakate und Hinweise im Amtsblatt",
            "Wir möchten mehr Nachbarinnen und Nachbarn erreichen.",
            "",
        ),
    ],
    HERNE: [
        (
            "room",
            "Treffpunkt für unsere Tauschbörse",
            "Etwa 15 Personen.",
            "alle zwei Wochen, dienstags abends",
        )
    ],
    DORTMUND: [
        (
            "funding",
            "Zuschuss für Werkzeug und Ersatzteile",
            "Etwa 1.200 € für Lötstationen und Messgeräte.",
            "einmalig",
        )
    ],
    KOELN: [
        (
            "permit",
            "Genehmigung für ein Straßenfest im Veedel",
            "Tauschmarkt und Reparaturstand auf der Straße.",
            "im Juni",
        )
    ],
    MUENSTER: [
        (
            "volunteers",
            "Helfende Hände für das Gemeinschaftsbeet",
            "Gießen und Ernten im Sommer.",
            "wöchentlich",
        )
    ],
}


def _user(email: str):
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        raise LookupError(f"{email} is missing: run `mitmachkarte load_demo_accounts` first")
    return user


def _organisation(slug: str, **fields) -> Organisation:
    return Organisation.objects.filter(slug=slug).first() or create_organisation(
        slug=slug, **fields
    )


def _initiative_org(municipality: Municipality) -> Organisation | None:
    existing = Organisation.objects.filter(
        type=OrganisationType.INITIATIVE, initiative__municipality=municipality
    ).first()
    if existing:
        return existing
    initiative = (
        Initiative.objects.filter(
            municipality=municipality, status=Status.PUBLISHED, organisation__isnull=True
        )
        .order_by("slug")
        .first()
    )
    if initiative is None:
        return None
    return _organisation(
        f"initiative-{initiative.slug}"[:180],
        name=initiative.name,
        type=OrganisationType.INITIATIVE,
        initiative=initiative,
    )


@mail.suppressed()
@transaction.atomic
def load() -> dict:
    towns = {
        m.ags: m
        for m in Municipality.objects.filter(
            ags__in=[BOCHUM, HERNE, WITTEN, DORTMUND, KOELN, MUENSTER]
        )
    }
    if BOCHUM not in towns:
        raise LookupError("Bochum is missing: run `mitmachkarte load_demo` first")
    city = Organisation.objects.filter(slug=CITY_SLUG).first()
    if city is None:
        raise LookupError("the demo accounts are missing: run `load_demo_accounts` first")
    team_user, initiative_user = _user("netzwerk@demo.example"), _user("initiative@demo.example")
    city_user = _user("bochum@demo.example")
    for ags, slug, name in MUNICIPAL_ORGS:
        if ags in towns:
            _organisation(
                slug, name=name, type=OrganisationType.MUNICIPALITY, municipality=towns[ags]
            )
    advice = _organisation(
        ADVICE_SLUG,
        name="Verbraucherzentrale NRW – Beratungsstelle Bochum (Demo)",
        type=OrganisationType.ADVICE_CENTRE,
        served_municipalities=[towns[a] for a in (BOCHUM, HERNE, WITTEN) if a in towns],
    )
    created = {"offers": 0, "needs": 0}
    for slug, specs in _offers(days=60).items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        user = city_user if slug == CITY_SLUG else team_user
        for spec in specs:
            spec = dict(spec)
            if organisation == advice:
                spec["municipality"] = towns[BOCHUM]
            if Offer.objects.filter(organisation=organisation, title=spec["title"]).exists():
                continue
            services.create_offer(organisation=organisation, user=user, **spec)
            created["offers"] += 1
    demo_initiative = Organisation.objects.filter(
        memberships__user=initiative_user, type=OrganisationType.INITIATIVE
    ).first()
    for ags, specs in NEEDS.items():
        if ags not in towns:
            continue
        organisation = demo_initiative if ags == BOCHUM else _initiative_org(towns[ags])
        if organisation is None:
            continue
        user = initiative_user if organisation == demo_initiative else team_user
        for need_type, title, description, schedule in specs:
            if Need.objects.filter(organisation=organisation, title=title).exists():
                continue
            services.create_need(
                organisation=organisation,
                user=user,
                need_type=need_type,
                title=title,
                description=description,
                schedule=schedule,
                municipality=towns[ags],
            )
            created["needs"] += 1
    return created
