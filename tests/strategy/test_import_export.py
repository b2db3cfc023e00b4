"""A strategy written in a spreadsheet: export → import into an empty municipality → export
is identical; problems are reported per row and column and nothing is half-imported."""

import json

import pytest

from mitmachkarte.core.csv_export import csv_text
from mitmachkarte.strategy import exports, indicator_services, services
from mitmachkarte.strategy.imports import import_strategy
from mitmachkarte.strategy.imports_json import import_json
from mitmachkarte.strategy.levels import FIELD, MEASURE, OPERATIONAL_GOAL, STRATEGIC_GOAL
from mitmachkarte.strategy.models import Indicator, IndicatorValue, Measure, Strategy
from tests.factories import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def full(db):
    """A strategy with every kind of value, and codes repeated under different parents."""
    town = MunicipalityFactory(slug="bochum", name="Bochum")
    OrganisationFactory(slug="repair-cafe-ost", type="initiative")
    strategy = services.get_or_create_strategy(municipality=town, actor=None)
    for f in ("1", "2"):
        field = services.create_node(level=FIELD, parent=strategy, actor=None,
                                     values={"code": f, "title": f"Feld {f}"})  # fmt: skip
        goal = services.create_node(
            level=STRATEGIC_GOAL,
            parent=field,
            actor=None,
            values={"code": "1", "title": "Ziel; mit Semikolon", "sdgs": "11 12",
                    "targets": "12.5", "strategy_refs": ["DNS 12.1.a", "NRW: Konsum, fair"]},
        )  # fmt: skip
        ogoal = services.create_node(
            level=OPERATIONAL_GOAL, parent=goal, actor=None,
            values={"code": "1", "title": "=Formel bleibt Text", "published": False},
        )  # fmt: skip
        services.create_node(
            level=MEASURE,
            parent=ogoal,
            actor=None,
            values={
                "code": "1",
                "title": "Reparaturnetz in jedem Stadtbezirk",
                "description": "Zeile eins\nZeile zwei",
                "responsible_unit": "Umweltamt",
                "partners": "repair-cafe-ost",
                "starts_on": "2021-03-01",
                "ends_on": "2026-12-31",
                "status": "running",
                "resources": "20.000 € im Jahr",
                "targets": "12.5",
                "sdgs": "",
            },
        )
        indicator = indicator_services.create_indicator(
            goal=ogoal,
            actor=None,
            values={"name": "Repair-Cafés", "unit": "Anzahl", "baseline_value": 4,
                    "baseline_year": 2019, "target_value": "12.5", "target_year": 2027},
        )  # fmt: skip
        indicator_services.create_indicator(
            goal=goal,
            actor=None,
            values={"name": "Restmüll", "unit": "kg/Kopf", "baseline_value": "180.25",
                    "baseline_year": 2019, "target_value": 150, "target_year": 2030,
                    "direction": "lower"},
        )  # fmt: skip
        for year, value in ((2020, 5), (2022, "7.5"), (2024, 9)):
            indicator_services.set_value(indicator=indicator, actor=None,
                                         on=f"{year}-12-31", value=value)  # fmt: skip
    return strategy


def _csvs(strategy):
    structure = csv_text(exports.structure_rows(strategy), delimiter=";", bom=True)
    indicators = csv_text(exports.indicator_rows(strategy), delimiter=";", bom=True)
    return structure, indicators


def test_csv_round_trip_is_identical(full):
    structure, indicators = _csvs(full)
    assert "1/1" in structure  # repeated codes are named by their path
    empty = MunicipalityFactory(slug="koeln")
    report = import_strategy(
        municipality=empty, actor=None, structure=structure.encode(), indicators=indicators
    )
    assert report.ok, report.problems
    assert (report.created, report.indicators, report.values) == (8, 4, 6)
    again = Strategy.objects.get(municipality=empty)
    assert _csvs(again) == (structure, indicators)
    # importing the same files again changes nothing and creates nothing
    report = import_strategy(municipality=empty, actor=None, structure=structure,
                             indicators=indicators)  # fmt: skip
    assert report.ok and report.created == 0 and report.updated == 8
    assert _csvs(again) == (structure, indicators)


def test_json_round_trip_is_identical(full):
    document = exports.strategy_json(full)
    empty = MunicipalityFactory(slug="dortmund")
    report = import_json(municipality=empty, actor=None, data=json.dumps(document).encode())
    assert report.ok, report.problems
    again = Strategy.objects.get(municipality=empty)
    assert exports.strategy_json(again) == {**document, "municipality": "dortmund"}


def test_excel_flavours_comma_and_german_words_are_read(db):
    town = MunicipalityFactory()
    text = (
        "\ufefflevel,code,parent_code,title,status,from,published\r\n"
        "Themenfeld,A,,Klima,,,ja\r\n"
        "strategisches Ziel,A.1,A,Klimaneutral,,,\r\n"
        "operatives Ziel,A.1.1,A.1,Gebäude,,,\r\n"
        "Maßnahme,A.1.1.1,A.1.1,Dächer,laufend,01.03.2024,nein\r\n"
    )
    report = import_strategy(municipality=town, actor=None, structure=text.encode("utf-8"))
    assert report.ok, report.problems
    measure = Measure.objects.get()
    assert (measure.status, str(measure.starts_on), measure.published) == (
        "running", "2024-03-01", False
    )  # fmt: skip


def test_problems_are_reported_per_row_and_column_and_nothing_is_written(db):
    town = MunicipalityFactory()
    structure = (
        "level;code;parent_code;title;sdgs;targets;partners;from;until;status\n"
        "field;1;;Klima;;;;;;\n"
        "field;1;;Doppelt;;;;;;\n"
        "strategic_goal;1.1;9;Ohne Eltern;;;;;;\n"
        "strategic_goal;1.2;1;Gut;3;3.99;;;;\n"
        "operational_goal;1.2.1;1.2;;;;;;;\n"
        "measure;x/y;1.2.1;Schräg;;;;;;\n"
        "measure;m;1.2.1;M;;;niemand;2025-01-01;2024-01-01;fertig\n"
        "planet;1;;Erde;;;;;;\n"
        "field;2;;Feld mit SDG;5;;;;;\n"
    )
    indicators = (
        "goal_level;goal_code;indicator;baseline;baseline_year;target;target_year;date;value\n"
        "operational_goal;1.2.1;Dächer;4;2020;10;2019;;\n"
        "operational_goal;1.2.1;PV;4;2020;10;2030;2021-12-31;viel\n"
        "measure;m;PV;4;2020;10;2030;;\n"
    )
    report = import_strategy(municipality=town, actor=None, structure=structure,
                             indicators=indicators)  # fmt: skip
    found = {(p.line, p.column) for p in report.problems}
    assert {
        (3, "code"),  # the same field twice
        (4, "parent_code"),  # no goal 9
        (5, "targets"),  # 3.99 is no target
        (6, "title"),
        (7, "code"),  # "/" in a code
        (8, "partners"),
        (8, "until"),
        (8, "status"),
        (9, "level"),
        (10, "sdgs"),  # thematic fields have no SDGs
    } <= found, report.problems
    assert {(2, "target_year"), (3, "value"), (4, "goal_level")} <= found
    messages = " ".join(p.message for p in report.problems)
    assert "3.99" in messages and "niemand" in messages
    assert not Strategy.objects.exists() and not Indicator.objects.exists()


def test_values_of_one_indicator_from_csv(db):
    town = MunicipalityFactory()
    strategy = services.get_or_create_strategy(municipality=town, actor=None)
    field = services.create_node(level=FIELD, parent=strategy, actor=None,
                                 values={"code": "1", "title": "F"})  # fmt: skip
    goal = services.create_node(level=STRATEGIC_GOAL, parent=field, actor=None,
                                values={"code": "1", "title": "G"})  # fmt: skip
    indicator = indicator_services.create_indicator(
        goal=goal, actor=None, values={"name": "CO2", "baseline_value": 10, "baseline_year": 2019,
                                       "target_value": 5, "target_year": 2030},
    )  # fmt: skip
    bad = indicator_services.import_values(
        indicator=indicator, actor=None, data=b"date;value\n2020;9,5\nirgendwann;8\n2020;9\n"
    )
    assert [(line, col) for line, col, _ in bad.errors] == [(3, "date"), (4, "date")]
    assert not IndicatorValue.objects.exists()
    excel = 'date,value,note\n2020,"9,5",geschätzt\n2021-06-30,9\n'.encode("cp1252")
    good = indicator_services.import_values(indicator=indicator, actor=None, data=excel)
    assert good.saved == 2 and not good.errors
    assert [str(v.value) for v in indicator.values.order_by("date")] == ["9.5000", "9.0000"]


def test_the_example_files_of_the_import_page_import_cleanly(db):
    from django.conf import settings

    examples = settings.PACKAGE_DIR / "strategy" / "static" / "strategy"
    report = import_strategy(
        municipality=MunicipalityFactory(),
        actor=None,
        structure=(examples / "strategy-example.csv").read_bytes(),
        indicators=(examples / "strategy-indicators-example.csv").read_bytes(),
    )
    assert report.ok, report.problems
    assert report.created == 15 and report.indicators == 6
