import json
import re

import pytest

from mitmachkarte.taxonomy import reference
from tests.factories import InitiativeFactory, MunicipalityFactory

from .conftest import API, PHONE, SECRET_EMAIL, get, names

pytestmark = pytest.mark.usefixtures("reference_data")

# The list


def test_list_shape(client, entries, places):
    response = get(client, "/initiatives")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"count", "limit", "offset", "items"}
    assert (data["count"], data["limit"], data["offset"]) == (3, 50, 0)
    assert [i["name"] for i in data["items"]] == [
        "Foodsharing Bochum", "Gemeinschaftsgarten Langendreer", "Repair-Café Ehrenfeld",
    ]  # fmt: skip
    repair = data["items"][2]
    assert repair["slug"] == "repair-cafe-ehrenfeld"
    assert repair["categories"] == ["repair"]
    assert repair["sdgs"] == [12]
    assert repair["tags"] == ["Reparatur"]
    assert repair["municipality"] == {"slug": "koeln", "name": "Köln", "ags": "05315000"}
    assert (repair["latitude"], repair["longitude"]) == (50.941, 6.961)
    assert repair["url"] == "http://testserver/initiativen/repair-cafe-ehrenfeld/"
    garden = data["items"][1]
    assert garden["categories"] == ["gardening-nature", "neighbourhood-social"]


def test_only_published_entries_appear(client, entries):
    listed = names(get(client, "/initiatives"))
    assert not [n for n in listed if n.startswith("Versteckt")]
    # Not even when a filter matches them exactly.
    for params in (
        {"q": "versteckt"},
        {"category": "repair"},
        {"tag": "reparatur"},
        {"municipality": "koeln"},
        {"sdg": "12"},
        {"bbox": "6.9,50.9,7.0,51.0"},
    ):
        assert not [
            n for n in names(get(client, "/initiatives", **params)) if n.startswith("Versteckt")
        ], params
    for hidden in entries["hidden"]:
        assert get(client, f"/initiatives/{hidden.slug}").status_code == 404
    geo = get(client, "/initiatives.geojson").json()
    assert geo["count"] == 3
    assert {f["properties"]["name"] for f in geo["features"]} == set(listed)
    assert get(client, "/initiatives.geojson", q="versteckt").json()["count"] == 0


def test_count_is_exact_and_never_capped(client, places):
    for n in range(120):
        InitiativeFactory(name=f"Gruppe {n:03d}", latitude=51.0 + n / 1000, longitude=7.0)
    first = get(client, "/initiatives", limit=10).json()
    assert (first["count"], first["limit"], len(first["items"])) == (120, 10, 10)
    assert [i["name"] for i in first["items"]] == [f"Gruppe {n:03d}" for n in range(10)]
    last = get(client, "/initiatives", limit=10, offset=115).json()
    assert (last["count"], last["offset"], len(last["items"])) == (120, 115, 5)
    assert [i["name"] for i in last["items"]][-1] == "Gruppe 119"
    beyond = get(client, "/initiatives", limit=10, offset=500).json()
    assert (beyond["count"], beyond["items"]) == (120, [])
    # Pages together cover every entry once.
    seen = []
    for offset in range(0, 120, 50):
        seen += names(get(client, "/initiatives", limit=50, offset=offset))
    assert len(seen) == len(set(seen)) == 120
    geo = get(client, "/initiatives.geojson", limit=10).json()
    assert (geo["count"], len(geo["features"])) == (120, 10)
    # "11" occurs in "Gruppe 011" and "Gruppe 110" … "Gruppe 119": 11 matches, 10 shown.
    filtered = get(client, "/initiatives", limit=10, q="gruppe 11").json()
    assert (filtered["count"], len(filtered["items"])) == (11, 10)


@pytest.fixture
def edge_entries(db):
    """Entries exactly on the edges of the box 7.0,51.0,7.5,51.5 and just outside."""
    inside = {
        "sued": (51.0, 7.2),
        "nord": (51.5, 7.2),
        "west": (51.2, 7.0),
        "ost": (51.2, 7.5),
        "ecke-sw": (51.0, 7.0),
        "ecke-no": (51.5, 7.5),
        "mitte": (51.25, 7.25),
    }
    outside = {
        "unter-sued": (50.99999, 7.2),
        "ueber-nord": (51.50001, 7.2),
        "vor-west": (51.2, 6.99999),
        "hinter-ost": (51.2, 7.50001),
    }
    for name, (lat, lon) in {**inside, **outside}.items():
        InitiativeFactory(name=name, latitude=lat, longitude=lon)
    return set(inside), set(outside)


def test_bbox_includes_the_edges(client, edge_entries):
    inside, _outside = edge_entries
    response = get(client, "/initiatives", bbox="7.0,51.0,7.5,51.5", limit=100)
    assert set(names(response)) == inside
    assert response.json()["count"] == len(inside)
    geo = get(client, "/initiatives.geojson", bbox="7.0,51.0,7.5,51.5").json()
    assert {f["properties"]["name"] for f in geo["features"]} == inside
    assert geo["count"] == len(inside)
    # A degenerate box (a point) finds the entry exactly there.
    assert names(get(client, "/initiatives", bbox="7.25,51.25,7.25,51.25")) == ["mitte"]


def test_q_folds_umlauts_and_eszett(client, entries):
    for query in ("koln", "Köln", "KÖLN", "koeln"):
        # "Repair-Café Ehrenfeld" has no city: Köln comes from its municipality.
        assert names(get(client, "/initiatives", q=query)) == ["Repair-Café Ehrenfeld"], query
    for query in ("strasse", "Musterstraße", "MUSTERSTRASSE"):
        assert names(get(client, "/initiatives", q=query)) == ["Repair-Café Ehrenfeld"], query
    assert names(get(client, "/initiatives", q="cafe")) == ["Repair-Café Ehrenfeld"]
    # Every word must match.
    assert names(get(client, "/initiatives", q="bochum garten")) == [
        "Gemeinschaftsgarten Langendreer"
    ]
    assert names(get(client, "/initiatives", q="koln garten")) == []
    # Like-wildcards are literal.
    assert names(get(client, "/initiatives", q="%")) == []
    assert names(get(client, "/initiatives", q="_")) == []


def test_filter_by_category_any_of(client, entries):
    assert names(get(client, "/initiatives", category="repair")) == ["Repair-Café Ehrenfeld"]
    both = ["Foodsharing Bochum", "Repair-Café Ehrenfeld"]
    assert names(client.get(f"{API}/initiatives?category=repair&category=food")) == both
    assert names(get(client, "/initiatives", category="repair,food")) == both
    assert names(get(client, "/initiatives", category="housing")) == []
    # An entry with two matching categories appears once.
    response = client.get(
        f"{API}/initiatives?category=gardening-nature&category=neighbourhood-social"
    )
    assert names(response) == ["Gemeinschaftsgarten Langendreer"]
    assert response.json()["count"] == 1


def test_filter_by_sdg(client, entries):
    assert names(get(client, "/initiatives", sdg="12")) == [
        "Foodsharing Bochum", "Repair-Café Ehrenfeld",
    ]  # fmt: skip
    assert names(client.get(f"{API}/initiatives?sdg=2&sdg=15")) == [
        "Foodsharing Bochum", "Gemeinschaftsgarten Langendreer",
    ]  # fmt: skip
    assert names(get(client, "/initiatives", sdg="1")) == []


def test_filter_by_municipality_slug_and_ags(client, entries):
    bochum = ["Foodsharing Bochum", "Gemeinschaftsgarten Langendreer"]
    assert names(get(client, "/initiatives", municipality="bochum")) == bochum
    assert names(get(client, "/initiatives", municipality="05911000")) == bochum
    assert names(get(client, "/initiatives", municipality="05315000")) == ["Repair-Café Ehrenfeld"]
    assert get(client, "/initiatives.geojson", municipality="bochum").json()["count"] == 2


def test_filter_by_tag_and_combinations(client, entries):
    assert names(get(client, "/initiatives", tag="reparatur")) == ["Repair-Café Ehrenfeld"]
    assert names(get(client, "/initiatives", tag="Reparatur")) == ["Repair-Café Ehrenfeld"]
    assert names(get(client, "/initiatives", tag="unbekannt")) == []
    assert names(get(client, "/initiatives", category="food", municipality="koeln")) == []
    assert names(get(client, "/initiatives", sdg="12", municipality="bochum", q="foodsharing")) == [
        "Foodsharing Bochum"
    ]


def test_contact_email_and_phone_are_never_listed(client, entries):
    responses = [
        get(client, "/initiatives"),
        get(client, "/initiatives", q="repair"),
        get(client, "/initiatives.geojson"),
        get(client, "/initiatives/repair-cafe-ehrenfeld"),
        get(client, "/municipalities"),
    ]
    for response in responses:
        assert response.status_code == 200
        text = response.content.decode()
        assert SECRET_EMAIL not in text
        assert "geheim-kontakt" not in text
        assert "contact_email" not in text
    for response in responses[:3]:
        assert PHONE not in response.content.decode()
    for item in responses[0].json()["items"]:
        assert "phone" not in item and "contact_phone" not in item
    for feature in responses[2].json()["features"]:
        assert not {"phone", "contact_phone", "contact_email"} & set(feature["properties"])


def test_detail(client, entries):
    response = get(client, "/initiatives/repair-cafe-ehrenfeld")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Repair-Café Ehrenfeld"
    assert data["street"] == "Musterstraße 5"
    assert data["phone"] == PHONE  # a public phone number is shown on the detail
    assert data["municipality"]["slug"] == "koeln"
    assert data["categories"] == ["repair"]
    assert "description" in data and "last_confirmed_at" in data


def test_detail_404(client, entries):
    for slug in ("gibt-es-nicht", "versteckt-draft", entries["hidden"][0].slug, "a%00b"):
        response = client.get(f"{API}/initiatives/{slug}")
        assert response.status_code == 404, slug
        assert "detail" in response.json()


# Reference data and municipalities


def test_categories(client):
    data = get(client, "/categories").json()
    assert len(data) == 12
    assert [c["slug"] for c in data] == [c[0] for c in reference.CATEGORIES]
    repair = data[0]
    assert repair == {
        "slug": "repair",
        "name_de": "Reparieren",
        "name_en": "Repair",
        "colour": "#b5540b",
        "icon": "🔧",
    }


def test_sdgs(client):
    data = get(client, "/sdgs").json()
    assert [s["number"] for s in data] == list(range(1, 18))
    for sdg in data:
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", sdg["colour"])
        assert sdg["name_de"] and sdg["name_en"]
    assert data[12]["colour"].upper() == "#3F7E44"
    assert data[12]["name_en"] == "Climate action"


def test_municipalities(client, entries, places):
    MunicipalityFactory(name="Leerdorf", slug="leerdorf", latitude=52.0, longitude=8.0)
    data = get(client, "/municipalities").json()
    assert data["count"] == 3
    # Most active first; only published entries count.
    assert [(m["slug"], m["initiative_count"]) for m in data["items"]] == [
        ("bochum", 2), ("koeln", 1), ("leerdorf", 0),
    ]  # fmt: skip
    koeln = data["items"][1]
    assert koeln["ags"] == "05315000" and koeln["bbox"] is not None and len(koeln["bbox"]) == 4
    active = get(client, "/municipalities", active="true").json()
    assert [m["slug"] for m in active["items"]] == ["bochum", "koeln"]
    assert [m["slug"] for m in get(client, "/municipalities", q="Köl").json()["items"]] == ["koeln"]
    assert get(client, "/municipalities", q="05911000").json()["count"] == 1
    paged = get(client, "/municipalities", limit=1, offset=1).json()
    assert (paged["count"], [m["slug"] for m in paged["items"]]) == (3, ["koeln"])


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("offset=-1", "offset"),
        ("offset=abc", "offset"),
        ("active=vielleicht", "active"),
    ],
)
def test_municipalities_bad_input(client, query, param):
    response = client.get(f"{API}/municipalities?{query}")
    assert response.status_code in (400, 422)
    assert param in response.json()["detail"]


# GeoJSON


def test_geojson_is_a_feature_collection(client, entries):
    response = get(client, "/initiatives.geojson")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["count"] == 3 == len(data["features"])
    by_slug = {e.slug: e for e in entries["published"]}
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        entry = by_slug[props["slug"]]
        assert (lon, lat) == (entry.longitude, entry.latitude)  # lon first (RFC 7946)
        assert props["name"] == entry.name
        assert props["url"].endswith(f"/initiativen/{entry.slug}/")
    categories = {f["properties"]["slug"]: f["properties"]["category"] for f in data["features"]}
    assert categories["repair-cafe-ehrenfeld"] == "repair"
    # The first category by curated position.
    assert categories["gemeinschaftsgarten-langendreer"] == "gardening-nature"


def test_geojson_filters(client, entries):
    data = get(client, "/initiatives.geojson", category="food").json()
    assert data["count"] == 1
    assert data["features"][0]["properties"]["slug"] == "foodsharing-bochum"
