# ruff: noqa: E501 - the demo texts read best one entry per line
"""Invented demo strategies for Bochum, Köln and Dortmund (`load_demo_strategy`).

Everything here is made up to show the platform; the strategies are marked `is_demo`, and
their pages say so. Idempotent: a municipality that already has a strategy is left alone.
Contributions link demo initiatives, events, cooperations and working groups of the same
municipality (run after load_demo, load_demo_events and load_demo_groups).
"""

from decimal import Decimal

from django.db import transaction

from mitmachkarte.events.models import Event
from mitmachkarte.groups.models import Cooperation, CooperationStatus, WorkingGroup
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality

from . import indicator_services, services
from .levels import FIELD, MEASURE, OPERATIONAL_GOAL, STRATEGIC_GOAL
from .models import Contribution, ContributionStatus

# field: (code, title, [strategic goal: (title, targets, indicator, [operational goal:
#   (title, targets, indicator, [measure: (title, unit, status, targets, text)])])])
# indicator: (name, unit, baseline, target, target year, direction, yearly step)
FIELDS = {
    "Bochum": [
        ("1", "Klima und Energie", [(
            "Bochum wird bis 2035 klimaneutral", "13.2", ("CO₂-Ausstoß je Einwohner", "t", 8.9, 4.0, 2035, "lower", -0.35),
            [("Mehr Solarstrom auf städtischen und privaten Dächern", "7.2", ("Installierte Photovoltaik", "MWp", 42, 160, 2030, "higher", 9),
              [("Solaroffensive für Dächer in jedem Stadtbezirk", "Umwelt- und Grünflächenamt", "running", "7.2 11.6", "Beratung, Förderprogramm und Sammelbestellungen für Balkon- und Dachanlagen."),
               ("Energiesparberatung für Haushalte mit wenig Einkommen", "Amt für Soziales", "planned", "7.3 1.4", "Stromspar-Checks gemeinsam mit Beratungsstellen und Initiativen.")])])]),
        ("2", "Ressourcen und Konsum", [(
            "Abfall vermeiden, Dinge länger nutzen", "12.5", ("Restmüll je Einwohner", "kg", 185, 140, 2030, "lower", -3.5),
            [("Reparieren und Teilen in jedem Stadtbezirk möglich machen", "12.5", ("Repair-Cafés und Leihläden", "Anzahl", 4, 12, 2027, "higher", 1),
              [("Reparaturnetz in jedem Stadtbezirk", "Umwelt- und Grünflächenamt", "running", "12.5", "Räume, Werkzeug und Öffentlichkeitsarbeit für Repair-Cafés."),
               ("Leihladen in der Innenstadt", "Wirtschaftsförderung", "done", "12.5 11.6", "Ein Laden zum Ausleihen von Werkzeug, Campingausrüstung und Küchengeräten.")])])]),
        ("3", "Bildung für nachhaltige Entwicklung", [(
            "Alle Bochumer*innen lernen nachhaltig zu handeln", "4.7", ("Schulen mit BNE-Profil", "Anzahl", 12, 40, 2030, "higher", 3),
            [("Außerschulische Lernorte stärken", "4.7", ("Bildungsangebote an Lernorten", "Anzahl je Jahr", 80, 200, 2028, "higher", 14),
              [("Schulgarten-Programm", "Schulverwaltungsamt", "running", "4.7 2.4", "Material und Begleitung für Schulgärten."),
               ("Klimaschule-Wettbewerb", "Schulverwaltungsamt", "paused", "4.7 13.3", "Ein jährlicher Wettbewerb für Schulprojekte zum Klimaschutz.")])])]),
    ],
    "Köln": [
        ("A", "Klima und Mobilität", [(
            "Klimaneutrales Köln 2035", "13.2", ("Treibhausgase", "Mio. t CO₂-Äq.", 8.1, 3.0, 2035, "lower", -0.3),
            [("Mehr Wege zu Fuß, mit dem Rad und dem ÖPNV", "11.2", ("Anteil des Umweltverbunds an den Wegen", "%", 58, 75, 2030, "higher", 1.4),
              [("Radwege-Lückenschluss in allen Veedeln", "Amt für Straßen und Radwegebau", "running", "11.2 3.6", "50 Kilometer neue, sichere Radwege."),
               ("Lastenräder zum Ausleihen", "Umweltamt", "done", "11.2 11.6", "Freie Lastenräder an Bürgerzentren und Initiativen.")])])]),
        ("B", "Stadtnatur und Gesundheit", [(
            "Grüne, gesunde Stadt für alle", "15.5", ("Straßenbäume", "Anzahl", 78000, 90000, 2030, "higher", 900),
            [("Mehr Grün in dicht bebauten Vierteln", "11.7", ("Entsiegelte Fläche", "m²", 0, 40000, 2030, "higher", 3000),
              [("Baumpatenschaften", "Amt für Landschaftspflege und Grünflächen", "running", "15.5 11.7", "Anwohnende gießen und pflegen Straßenbäume."),
               ("Urban-Gardening-Flächen", "Amt für Landschaftspflege und Grünflächen", "planned", "2.4 11.7", "Flächen für Gemeinschaftsgärten auf Zeit.")])])]),
        ("C", "Gutes Zusammenleben", [(
            "Teilhabe und Beteiligung stärken", "16.7", ("Beteiligungsverfahren", "Anzahl je Jahr", 20, 45, 2028, "higher", 2),
            [("Bürgerbeteiligung in jedem Stadtbezirk", "16.7", ("Bezirke mit Beteiligungsbüro", "Anzahl", 1, 9, 2027, "higher", 1),
              [("Beteiligungsbüros in den Bezirken", "Büro für Bürgerbeteiligung", "running", "16.7", "Anlaufstellen für Beteiligung vor Ort."),
               ("Nachhaltigkeitsfonds für Initiativen", "Dezernat für Klima und Umwelt", "running", "17.17 11.3", "Kleine Zuschüsse für Projekte aus der Stadtgesellschaft.")])])]),
    ],
    "Dortmund": [
        ("I", "Bildung und Teilhabe", [(
            "Gute Bildung für alle Kinder", "4.7", ("Kinder in Ganztagsangeboten", "%", 61, 85, 2030, "higher", 2),
            [("Nachhaltigkeit im Ganztag verankern", "4.7", ("Ganztagsangebote mit BNE-Bezug", "Anzahl", 10, 60, 2029, "higher", 5),
              [("Nachhaltigkeitswerkstätten im Offenen Ganztag", "Fachbereich Schule", "running", "4.7", "Initiativen gestalten Projektnachmittage."),
               ("Fairtrade-Schulen-Netzwerk", "Fachbereich Schule", "done", "4.7 12.8", "Begleitung auf dem Weg zur Fairtrade-School.")])])]),
        ("II", "Arbeit und Wirtschaft", [(
            "Gute Arbeit und faire Wirtschaft", "8.5", ("Sozialversicherungspflichtig Beschäftigte", "Tsd.", 230, 250, 2030, "higher", 2),
            [("Faire und regionale Beschaffung der Stadt", "12.7", ("Anteil fairer Produkte im Einkauf", "%", 8, 30, 2028, "higher", 2),
              [("Leitfaden faire Beschaffung", "Vergabe- und Beschaffungszentrum", "running", "12.7 8.7", "Kriterien für Textilien, Natursteine und IT."),
               ("Regionale Lebensmittel in Kantinen", "Vergabe- und Beschaffungszentrum", "planned", "12.7 2.4", "Mehr regionale und saisonale Zutaten in städtischen Kantinen.")])])]),
        ("III", "Wohnen und Quartiere", [(
            "Lebenswerte Quartiere für alle", "11.3", ("Geförderte Wohnungen", "Anzahl je Jahr", 300, 500, 2030, "higher", 20),
            [("Nachbarschaften stärken", "10.2", ("Quartiere mit Quartiersmanagement", "Anzahl", 5, 12, 2028, "higher", 1),
              [("Quartiersfonds für Nachbarschaftsprojekte", "Amt für Stadterneuerung", "running", "10.2 11.3", "Geld und Beratung für Ideen aus der Nachbarschaft."),
               ("Nachbarschaftsgärten auf Brachflächen", "Amt für Stadterneuerung", "paused", "11.7 2.4", "Zwischennutzung von Brachen als Gemeinschaftsgärten.")])])]),
    ],
}  # fmt: skip
TOWNS = [("05911000", "Bochum"), ("05315000", "Köln"), ("05913000", "Dortmund")]
YEARS = range(2019, 2027)


def _indicator(goal, spec) -> int:
    name, unit, base, target, target_year, direction, step = spec
    indicator = indicator_services.create_indicator(
        goal=goal,
        actor=None,
        values={
            "name": name,
            "unit": unit,
            "baseline_value": Decimal(str(base)),
            "baseline_year": 2019,
            "target_value": Decimal(str(target)),
            "target_year": target_year,
            "direction": direction,
            "description": "Erfundene Demo-Werte.",
        },
    )
    # Some indicators lag behind their path, so the page shows both verdicts.
    lag = 0.6 if len(name) % 2 else 1.1
    for year in YEARS[1:]:
        value = Decimal(str(base)) + Decimal(str(step * lag * (year - 2019)))
        indicator_services.set_value(
            indicator=indicator, actor=None, on=f"{year}-12-31", value=round(value, 2)
        )
    return len(YEARS) - 1


def _contributors(municipality) -> list[dict]:
    """Demo things of the municipality to link, one kind after another."""
    found = [
        {"initiative": i}
        for i in Initiative.objects.filter(
            municipality=municipality, status=Status.PUBLISHED
        ).order_by("slug")[:6]
    ]
    found += [{"event": e} for e in Event.objects.filter(municipalities=municipality)[:2]]
    found += [
        {"cooperation": c}
        for c in Cooperation.objects.filter(
            municipality=municipality, status=CooperationStatus.CONFIRMED
        )[:2]
    ]
    found += [
        {"working_group": g} for g in WorkingGroup.objects.filter(municipality=municipality)[:1]
    ]
    return found


@transaction.atomic
def load_town(municipality: Municipality, city: str) -> dict:
    counts = {"nodes": 0, "values": 0, "contributions": 0}
    strategy = services.get_or_create_strategy(
        municipality=municipality,
        actor=None,
        title=f"Nachhaltigkeitsstrategie {city} 2030 (Demo)",
        is_demo=True,
    )
    if strategy.fields.exists():
        return counts
    services.update_strategy(
        strategy=strategy,
        actor=None,
        changes={
            "summary": f"Erfundene Demo-Strategie für {city}: Themenfelder, Ziele und Maßnahmen "
            "nach dem Muster der Modellkommunen „Global Nachhaltige Kommune“.",
            "published": True,
        },
    )
    measures = []
    for code, title, goals in FIELDS[city]:
        field = services.create_node(level=FIELD, parent=strategy, actor=None,
                                     values={"code": code, "title": title})  # fmt: skip
        for g, (g_title, g_targets, g_ind, ogoals) in enumerate(goals, start=1):
            goal = services.create_node(
                level=STRATEGIC_GOAL, parent=field, actor=None,
                values={"code": f"{code}.{g}", "title": g_title, "targets": g_targets,
                        "strategy_refs": ["DNS: Agenda 2030", "NRW-Nachhaltigkeitsstrategie"]},
            )  # fmt: skip
            counts["values"] += _indicator(goal, g_ind)
            for o, (o_title, o_targets, o_ind, items) in enumerate(ogoals, start=1):
                ogoal = services.create_node(
                    level=OPERATIONAL_GOAL, parent=goal, actor=None,
                    values={"code": f"{code}.{g}.{o}", "title": o_title, "targets": o_targets},
                )  # fmt: skip
                counts["values"] += _indicator(ogoal, o_ind)
                for m, (m_title, unit, status, targets, text) in enumerate(items, start=1):
                    measure = services.create_node(
                        level=MEASURE, parent=ogoal, actor=None,
                        values={"code": f"{code}.{g}.{o}.{m}", "title": m_title,
                                "description": text, "responsible_unit": unit,
                                "targets": targets, "starts_on": "2021-01-01",
                                "ends_on": "2027-12-31"},
                    )  # fmt: skip
                    if status != "planned":
                        services.update_node(node=measure, actor=None,
                                             changes={"status": "running"},
                                             note="Start der Umsetzung", note_date="2021-03-01")  # fmt: skip
                    if status in ("done", "paused"):
                        services.update_node(node=measure, actor=None, changes={"status": status},
                                             note="Demo: Stand der Umsetzung")  # fmt: skip
                    measures.append(measure)
                    counts["nodes"] += 1
            counts["nodes"] += 2
        counts["nodes"] += 1
    for index, target in enumerate(_contributors(municipality)):
        Contribution.objects.create(
            measure=measures[index % len(measures)],
            status=ContributionStatus.CONFIRMED,
            note="Demo-Verknüpfung",
            **target,
        )
        counts["contributions"] += 1
    return counts


def load() -> dict:
    result = {}
    for ags, city in TOWNS:
        municipality = Municipality.objects.filter(ags=ags).first()
        if municipality is None:
            raise LookupError(f"{city} ({ags}) is missing: run `mitmachkarte load_demo` first")
        result[city] = load_town(municipality, city)
    return result
