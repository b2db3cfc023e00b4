"""Parameters of /embed/: whatever a webmaster types, the frame shows a map (200), a short
notice for each ignored setting, and defaults."""

import re

import pytest
from django.http import QueryDict

from mitmachkarte.embed.options import (
    DEFAULT_HEIGHT,
    iframe_snippet,
    ink_for,
    parse_colour,
    parse_options,
    script_snippet,
)
from tests.factories import InitiativeFactory

from .conftest import embed_config, notices

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(koeln):
    return [
        InitiativeFactory(name="Repair Café Köln", latitude=50.94, longitude=6.96),
        InitiativeFactory(
            name="Garten Bonn",
            latitude=50.73,
            longitude=7.10,
            categories=["gardening-nature"],
            sdgs=[11],
        ),
    ]


def get(client, query: str):
    response = client.get(f"/embed/?{query}")
    assert response.status_code == 200
    return response


def test_defaults_show_everything_with_list_and_search(client, entries):
    response = get(client, "")
    html = response.content.decode()
    assert notices(response) == []
    assert "Repair Café Köln" in html and "Garten Bonn" in html
    assert 'role="search"' in html and 'id="mmk-list"' in html
    config = embed_config(response)
    assert config["data"] == "/embed/data.geojson"
    assert config["boundary"] is None
    # Without a municipality the map starts on the entries' extent.
    assert config["view"] == {"bounds": [[50.73, 6.96], [50.94, 7.10]]}


@pytest.mark.parametrize(
    "query, param",
    [
        ("color=red", "color"),
        ("color=%23ggg000", "color"),
        ("bbox=1,2,3", "bbox"),
        ("kommune=atlantis", "kommune"),
        ("kommune=99999999", "kommune"),
        ("category=nope", "category"),
        ("sdg=18", "sdg"),
        ("sdg=x", "sdg"),
        ("lang=fr", "lang"),
        ("list=maybe", "list"),
        ("search=2", "search"),
        ("center=abc", "center"),
        ("center=95,7", "center"),
        ("center=51,7&zoom=40", "zoom"),
        ("zoom=5", "zoom"),
        ("height=5000", "height"),
        ("farbe=%23ff0000", "farbe"),
    ],
)
def test_malformed_or_unknown_parameters_give_a_notice_and_defaults(client, entries, query, param):
    response = get(client, query)
    found = notices(response)
    assert len(found) == 1, found
    assert re.search(rf"[“„]{param}[”“]", found[0])
    html = response.content.decode()
    # Defaults: everything listed, the default colour and language.
    assert "Repair Café Köln" in html and "Garten Bonn" in html
    assert "--accent:" not in html
    assert '<html lang="de">' in html


def test_bad_bbox_keeps_the_other_filters(client, entries):
    response = get(client, "bbox=oops&category=gardening-nature")
    html = response.content.decode()
    assert len(notices(response)) == 1
    assert "Garten Bonn" in html and "Repair Café Köln" not in html
    assert embed_config(response)["data"] == "/embed/data.geojson?category=gardening-nature"


def test_valid_parameters_are_applied(client, entries):
    response = get(
        client,
        "kommune=05315000&color=%23C2255C&list=0&search=0&lang=en"
        "&title=Initiativen%20in%20K%C3%B6ln&height=300",
    )
    html = response.content.decode()
    assert notices(response) == []
    assert '<html lang="en" style="--accent:#c2255c;--accent-ink:#ffffff">' in html
    assert 'role="search"' not in html and 'id="mmk-list"' not in html
    assert '<h1 class="mmk-title">Initiativen in Köln</h1>' in html
    assert 'style="height:300px"' in html
    config = embed_config(response)
    assert config["data"] == "/embed/data.geojson?kommune=05315000&lang=en"
    assert config["colour"] == "#c2255c"


def test_center_and_zoom_set_the_view(client, entries):
    config = embed_config(get(client, "center=50.94,6.96&zoom=12"))
    assert config["view"] == {"center": [50.94, 6.96], "zoom": 12}


def test_a_postcode_in_the_search_moves_the_view(client, entries):
    view = embed_config(get(client, "q=repair+44801"))["view"]
    # zoomed out until its nearest matches are in view, as on `/`: Köln is 60 km away
    assert view["zoom"] == 8
    assert view["center"] == pytest.approx([51.4475, 7.2682], abs=0.001)
    for n in range(5):  # five matches within 1 km: the postcode's own zoom
        InitiativeFactory(name=f"Repair {n}", latitude=51.4475 + 0.001 * n, longitude=7.2682)
    assert embed_config(get(client, "q=repair+44801"))["view"]["zoom"] == 14


def test_bbox_filters_and_sets_the_view(client, entries):
    response = get(client, "bbox=6.9,50.9,7.0,51.0")
    html = response.content.decode()
    assert "Repair Café Köln" in html and "Garten Bonn" not in html
    assert embed_config(response)["view"] == {"bounds": [[50.9, 6.9], [51.0, 7.0]]}


def test_title_is_escaped_and_shortened(client, entries):
    response = get(client, "title=%3Cscript%3Ealert(1)%3C/script%3E" + "x" * 200)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert len(notices(response)) == 1


def test_search_form_keeps_the_other_settings(client, entries):
    html = get(client, "kommune=koeln&category=repair&q=repair").content.decode()
    assert '<input type="hidden" name="kommune" value="05315000">' in html
    assert '<input type="hidden" name="category" value="repair">' in html
    assert 'name="q" value="repair"' in html


def test_list_pages_stay_inside_the_embed(client, koeln):
    for n in range(12):
        InitiativeFactory(name=f"Initiative {n:02d}", latitude=50.94, longitude=6.96)
    html = get(client, "kommune=koeln&list=1").content.decode()
    assert html.count('class="mmk-card"') == 10
    assert 'href="?kommune=05315000&amp;page=2#mmk-list"' in html
    page2 = get(client, "kommune=05315000&page=2").content.decode()
    assert page2.count('class="mmk-card"') == 2


def test_links_open_the_platform_in_a_new_tab(client, entries):
    html = get(client, "").content.decode()
    assert 'href="/initiativen/repair-cafe-koeln/" target="_blank" rel="noopener"' in html


def test_colour_parsing_and_readable_ink():
    assert parse_colour("#ABC") == "#aabbcc"
    assert parse_colour("0b6e4f") == "#0b6e4f"
    for bad in ["red", "#12345", "#1234567", "", "#ggg"]:
        with pytest.raises(ValueError):
            parse_colour(bad)
    assert ink_for("#ffeb3b") == "#000000"  # yellow: dark text
    assert ink_for("#0b6e4f") == "#ffffff"


def test_snippets_carry_the_canonical_options(koeln):
    options = parse_options(
        QueryDict(
            "kommune=K%C3%B6ln&category=repair&category=food&list=0&title=Karte%20%22K%C3%B6ln%22"
        )
    )
    assert options.notices == ()
    frame = iframe_snippet(options, base_url="https://karte.example")
    assert frame.startswith(
        '<iframe src="https://karte.example/embed/?kommune=05315000'
        "&amp;category=repair&amp;category=food&amp;list=0"
    )
    assert 'title="Karte &quot;Köln&quot;"' in frame
    assert 'loading="lazy"' in frame and 'height="' in frame
    script = script_snippet(options, base_url="https://karte.example")
    assert script == (
        '<script src="https://karte.example/embed/embed.js" data-kommune="05315000"'
        ' data-category="repair,food" data-list="0"'
        ' data-title="Karte &quot;Köln&quot;" async></script>'
    )
    assert parse_options(QueryDict("")).height == DEFAULT_HEIGHT


def test_a_postcode_lists_the_nearest_first_with_distances(client, entries):
    near_bochum = InitiativeFactory(name="Zz Repair Bochum", latitude=51.45, longitude=7.27)
    html = get(client, "q=44801").content.decode()
    names = re.findall(r'<li class="mmk-card" data-slug="([^"]+)"', html)
    # by name "Garten Bonn" would come first; by distance from 44801 it is last
    assert names[0] == near_bochum.slug and names[-1] == entries[1].slug
    assert re.search(r'class="mmk-distance">[\d,.]+\s?km<', html)


def test_without_a_place_the_list_stays_in_name_order(client, entries):
    InitiativeFactory(name="Zz Repair Bochum", latitude=51.45, longitude=7.27)
    html = get(client, "").content.decode()
    names = re.findall(r'<li class="mmk-card" data-slug="[^"]+">\s*<h3><a[^>]*>([^<]+)<', html)
    assert names == sorted(names) and "mmk-distance" not in html
