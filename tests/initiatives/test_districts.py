"""Districts, villages and towns by name, offline ("Ehrenfeld", "Bochum-Langendreer",
"Dortmund Hörde"): the place moves the map and orders the list, on `/`, in the API and in
the embed; an ambiguous name means the most plausible place."""

import re

import pytest
from django.test import Client

from mitmachkarte.core.geocoding import localities
from mitmachkarte.municipalities.places import split_place
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("reference_data")

# Points from GeoNames (src/mitmachkarte/data/de-places.csv)
NEUEHRENFELD = (50.95753, 6.93611)
LANGENDREER = (51.46023, 7.32584)
HOERDE = (51.48371, 7.50030)


@pytest.fixture
def towns(db):
    koeln = MunicipalityFactory(name="Köln", slug="koeln", latitude=50.94, longitude=6.96)
    bochum = MunicipalityFactory(name="Bochum", slug="bochum", latitude=51.48, longitude=7.22)
    dortmund = MunicipalityFactory(name="Dortmund", slug="dortmund", latitude=51.51, longitude=7.46)

    def entry(name, lat, lon, town, categories=("repair",)):
        return InitiativeFactory(
            name=name, latitude=lat, longitude=lon, municipality=town, categories=list(categories)
        )

    return {
        "ehrenfeld": entry("Repair-Café Venloer Straße", 50.9505, 6.9180, koeln),
        "porz": entry("Repair-Café Porz", 50.8800, 7.0600, koeln),
        "garden": entry("Gemeinschaftsgarten Nippes", 50.9650, 6.9530, koeln, ["gardening-nature"]),
        "langendreer": entry("Repair-Café Langendreer-West", 51.4610, 7.3200, bochum),
        "wattenscheid": entry("Repair-Café Wattenscheid", 51.4800, 7.1400, bochum),
        "hoerde": entry("Repair-Café am Phoenixsee", 51.4860, 7.4950, dortmund),
        "mengede": entry("Repair-Café Mengede", 51.5700, 7.3900, dortmund),
    }


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_the_shipped_places_know_districts_in_any_spelling():
    assert localities("Hörde")[0].name == "Hörde"
    assert localities("hoerde") == localities("HORDE") == localities("Hörde")
    assert localities("Langendreer")[0].name == "Langendreer"
    # GeoNames lists Neuehrenfeld, not Ehrenfeld itself: the prefixed name stands in
    assert localities("Ehrenfeld")[0].name == "Neuehrenfeld"
    assert localities("Repair") == () and localities("ab") == ()


def test_a_district_alone_is_a_place_and_leaves_the_text(towns):
    place, text, notices = split_place("Ehrenfeld")
    assert (place.kind, place.label, text, notices) == ("district", "Neuehrenfeld", "", [])
    assert (place.latitude, place.longitude) == NEUEHRENFELD
    place, text, _ = split_place("repair Ehrenfeld")
    assert (place.label, text) == ("Neuehrenfeld", "repair")
    place, text, _ = split_place("repair hoerde")
    assert ((place.latitude, place.longitude), text) == (HOERDE, "repair")


def test_a_district_with_its_town_offline(towns):
    place, text, _ = split_place("Bochum-Langendreer")
    assert (place.kind, place.label, text) == ("district", "Bochum-Langendreer", "")
    assert (place.latitude, place.longitude) == LANGENDREER
    place, text, _ = split_place("repair Dortmund Hörde")
    assert (place.kind, place.label, text) == ("district", "Hörde", "repair")
    place, text, _ = split_place("Köln-Ehrenfeld")
    assert ((place.latitude, place.longitude), text) == (NEUEHRENFELD, "")


def test_an_ambiguous_name_means_the_place_with_entries_near_it(towns):
    # Linden: Hannover's district (38,000 inhabitants) and villages elsewhere. With no
    # entry near any of them the word is search text, not a place.
    assert split_place("Linden") == (None, "Linden", [])
    # An entry near the village in the Palatinate makes that one the plausible Linden.
    InitiativeFactory(name="Tauschring Westpfalz", latitude=49.36, longitude=7.64)
    place, text, _ = split_place("Linden")
    assert (round(place.latitude, 2), round(place.longitude, 2), text) == (49.35, 7.65, "")
    # more entries near the larger Linden: that one
    for n in range(2):
        InitiativeFactory(name=f"Hannover {n}", latitude=52.36, longitude=9.71)
    place, _, _ = split_place("Linden")
    assert round(place.latitude, 2) == 52.36


def test_a_municipality_with_entries_wins_over_a_place_of_that_name(towns):
    place, text, _ = split_place("repair Bochum")
    assert (place.kind, text) == ("municipality", "repair Bochum")
    # typed without its umlaut, a municipality is still one: its name stays search text
    place, text, _ = split_place("koln")
    assert (place.kind, place.label, text) == ("municipality", "Köln", "koln")


def test_the_api_and_the_map_page_order_by_distance_to_the_district(towns):
    client = Client()
    found = client.get("/api/v1/initiatives", {"q": "repair Ehrenfeld"})
    assert found.status_code == 200
    assert names(found)[:2] == ["Repair-Café Venloer Straße", "Repair-Café Porz"]
    assert found.json()["count"] == 6  # the garden is no repair café; a place does not filter
    assert found.json()["items"][0]["distance_m"] < 2000
    by_hoerde = names(client.get("/api/v1/initiatives", {"q": "Dortmund Hörde"}))
    assert by_hoerde[:2] == ["Repair-Café am Phoenixsee", "Repair-Café Mengede"]
    html = client.get("/", {"q": "repair Bochum-Langendreer"}).content.decode()
    assert html.index("Repair-Café Langendreer-West") < html.index("Repair-Café Wattenscheid")
    assert re.search(r'class="place-line">.*Bochum-Langendreer', html)
    assert re.search(r'class="distance">[\d,.]+\s?(k?m)<', html)


def test_the_embed_orders_by_distance_to_the_district(towns):
    html = Client().get("/embed/", {"q": "repair Ehrenfeld"}).content.decode()
    slugs = re.findall(r'<li class="mmk-card" data-slug="([^"]+)"', html)
    assert slugs[0] == towns["ehrenfeld"].slug and slugs[1] == towns["porz"].slug
    assert re.search(r'class="mmk-distance">[\d,.]+\s?(k?m)<', html)
    # the map starts at the district, zoomed out (as on `/`) until the nearest five are in
    # view: the fifth, in Bochum, is 60 km away
    assert '"center": [50.95753, 6.93611], "zoom": 8' in html
    near = Client().get("/embed/", {"q": "Ehrenfeld", "kommune": "koeln"}).content.decode()
    # in Köln's widget only Köln's three count: the third, in Porz, is 13 km away
    assert '"center": [50.95753, 6.93611], "zoom": 10' in near
