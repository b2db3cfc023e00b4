"""The public pages: map with server-rendered list, detail, municipality page."""

import json
import re

import pytest
from django.urls import reverse

from mitmachkarte.initiatives.models import Status
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(reference_data):
    return MunicipalityFactory(
        name="Köln",
        slug="koeln",
        ags="05315000",
        with_boundary=True,
        latitude=50.94,
        longitude=6.96,
    )


def test_map_page_lists_published_entries_in_german_by_default(client, town):
    InitiativeFactory(name="Repair Café Köln-Ehrenfeld", latitude=50.95, longitude=6.92)
    InitiativeFactory(name="Entwurf", status=Status.DRAFT, latitude=50.95, longitude=6.93)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in html
    assert "Repair Café Köln-Ehrenfeld" in html
    assert "Entwurf" not in html
    assert 'data-count="1"' in html
    assert "1 Initiative" in html


def test_english_via_language_switch(client, town):
    InitiativeFactory(latitude=50.95, longitude=6.92)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "1 initiative" in html


def test_search_narrows_the_list_and_folds_umlauts(client, town):
    InitiativeFactory(name="Gemeinschaftsgarten Köln", latitude=50.95, longitude=6.92)
    InitiativeFactory(name="Foodsharing Münster", latitude=51.96, longitude=7.62)
    html = client.get("/", {"q": "koln"}).content.decode()
    assert "Gemeinschaftsgarten Köln" in html
    assert "Foodsharing Münster" not in html
    assert 'data-count="1"' in html


def test_list_is_paginated_without_javascript(client, town):
    for n in range(25):
        InitiativeFactory(name=f"Initiative {n:02d}", latitude=50.95, longitude=6.92)
    first = client.get("/").content.decode()
    assert first.count('class="card"') == 20
    assert 'rel="next"' in first
    second = client.get("/", {"page": 2}).content.decode()
    assert second.count('class="card"') == 5
    assert "Initiative 24" in second


def test_the_default_list_is_rendered_once_per_data_version(client, town):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    entry = InitiativeFactory(name="Repair Café Köln", latitude=50.95, longitude=6.92)
    first = client.get("/", {"r": "1"}).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/", {"r": "2"}).content.decode()
    # The kept cards: no entry rows, categories or tags are read for them.
    assert not [q for q in queries if "initiatives_initiative_categories" in q["sql"]]
    cards = re.compile(r'<ol class="result-list".*?</ol>', re.S)
    assert cards.search(again).group(0) == cards.search(first).group(0)
    assert "Repair Café Köln" in cards.search(again).group(0)
    entry.name = "Repair Café Köln-Nippes"
    entry.save()  # a new data version: the cards again from the entries
    assert "Repair Café Köln-Nippes" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "may be outdated" not in client.get("/").content.decode()


def test_filter_choices_keep_what_is_ticked(client, town):
    plain = client.get("/").content.decode()
    assert (
        'name="category" value="repair"' in plain
        and " checked" not in plain.split('name="category" value="repair"')[1][:20]
    )
    ticked = client.get("/", {"category": "repair", "sdg": "13"}).content.decode()
    assert 'value="repair" checked' in ticked and 'name="sdg" value="13" checked' in ticked
    # The kept (nothing ticked) choices do not leak into a view with ticks, nor back.
    assert 'value="repair" checked' not in client.get("/").content.decode()


def test_bad_filter_gives_a_notice_and_keeps_the_rest(client, town):
    InitiativeFactory(
        name="Repair Café Köln", latitude=50.95, longitude=6.92, categories=["repair"]
    )
    InitiativeFactory(name="Foodsharing Köln", latitude=50.95, longitude=6.93, categories=["food"])
    response = client.get("/", {"category": ["nope", "food"], "bbox": "1,2,3"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="notice"') == 2
    assert "nope" in html
    # The category parameter is dropped as a whole (it held an unknown value).
    assert "Repair Café Köln" in html and "Foodsharing Köln" in html


def test_htmx_request_gets_only_the_results_fragment(client, town):
    InitiativeFactory(name="Lastenrad Köln", latitude=50.95, longitude=6.92)
    InitiativeFactory(name="Lastenrad Bonn", latitude=50.73, longitude=7.10)
    response = client.get("/", {"bbox": "6.8,50.9,7.0,51.0"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Lastenrad Köln" in html and "Lastenrad Bonn" not in html
    assert "im Kartenausschnitt" in html


def test_detail_page_has_json_ld_open_graph_and_no_email(client, town):
    initiative = InitiativeFactory(
        name="Repair Café Köln",
        latitude=50.95,
        longitude=6.92,
        sdgs=[12],
        description="## Wir\n\n<script>alert(1)</script> **fett**",
        tags=["Reparatur"],
        contact_email="geheim@initiative.example",
        contact_phone="0221 123456",
        website="https://repair.example/",
    )
    response = client.get(reverse("initiatives:detail", args=[initiative.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Repair Café Köln</h1>" in html
    assert '<meta property="og:title" content="Repair Café Köln">' in html
    assert "geheim@initiative.example" not in html
    assert "<script>alert(1)</script>" not in html
    assert "<strong>fett</strong>" in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Organization"
    assert data["geo"]["latitude"] == pytest.approx(50.95)
    assert data["name"] == "Repair Café Köln"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PENDING, Status.ARCHIVED])
def test_unpublished_detail_is_404(client, town, status):
    initiative = InitiativeFactory(status=status, latitude=50.95, longitude=6.92)
    assert client.get(initiative.get_absolute_url()).status_code == 404


def test_municipality_page_counts_by_category_and_sdg(client, town):
    InitiativeFactory(latitude=50.94, longitude=6.96, categories=["repair"], sdgs=[12])
    InitiativeFactory(latitude=50.941, longitude=6.961, categories=["repair", "food"], sdgs=[2])
    InitiativeFactory(latitude=52.0, longitude=8.5)  # elsewhere
    response = client.get(reverse("initiatives:municipality", args=["koeln"]))
    assert response.status_code == 200
    counts = {c.slug: c.n for c in response.context["by_category"]}
    assert counts == {"repair": 2, "food": 1}
    assert {s.number: s.n for s in response.context["by_sdg"]} == {2: 1, 12: 1}
    assert response.context["page"].paginator.count == 2
    assert '"type": "Polygon"' in response.content.decode()


def test_municipality_list_and_unknown_municipality(client, town):
    InitiativeFactory(latitude=50.94, longitude=6.96)
    MunicipalityFactory(name="Leerdorf")
    html = client.get(reverse("municipalities:list")).content.decode()
    assert "Köln" in html and "Leerdorf" not in html
    assert "Leerdorf" in client.get(reverse("municipalities:list"), {"alle": "1"}).content.decode()
    assert client.get("/kommunen/gibt-es-nicht/").status_code == 404


def test_pages_refuse_framing(client, town):
    assert client.get("/").headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "name", ["X </script><script>alert(1)</script> & Co", "X <!--<script>", "X ]]> Y"]
)
def test_json_ld_cannot_be_closed_by_user_text(client, town, name):
    initiative = InitiativeFactory(name=name, latitude=50.95, longitude=6.92)
    html = client.get(initiative.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert not set(block) & {"<", ">", "&"}
    assert json.loads(block)["name"] == initiative.name
