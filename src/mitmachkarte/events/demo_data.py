"""What the demo events are (demo.py creates them): invented talks, meetings, workshops,
a repair café, a working group and the action-day entries of the campaign. Content only.
"""

from dataclasses import dataclass, field

from .models import EventFormat, EventType

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
