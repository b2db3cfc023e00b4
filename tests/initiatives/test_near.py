"""Finding by place: postcodes (offline), addresses, municipality names, `near` and `radius`,
distances in the API and on the page, and the default list ordered around the map's middle."""

import pytest
from django.test import Client

from mitmachkarte.core.geocoding import GeocodeResult, postcode_centre
from mitmachkarte.core.templatetags.mmk import distance
from mitmachkarte.initiatives import selectors
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.municipalities.places import split_place
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("reference_data")

API = "/api/v1/initiatives"
POSTCODE = "44801"  # Bochum-Querenburg


@pytest.fixture
def bochum_entries(db):
    bochum = MunicipalityFactory(name="Bochum", slug="bochum", latitude=51.48, longitude=7.22)
    centre = postcode_centre(POSTCODE)
    lat, lon = centre.latitude, centre.longitude

    def entry(name, dlat, categories=("repair",), **kw):
        return InitiativeFactory(
            name=name,
            latitude=lat + dlat,
            longitude=lon,
            categories=list(categories),
            municipality=bochum,
            **kw,
        )

    return {
        "near": entry("Repair-Café Uni", 0.005),  # ~550 m
        "middle": entry("Gemeinschaftsgarten Querenburg", 0.02, ["gardening-nature"]),  # ~2.2 km
        "far": entry("Repair-Café Wattenscheid", 0.06),  # ~6.7 km
        "elsewhere": InitiativeFactory(
            name="Repair-Café Köln", latitude=50.94, longitude=6.96, categories=["repair"]
        ),
    }


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_a_postcode_finds_the_nearest_first(bochum_entries):
    client = Client()
    found = client.get(API, {"q": POSTCODE})
    assert found.status_code == 200
    assert names(found)[:3] == [
        "Repair-Café Uni",
        "Gemeinschaftsgarten Querenburg",
        "Repair-Café Wattenscheid",
    ]
    assert found.json()["count"] == 4  # a place orders; it does not filter
    distances = [item["distance_m"] for item in found.json()["items"]]
    assert distances == sorted(distances)
    assert 450 < distances[0] < 650


def test_text_and_postcode_combined(bochum_entries):
    found = Client().get(API, {"q": f"repair {POSTCODE}"})
    assert names(found) == ["Repair-Café Uni", "Repair-Café Wattenscheid", "Repair-Café Köln"]


def test_near_and_radius(bochum_entries):
    client = Client()
    centre = postcode_centre(POSTCODE)
    near = f"{centre.latitude},{centre.longitude}"
    within = client.get(API, {"near": near, "radius": "3000"}).json()
    assert [i["name"] for i in within["items"]] == [
        "Repair-Café Uni",
        "Gemeinschaftsgarten Querenburg",
    ]
    assert client.get(API, {"near": POSTCODE, "radius": 1000}).json()["count"] == 1
    # The map counts the same.
    counted = client.get("/api/v1/map", {"near": POSTCODE, "radius": 3000, "zoom": 12}).json()
    assert counted["count"] == 2
    # Without a place there is no distance.
    assert {i["distance_m"] for i in client.get(API).json()["items"]} == {None}


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"near": "91,7"}, "near"),
        ({"near": "abc"}, "near"),
        ({"near": POSTCODE, "radius": "0"}, "radius"),
        ({"near": POSTCODE, "radius": "x"}, "radius"),
    ],
)
def test_bad_places_are_clear_errors(db, params, param):
    response = Client().get(API, params)
    assert response.status_code in (400, 422)
    assert response.json()["param"] == param


def test_an_unknown_postcode_is_not_found_and_a_radius_without_a_place_limits_nothing(
    bochum_entries,
):
    response = Client().get(API, {"near": "99999"})
    assert response.status_code == 404 and response.json()["param"] == "near"
    everything = Client().get(API).json()["count"]
    assert everything > 1
    assert Client().get(API, {"radius": "500"}).json()["count"] == everything


def test_the_search_box_parses_places(bochum_entries):
    place, text, notices = split_place("repair 44801")
    assert (place.kind, place.label, text, notices) == ("postcode", POSTCODE, "repair", [])
    place, text, _ = split_place("garten bochum")
    assert place.kind == "municipality" and place.label == "Bochum"
    assert text == "garten bochum"  # the name still narrows the text search
    place, text, notices = split_place("99999 garten")
    assert place is None and text == "garten" and "99999" in notices[0]
    place, text, notices = split_place("repair Hattinger Straße 5")
    assert place is None and text == "repair" and "Hattinger Straße 5" in notices[0]
    assert split_place("garten") == (None, "garten", [])


def test_an_address_is_geocoded_when_a_geocoder_is_on(bochum_entries, settings, monkeypatch):
    asked = []

    def fake(query):
        asked.append(query)
        return GeocodeResult(51.4476, 7.2612, "address", "Universitätsstraße 150, Bochum")

    monkeypatch.setattr("mitmachkarte.municipalities.places.geocode_text", fake)
    place, text, notices = split_place("repair Universitätsstraße 150 Bochum")
    assert asked == ["Universitätsstraße 150 Bochum"]
    assert (place.kind, place.label, text, notices) == (
        "address",
        "Universitätsstraße 150",
        "repair Bochum",
        [],
    )


def test_the_page_shows_distances_and_a_notice_for_unknown_places(bochum_entries):
    client = Client()
    html = client.get("/", {"q": f"repair {POSTCODE}"}).content.decode()
    assert html.index("Repair-Café Uni") < html.index("Repair-Café Wattenscheid")
    assert 'class="distance"' in html
    unknown = client.get("/", {"q": "99999 repair"})
    assert unknown.status_code == 200
    text = unknown.content.decode()
    assert "99999" in text and "place-notice" in text
    assert "Repair-Café Köln" in text  # the text search still ran


def test_a_postcode_zooms_out_to_the_nearest_matches(bochum_entries):
    html = Client().get("/", {"q": POSTCODE}).content.decode()
    # The fifth nearest is Köln, ~60 km away: a region's zoom, not the postcode's 14.
    assert 'data-place-zoom="8"' in html
    html = Client().get("/", {"q": "repair", "near": POSTCODE, "radius": 3000}).content.decode()
    assert 'data-place-zoom="14"' in html  # the one match is 550 m away


def test_the_default_list_starts_at_the_middle_with_mixed_categories(bochum_entries):
    centre = postcode_centre(POSTCODE)
    for n in range(4):  # more repair cafés right at the middle
        InitiativeFactory(
            name=f"Repair {n}",
            latitude=centre.latitude + 0.0005 * n,
            longitude=centre.longitude,
            categories=["repair"],
        )
    ordered = selectors.ordered_matches(parse_filter(), centre=(centre.latitude, centre.longitude))
    first = [i.name for i in selectors.objects_for_ids(ordered.ids[:6])]
    assert first[0] == "Repair 0"
    # 2.2 km away, it comes before the fifth repair café 550 m away.
    assert first.index("Gemeinschaftsgarten Querenburg") < first.index("Repair-Café Uni")
    assert ordered.distances == {}


@pytest.mark.parametrize(
    ("metres", "german"),
    [(0, "10 m"), (348, "350 m"), (1234, "1,2 km"), (15_600, "16 km")],
)
def test_distances_read_well(metres, german):
    from django.utils import translation

    with translation.override("de"):
        assert distance(metres) == german


def test_a_district_with_its_town_is_a_place(bochum_entries, monkeypatch):
    asked = []

    def fake(query):
        asked.append(query)
        return GeocodeResult(51.4436, 7.2690, "district", "Querenburg, Bochum")

    monkeypatch.setattr("mitmachkarte.municipalities.places.geocode_text", fake)
    place, text, notices = split_place("repair Bochum-Querenburg")
    assert asked == ["Querenburg, Bochum"]
    assert (place.kind, place.label, text, notices) == (
        "district",
        "Bochum-Querenburg",
        "repair",
        [],
    )
    # a hyphenated word that does not start with a town is no district
    assert split_place("Repair-Café")[0] is None and asked == ["Querenburg, Bochum"]


def test_without_a_geocoder_an_unknown_district_means_its_town_and_stays_text(bochum_entries):
    # (known districts are found offline: tests/initiatives/test_districts.py)
    place, text, notices = split_place("Bochum-Nirgendwo")
    assert (place.kind, place.label, text, notices) == (
        "municipality",
        "Bochum",
        "Bochum-Nirgendwo",
        [],
    )
