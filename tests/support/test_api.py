"""GET /api/v1/needs and /api/v1/offers: filters, public fields only, 400 on bad input."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import NeedFactory, OfferFactory
from tests.sprite import sprite_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(towns, repair_cafe, city):
    NeedFactory(title="Raum Bochum", organisation=repair_cafe, municipality=towns["bochum"])
    NeedFactory(
        title="Geld Herne",
        organisation=repair_cafe,
        municipality=towns["herne"],
        need_type="funding",
    )
    NeedFactory(
        title="Gelöst", organisation=repair_cafe, municipality=towns["bochum"], status="solved"
    )
    OfferFactory(
        title="Saal",
        organisation=city,
        municipality=towns["bochum"],
        booking_contact="Bürgerbüro, 0234 123",
    )
    OfferFactory(title="Herne Saal", municipality=towns["herne"], capacity=10)
    OfferFactory(
        title="Programm",
        organisation=city,
        municipality=towns["bochum"],
        offer_type="funding",
        funder="Stadt",
        capacity=None,
        amount_max=2000,
        deadline=timezone.localdate() + timedelta(days=30),
    )


def test_needs_with_filters(client, data):
    body = client.get("/api/v1/needs").json()
    assert body["count"] == 2
    assert {i["title"] for i in body["items"]} == {"Raum Bochum", "Geld Herne"}
    item = client.get("/api/v1/needs?type=room&municipality=bochum").json()["items"][0]
    assert item["title"] == "Raum Bochum" and item["municipality"]["ags"] == "05911000"
    assert item["initiative"]["name"] == "Repair Café Bochum-Mitte"
    assert client.get("/api/v1/needs?bbox=7.2,51.52,7.3,51.6").json()["count"] == 1


def test_offers_with_type_specific_fields(client, data):
    body = client.get("/api/v1/offers?type=room&capacity_min=20").json()
    assert [i["title"] for i in body["items"]] == ["Saal"]
    assert body["items"][0]["room"]["capacity"] == 30 and body["items"][0]["funding"] is None
    funding = client.get("/api/v1/offers?type=funding&amount=1500").json()["items"]
    assert funding[0]["funding"]["amount_max"] == 2000
    assert client.get("/api/v1/offers?type=funding&amount=5000").json()["count"] == 0
    near = client.get("/api/v1/offers?type=room&municipality=bochum&near=1").json()
    assert [i["title"] for i in near["items"]] == ["Saal", "Herne Saal"]
    geo = client.get("/api/v1/offers.geojson?type=room").json()
    assert geo["count"] == 2 and geo["features"][0]["geometry"]["type"] == "Point"


def test_offer_markers_name_symbols_of_the_sprite_not_emoji(client, data):
    sprite = sprite_text()
    for offer_type in ("room", "funding"):
        geo = client.get(f"/api/v1/offers.geojson?type={offer_type}").json()
        for feature in geo["features"]:
            symbol = feature["properties"]["category"]
            assert f'id="icon-{symbol}"' in sprite
            assert symbol.isascii()


def test_no_e_mail_address_in_the_api(client, data):
    for url in ("/api/v1/needs", "/api/v1/offers", "/api/v1/offers.geojson"):
        text = client.get(url).content.decode()
        assert "@" not in text, url


@pytest.mark.parametrize(
    "url, param",
    [
        ("/api/v1/needs?type=palace", "type"),
        ("/api/v1/needs?bbox=1,2,3", "bbox"),
        ("/api/v1/offers?type=room&capacity_min=many", "capacity_min"),
        ("/api/v1/offers?step_free=maybe", "step_free"),
        ("/api/v1/offers?topic=moon", "topic"),
        ("/api/v1/offers?municipality=%00", "municipality"),
        ("/api/v1/offers?near=maybe", "near"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, data, url, param):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["param"] == param


def test_an_unknown_municipality_is_not_found(client, data):
    response = client.get("/api/v1/needs?municipality=atlantis")
    assert response.status_code == 404 and response.json()["param"] == "municipality"


def test_bad_paging_is_a_422(client, data):
    assert client.get("/api/v1/needs?limit=0").status_code == 422


PARAM_VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["room", "funding", "1", "0", "-5", "bochum", "05911000", "7,51,8,52", "8,52,7,51"]
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["type", "municipality", "bbox", "capacity_min", "step_free", "amount", "topic", "near"]
        ),
        PARAM_VALUES,
        max_size=4,
    )
)
def test_any_offer_query_is_answered_or_refused_never_a_500(client, data, params):
    response = client.get("/api/v1/offers", params)
    assert response.status_code in (200, 400, 404, 422)
    if response.status_code in (400, 404):
        assert response.json()["param"] in params
