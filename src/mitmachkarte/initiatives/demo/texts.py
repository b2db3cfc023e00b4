"""Plausible German texts for demo and benchmark entries. Invented, not real groups."""

# name template, categories, SDGs, tags, short description
TEMPLATES = [
    (
        "Repair Café {place}",
        ["repair", "zero-waste"],
        [12, 13],
        ["Repair Café", "Reparatur"],
        "Gemeinsam reparieren statt wegwerfen: Elektrogeräte, Fahrräder, Textilien und Spielzeug.",
    ),
    (
        "Reparatur-Treff {place}",
        ["repair"],
        [12],
        ["Reparatur", "Elektronik"],
        "Ehrenamtliche helfen beim Reparieren von Toastern, Lampen, Radios und mehr.",
    ),
    (
        "Fahrradwerkstatt {place}",
        ["mobility", "repair"],
        [11, 13],
        ["Fahrrad", "Selbsthilfe"],
        "Offene Selbsthilfewerkstatt: Werkzeug, Ersatzteile und Tipps für dein Fahrrad.",
    ),
    (
        "Tauschbörse {place}",
        ["sharing-swapping"],
        [12],
        ["Tauschen", "Second Hand"],
        "Bring, was du nicht mehr brauchst, und nimm mit, was dir gefällt.",
    ),
    (
        "Leihladen {place}",
        ["sharing-swapping", "zero-waste"],
        [11, 12],
        ["Leihen", "Werkzeug"],
        "Bohrmaschine, Zelt oder Waffeleisen: Leihen statt kaufen, für alle im Viertel.",
    ),
    (
        "Umsonstladen {place}",
        ["sharing-swapping", "neighbourhood-social"],
        [1, 12],
        ["Verschenken", "Second Hand"],
        "Ein Laden, in dem alles verschenkt wird: Kleidung, Bücher, Haushaltswaren.",
    ),
    (
        "Foodsharing {place}",
        ["food", "zero-waste"],
        [2, 12],
        ["Foodsharing", "Lebensmittelrettung"],
        "Wir retten Lebensmittel vor der Tonne und verteilen sie über öffentliche Fairteiler.",
    ),
    (
        "Solidarische Landwirtschaft {place}",
        ["food", "gardening-nature"],
        [2, 12, 15],
        ["SoLaWi", "regional", "bio"],
        "Gemeinsam finanzieren wir einen Hof und teilen die Ernte – regional und saisonal.",
    ),
    (
        "Food-Coop {place}",
        ["food", "money-common-good"],
        [2, 12],
        ["Food-Coop", "regional"],
        "Eine Einkaufsgemeinschaft für regionale Bio-Lebensmittel ohne Zwischenhandel.",
    ),
    (
        "Gemeinschaftsgarten {place}",
        ["gardening-nature", "neighbourhood-social"],
        [11, 15],
        ["Urban Gardening", "Garten"],
        "Mitten in der Stadt gärtnern wir gemeinsam: Gemüse, Kräuter, Blühwiesen.",
    ),
    (
        "Interkultureller Garten {place}",
        ["gardening-nature", "neighbourhood-social"],
        [10, 11, 15],
        ["Garten", "Integration"],
        "Menschen aus vielen Ländern bewirtschaften gemeinsam Beete und lernen voneinander.",
    ),
    (
        "Essbare Stadt {place}",
        ["gardening-nature", "food"],
        [2, 11, 15],
        ["Essbare Stadt", "Obstbäume"],
        "Obst, Kräuter und Gemüse auf öffentlichen Flächen – zum Pflücken für alle.",
    ),
    (
        "Streuobstwiesen-Initiative {place}",
        ["gardening-nature"],
        [15],
        ["Streuobst", "Artenvielfalt"],
        "Wir pflegen alte Obstwiesen, pflanzen Bäume nach und pressen Apfelsaft.",
    ),
    (
        "Energiegenossenschaft {place} eG",
        ["energy-climate", "money-common-good"],
        [7, 13],
        ["Photovoltaik", "Bürgerenergie"],
        "Bürgerinnen und Bürger bauen gemeinsam Solaranlagen auf Dächern der Stadt.",
    ),
    (
        "Klimabündnis {place}",
        ["energy-climate", "education-culture"],
        [13, 17],
        ["Klimaschutz", "Bürgerbeteiligung"],
        "Ein offenes Bündnis, das Klimaschutz vor Ort voranbringt und die Kommune unterstützt.",
    ),
    (
        "Balkonkraftwerk-Initiative {place}",
        ["energy-climate"],
        [7, 13],
        ["Balkonkraftwerk", "Solar"],
        "Wir helfen Mieterinnen und Mietern beim Einstieg in die eigene Stromerzeugung.",
    ),
    (
        "Lastenrad {place}",
        ["mobility", "sharing-swapping"],
        [11, 13],
        ["Lastenrad", "Verleih"],
        "Freie Lastenräder zum kostenlosen Ausleihen, betreut von Ehrenamtlichen.",
    ),
    (
        "Kleidertausch {place}",
        ["clothing", "sharing-swapping"],
        [12],
        ["Kleidertausch", "Mode"],
        "Regelmäßige Kleidertauschpartys: Schrank ausmisten, Neues entdecken, nichts kaufen.",
    ),
    (
        "Nähcafé {place}",
        ["clothing", "repair"],
        [5, 12],
        ["Nähen", "Upcycling"],
        "Nähmaschinen, Stoffreste und Hilfe beim Flicken, Ändern und Upcyceln.",
    ),
    (
        "Unverpackt-Initiative {place}",
        ["zero-waste", "food"],
        [12, 14],
        ["Unverpackt", "Plastikfrei"],
        "Wir setzen uns für Einkaufen ohne Verpackung ein und beraten Geschäfte vor Ort.",
    ),
    (
        "Clean-up-Gruppe {place}",
        ["zero-waste", "gardening-nature"],
        [11, 14, 15],
        ["Müllsammeln", "Clean-up"],
        "Einmal im Monat sammeln wir gemeinsam Müll in Parks und an Ufern.",
    ),
    (
        "Transition Town {place}",
        ["education-culture", "neighbourhood-social"],
        [11, 12, 17],
        ["Transition", "Wandel"],
        "Eine lokale Bewegung für eine zukunftsfähige, gemeinschaftliche Stadt.",
    ),
    (
        "Weltladen {place}",
        ["education-culture", "money-common-good"],
        [8, 12, 17],
        ["Fairer Handel", "Bildung"],
        "Fair gehandelte Produkte und Bildungsarbeit zu globaler Gerechtigkeit.",
    ),
    (
        "Nachhaltigkeitsforum {place}",
        ["education-culture"],
        [4, 13, 17],
        ["Vorträge", "Bildung"],
        "Vorträge, Filmabende und Workshops rund um nachhaltigen Konsum.",
    ),
    (
        "Nachbarschaftshilfe {place}",
        ["neighbourhood-social"],
        [3, 10, 11],
        ["Nachbarschaft", "Hilfe"],
        "Nachbarn helfen Nachbarn: Einkaufen, Begleitung, Reparaturen, Gespräche.",
    ),
    (
        "Nachbarschaftstreff {place}",
        ["neighbourhood-social", "education-culture"],
        [10, 11],
        ["Nachbarschaft", "Treffpunkt"],
        "Ein offener Treffpunkt mit Café, Kursen und Platz für eigene Ideen.",
    ),
    (
        "Wohnprojekt {place}",
        ["housing", "neighbourhood-social"],
        [10, 11],
        ["Gemeinschaft", "Wohnen"],
        "Gemeinschaftlich, generationenübergreifend und ökologisch wohnen – wir planen mit.",
    ),
    (
        "Tauschring {place}",
        ["money-common-good", "sharing-swapping"],
        [1, 8, 10],
        ["Tauschring", "Zeitbank"],
        "Hilfe gegen Hilfe: Wir tauschen Fähigkeiten und Zeit statt Geld.",
    ),
    (
        "Gemeinwohl-Ökonomie Regionalgruppe {place}",
        ["money-common-good"],
        [8, 12, 16],
        ["Gemeinwohl", "Wirtschaft"],
        "Wir unterstützen Unternehmen und Kommunen bei der Gemeinwohl-Bilanz.",
    ),
]

DISTRICTS = {
    "Köln": ["Ehrenfeld", "Nippes", "Sülz", "Kalk", "Mülheim", "Deutz", "Porz", "Lindenthal"],
    "Düsseldorf": ["Bilk", "Flingern", "Oberkassel", "Gerresheim", "Benrath", "Eller"],
    "Dortmund": ["Hörde", "Nordstadt", "Aplerbeck", "Kreuzviertel", "Huckarde", "Mengede"],
    "Essen": ["Rüttenscheid", "Steele", "Altenessen", "Kettwig", "Holsterhausen", "Werden"],
    "Duisburg": ["Ruhrort", "Neudorf", "Rheinhausen", "Marxloh", "Homberg"],
    "Bochum": ["Langendreer", "Wattenscheid", "Ehrenfeld", "Linden", "Gerthe", "Weitmar"],
    "Wuppertal": ["Elberfeld", "Barmen", "Vohwinkel", "Ronsdorf", "Cronenberg"],
    "Bielefeld": ["Sieker", "Brackwede", "Schildesche", "Sennestadt"],
    "Bonn": ["Beuel", "Bad Godesberg", "Endenich", "Duisdorf", "Poppelsdorf"],
    "Münster": ["Kreuzviertel", "Hiltrup", "Gievenbeck", "Mauritz", "Kinderhaus"],
    "Aachen": ["Burtscheid", "Brand", "Laurensberg", "Forst"],
    "Gelsenkirchen": ["Buer", "Ückendorf", "Horst"],
    "Mönchengladbach": ["Rheydt", "Eicken", "Wickrath"],
}

# Rough population in thousands of NRW's largest towns, to weight the demo like reality.
POPULATION_K = {
    "Köln": 1084,
    "Düsseldorf": 621,
    "Dortmund": 588,
    "Essen": 582,
    "Duisburg": 498,
    "Bochum": 364,
    "Wuppertal": 355,
    "Bielefeld": 334,
    "Bonn": 331,
    "Münster": 316,
    "Mönchengladbach": 261,
    "Gelsenkirchen": 260,
    "Aachen": 249,
    "Krefeld": 227,
    "Oberhausen": 209,
    "Hagen": 188,
    "Hamm": 179,
    "Mülheim an der Ruhr": 170,
    "Leverkusen": 163,
    "Solingen": 159,
    "Herne": 156,
    "Neuss": 152,
    "Paderborn": 152,
}

STREETS = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Kirchstraße",
    "Schulstraße",
    "Gartenstraße",
    "Lindenallee",
    "Marktplatz",
    "Mühlenweg",
    "Am Stadtpark",
    "Goethestraße",
    "Friedrichstraße",
    "Ringstraße",
    "Kastanienweg",
    "Bergstraße",
    "Wiesenstraße",
    "Rathausplatz",
    "Poststraße",
    "Am Anger",
]

MEETING_TIMES = [
    "Jeden 2. Samstag im Monat, 14–17 Uhr",
    "Jeden Dienstag ab 18 Uhr",
    "Jeden 1. Sonntag im Monat, 11–15 Uhr",
    "Mittwochs 16–19 Uhr, in den Ferien nach Absprache",
    "Alle zwei Wochen donnerstags, 19 Uhr",
    "Samstags 10–13 Uhr (April bis Oktober)",
]
# The regular ones among them in OpenStreetMap's syntax (the detail page says "open now").
MEETING_OPENING_HOURS = {
    1: "Tu 18:00-21:00",
    3: "We 16:00-19:00",
    5: "Apr-Oct Sa 10:00-13:00",
}

HOW_TO_JOIN = [
    "Komm einfach zu einem unserer Treffen vorbei – eine Anmeldung ist nicht nötig.",
    "Schreib uns über das Kontaktformular, wir melden uns innerhalb einer Woche.",
    "Neue Mitmachende sind jederzeit willkommen, auch ohne Vorkenntnisse.",
    "Wir suchen Menschen, die eine Stunde im Monat Zeit haben. Frag einfach nach!",
]

DESCRIPTION = """{short}

## Was wir machen

Wir sind eine ehrenamtliche Gruppe in {place}. {activity}

## Wer wir sind

Rund {members} Menschen zwischen 16 und 80 Jahren engagieren sich bei uns. Wir freuen uns
über **neue Gesichter** – ob du viel oder wenig Zeit hast.

- offen für alle
- kostenlos, Spenden willkommen
- barrierearmer Zugang
"""

ACTIVITIES = [
    "Wir treffen uns regelmäßig, planen Aktionen und arbeiten mit der Stadtverwaltung zusammen.",
    "Unsere Treffen finden in einem Gemeindezentrum statt; im Sommer sind wir draußen aktiv.",
    "Wir kooperieren mit der örtlichen Verbraucherzentrale und anderen Initiativen.",
    "Für unsere Arbeit suchen wir noch einen festen Raum und freuen uns über Hinweise.",
]
