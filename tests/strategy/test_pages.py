"""The strategy's pages: who sees and edits what (the permission matrix), the public tree,
the editor's forms, the import page, the SDG report's strategy view."""

import re

import pytest
from django.test import Client

from mitmachkarte.strategy import services
from mitmachkarte.strategy.models import (
    Contribution,
    IndicatorValue,
    Measure,
    ProgressNote,
    Strategy,
)
from tests.factories import (
    IndicatorFactory,
    InitiativeFactory,
    MeasureFactory,
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
    StrategyFactory,
    UserFactory,
    strategy_manager,
)
from tests.page_forms import form_in

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def world(db):
    town = MunicipalityFactory(name="Bochum", slug="bochum")
    measure = MeasureFactory(
        operational_goal__strategic_goal__field__strategy__municipality=town,
        title="Reparaturnetz in jedem Stadtbezirk",
        status="running",
    )
    ogoal = measure.operational_goal
    hidden = MeasureFactory(operational_goal=ogoal, title="Geheime Maßnahme", published=False)
    indicator = IndicatorFactory(operational_goal=ogoal, name="Repair-Cafés")
    IndicatorValue.objects.create(indicator=indicator, date="2023-12-31", value=9)
    initiative = InitiativeFactory(name="Repair-Café Ost", municipality=town)
    Contribution.objects.create(measure=measure, initiative=initiative, status="confirmed")
    Contribution.objects.create(
        measure=measure, initiative=InitiativeFactory(name="Nur vorgeschlagen"), status="proposed"
    )
    users = {
        "anonymous": None,
        "stranger": UserFactory(),
        "other_member": strategy_manager(MunicipalityFactory()),
        "member": strategy_manager(town),
        "network_team": MembershipFactory(
            organisation=OrganisationFactory(type="network_team")
        ).user,
    }
    return {"town": town, "measure": measure, "hidden": hidden, "users": users,
            "strategy": ogoal.strategic_goal.field.strategy, "indicator": indicator}  # fmt: skip


def _client(user):
    client = Client()
    if user:
        client.force_login(user)
    return client


EDITORS = {"member", "network_team"}


@pytest.mark.parametrize("who", ["anonymous", "stranger", "other_member", "member", "network_team"])
def test_permission_matrix(world, who):
    client = _client(world["users"][who])
    page = client.get("/kommunen/bochum/strategie/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Reparaturnetz in jedem Stadtbezirk" in html
    assert ("Geheime Maßnahme" in html) == (who in EDITORS)
    assert "Repair-Café Ost" in html and "Nur vorgeschlagen" not in html
    edit = client.get("/kommunen/bochum/strategie/bearbeiten/")
    expected = {"anonymous": 302}.get(who, 200 if who in EDITORS else 403)
    assert edit.status_code == expected
    export = client.get("/kommunen/bochum/strategie/export.csv")
    assert export.status_code == (200 if who in EDITORS else 404)
    hidden = world["hidden"]
    measure_page = client.get(f"/kommunen/bochum/strategie/massnahmen/{hidden.pk}/")
    assert measure_page.status_code == (200 if who in EDITORS else 404)
    post = client.post(
        f"/kommunen/bochum/strategie/bearbeiten/massnahme/{world['measure'].pk}/loeschen/"
    )
    assert post.status_code == (302 if who in EDITORS or who == "anonymous" else 403)
    assert Measure.objects.filter(pk=world["measure"].pk).exists() == (who not in EDITORS)


@pytest.mark.parametrize("who", ["anonymous", "stranger", "other_member"])
def test_an_unpublished_strategy_is_a_404_for_others(world, who):
    world["strategy"].published = False
    world["strategy"].save()
    client = _client(world["users"][who])
    for path in ("", "bericht/", f"massnahmen/{world['measure'].pk}/"):
        assert client.get(f"/kommunen/bochum/strategie/{path}").status_code == 404
    assert "Nachhaltigkeitsstrategie" not in client.get("/kommunen/bochum/").content.decode()
    member = _client(world["users"]["member"])
    html = member.get("/kommunen/bochum/strategie/").content.decode()
    assert "nicht veröffentlicht" in html


def test_public_page_shows_indicator_status_and_chart(world):
    html = _client(None).get("/kommunen/bochum/strategie/").content.decode()
    # 4 → 12 from 2019 to 2027: 2023 expects 8, 9 is better
    assert "auf Kurs" in html
    assert "<svg" in html and 'class="target-path"' in html
    # SVG coordinates are numbers with a decimal point, whatever the page's language (a German
    # "50,6" is no coordinate: the browser drops the line).
    coordinates = re.findall(r'\b(?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', html)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in coordinates), coordinates
    assert "31.12.2023: 9" in html  # the point's tooltip: a German date
    assert f"/kommunen/bochum/strategie/massnahmen/{world['measure'].pk}/" in html


def test_a_member_edits_a_measure_through_the_form_and_the_status_keeps_its_history(world):
    member = world["users"]["member"]
    client = _client(member)
    path = f"/kommunen/bochum/strategie/bearbeiten/massnahme/{world['measure'].pk}/"
    data = form_in(client.get(path), form_id="node-form")
    data.update(status="done", note="Alle Bezirke versorgt")
    response = client.post(path, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    note = ProgressNote.objects.get(measure=world["measure"])
    assert (note.status_from, note.status_to, note.text) == ("running", "done",
                                                             "Alle Bezirke versorgt")  # fmt: skip
    assert world["measure"].history.first().history_user == member
    # a second save from the old form is a conflict, nothing saved
    data.update(status="paused", title="Anders")
    assert client.post(path, data).status_code == 409
    assert Measure.objects.get(pk=world["measure"].pk).status == "done"


def test_a_member_creates_nodes_and_enters_a_value_with_htmx(world):
    client = _client(world["users"]["member"])
    strategy = world["strategy"]
    response = client.post(
        "/kommunen/bochum/strategie/bearbeiten/themenfeld/neu/",
        {"code": "9", "title": "Mobilität", "position": 0, "published": "on"},
    )
    assert response.status_code == 302
    assert strategy.fields.filter(code="9").exists()
    ind = world["indicator"]
    response = client.post(
        f"/kommunen/bochum/strategie/bearbeiten/indikatoren/{ind.pk}/werte/",
        {"date": "2024-12-31", "value": "10,5"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and 'id="indicator-values"' in response.content.decode()
    assert ind.values.get(date="2024-12-31").value == 10.5


def test_import_page_reports_problems_and_saves_nothing(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _client(world["users"]["member"])
    bad = SimpleUploadedFile("s.csv", b"level;code;parent_code;title\nmeasure;1;nix;X\n")
    response = client.post("/kommunen/bochum/strategie/import/", {"structure": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "parent_code" in html and "nichts gespeichert" in html.lower()


def test_sdg_report_shows_the_strategy_per_goal(world):
    measure = world["measure"]
    services.update_node(node=measure, actor=None, changes={"targets": "12.5"})
    html = _client(None).get("/kommunen/bochum/sdg-bericht/").content.decode()
    assert 'data-sdg-measures="12"' in html
    assert "Reparaturnetz in jedem Stadtbezirk" in html and "Geheime" not in html
    # per goal: the measure's status, its indicators with their verdict, its contributors
    table = html[html.index('data-sdg-measures="12"') :]
    table = table[: table.index("</table>")]
    row = table[table.index("Reparaturnetz in jedem Stadtbezirk") :]
    row = row[: row.index("</tr>")]
    assert "laufend" in row and "Repair-Cafés: auf Kurs" in " ".join(row.split())
    assert '<td class="num">1</td>' in row  # the confirmed contributor; the proposal is none


def test_strategies_of_demo_say_so(world):
    StrategyFactory(is_demo=True, municipality=MunicipalityFactory(slug="demo"))
    world["strategy"].is_demo = True
    world["strategy"].save()
    html = _client(None).get("/kommunen/bochum/strategie/").content.decode()
    assert "Erfundene Demo-Inhalte" in html


def test_a_strategy_is_started_by_a_button_not_by_looking(db):
    town = MunicipalityFactory(name="Herne", slug="herne")
    client = _client(strategy_manager(town))
    page = client.get("/kommunen/herne/strategie/bearbeiten/")
    assert page.status_code == 200 and 'name="start"' in page.content.decode()
    assert client.get("/kommunen/herne/strategie/import/").status_code == 200
    assert not Strategy.objects.filter(municipality=town).exists()  # GETs change nothing
    started = client.post("/kommunen/herne/strategie/bearbeiten/", {"start": "1"})
    assert started.status_code == 302
    assert Strategy.objects.get(municipality=town).published is False
    assert 'name="start"' not in client.get(started["Location"]).content.decode()


def test_the_tree_names_only_contributors_that_are_public_themselves(world):
    """One rule with the measure page (measure_selectors.publicly_visible): an open need is
    no contribution yet, a solved one is."""
    open_need = NeedFactory(title="Werkstattraum gesucht")
    solved = NeedFactory(title="Lastenrad gefunden", status="solved")
    for need in (open_need, solved):
        Contribution.objects.create(measure=world["measure"], need=need, status="confirmed")
    html = Client().get("/kommunen/bochum/strategie/").content.decode()
    assert "Lastenrad gefunden" in html and "Werkstattraum gesucht" not in html


@pytest.mark.parametrize("who", ["anonymous", "stranger", "other_member", "member"])
def test_the_indicator_page_is_the_members_and_deletes_only_the_indicator(world, who):
    """/bearbeiten/indikatoren/<pk>/ is no node level: the node patterns must not catch it."""
    client = _client(world["users"][who])
    indicator = world["indicator"]
    base = f"/kommunen/bochum/strategie/bearbeiten/indikatoren/{indicator.pk}/"
    page = client.get(base)
    expected = {"anonymous": 302, "member": 200}.get(who, 403)
    assert page.status_code == expected
    if who == "member":
        html = page.content.decode()
        assert "Repair-Cafés" in html and 'name="value"' in html and "Datum" in html
    client.post(base + "loeschen/")
    assert indicator.__class__.objects.filter(pk=indicator.pk).exists() == (who != "member")
    assert Measure.objects.filter(pk=world["measure"].pk).exists()


def test_versions_say_in_german_what_happened(world):
    member = world["users"]["member"]
    measure = world["measure"]
    services.update_node(node=measure, actor=member, changes={"title": "Reparaturnetz neu"})
    services.set_published(obj=measure, published=False, actor=member)
    client = _client(member)
    html = client.get(f"/kommunen/bochum/strategie/bearbeiten/massnahme/{measure.pk}/")
    text = html.content.decode()
    assert "(geändert)" in text and "(zurückgezogen)" in text
    assert "(edited)" not in text and "(unpublished)" not in text


def test_the_import_page_offers_example_files_that_are_served(world):
    from django.contrib.staticfiles import finders

    html = _client(world["users"]["member"]).get("/kommunen/bochum/strategie/import/")
    text = html.content.decode()
    for name in ("strategy-example.csv", "strategy-indicators-example.csv"):
        assert f"/static/strategy/{name}" in text
        assert finders.find(f"strategy/{name}")
    assert "/kommunen/bochum/strategie/export.csv" in text
