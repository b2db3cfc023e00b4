"""The municipality picker: suggestions while typing, names resolved on the server, and
counts per municipality cached by data version."""

import pytest
from django import forms

from mitmachkarte.core.versions import bump_version
from mitmachkarte.municipalities import selectors
from mitmachkarte.municipalities.forms import MunicipalityField
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

URL = "/kommunen/vorschlaege/"


@pytest.fixture
def towns(reference_data):
    bochum = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        district="Bochum",
        latitude=51.48,
        longitude=7.22,
    )
    bocholt = MunicipalityFactory(
        name="Bocholt",
        slug="bocholt",
        ags="05554008",
        district="Borken",
        latitude=51.84,
        longitude=6.6,
    )
    neustadt_a = MunicipalityFactory(
        name="Neustadt", slug="neustadt", ags="07337061", latitude=49.35, longitude=8.14
    )
    neustadt_b = MunicipalityFactory(
        name="Neustadt", slug="neustadt-2", ags="09576148", latitude=49.73, longitude=11.26
    )
    for i in range(3):
        InitiativeFactory(name=f"Bocholt {i}", municipality=bocholt, latitude=51.84, longitude=6.6)
    InitiativeFactory(name="Bochum 1", municipality=bochum, latitude=51.48, longitude=7.22)
    return {"bochum": bochum, "bocholt": bocholt, "neustadt": [neustadt_a, neustadt_b]}


def test_suggestions_start_with_the_typed_text_most_active_first(client, towns):
    response = client.get(URL, {"q": "boch"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(i["value"], i["initiative_count"]) for i in items] == [("Bocholt", 3), ("Bochum", 1)]
    assert "Borken" in items[0]["label"]


def test_an_exact_name_comes_first_and_namesakes_carry_their_key(client, towns):
    assert client.get(URL, {"q": "Bochum"}).json()["items"][0]["value"] == "Bochum"
    values = [i["value"] for i in client.get(URL, {"q": "neust"}).json()["items"]]
    assert values == ["Neustadt (07337061)", "Neustadt (09576148)"]
    assert client.get(URL, {"q": "0591"}).json()["items"][0]["value"] == "Bochum"
    assert client.get(URL, {"q": ""}).json()["items"] == []


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"q": "b", "limit": "x"}, "limit"),
        ({"q": "b", "limit": "99"}, "limit"),
        ({"q": "b" * 101}, "q"),
        ({"q": "bo\x00"}, "q"),
    ],
)
def test_bad_parameters_are_a_4xx_naming_the_parameter(client, towns, params, param):
    response = client.get(URL, params)
    assert 400 <= response.status_code < 500
    assert response.json()["param"] == param
    assert response.json()["error"].startswith(f"{param}:")


def test_the_limit_is_kept(client, towns):
    assert len(client.get(URL, {"q": "b", "limit": "1"}).json()["items"]) == 1


class PickForm(forms.Form):
    municipality = MunicipalityField()


def test_the_field_resolves_names_keys_and_suggested_values(towns):
    for text in ("Bochum", "bochum", "05911000", "Neustadt (09576148)"):
        form = PickForm({"municipality": text})
        assert form.is_valid(), form.errors
    assert PickForm({"municipality": "Neustadt (09576148)"}).is_valid()
    form = PickForm({"municipality": "Neustadt (09576148)"})
    form.is_valid()
    assert form.cleaned_data["municipality"] == towns["neustadt"][1]


def test_the_field_names_unknown_and_ambiguous_input(towns):
    unknown = PickForm({"municipality": "Atlantis"})
    assert not unknown.is_valid()
    assert unknown.errors["municipality"][0].startswith("Unbekannte Kommune „Atlantis“")
    ambiguous = PickForm({"municipality": "Neustadt"})
    assert not ambiguous.is_valid()
    message = ambiguous.errors["municipality"][0]
    assert "Neustadt (07337061)" in message and "Neustadt (09576148)" in message


def test_the_widget_asks_the_server_instead_of_listing_every_municipality(towns):
    html = str(PickForm()["municipality"])
    assert 'data-suggest-url="/kommunen/vorschlaege/"' in html
    assert "<option" not in html


def test_a_filter_with_a_shared_name_is_reported_not_guessed(client, towns):
    page = client.get("/", {"municipality": "Neustadt"}).content.decode()
    assert "Neustadt (07337061), Neustadt (09576148)" in page
    # Slugs stay unambiguous (embed codes use them).
    assert client.get("/api/v1/initiatives", {"municipality": "neustadt"}).status_code == 200


def test_counts_are_cached_until_the_data_version_changes(towns, django_assert_num_queries):
    assert selectors.initiative_counts()[towns["bocholt"].pk] == 3
    with django_assert_num_queries(1):  # only the version is read
        selectors.initiative_counts()
    InitiativeFactory(
        name="Bocholt 4", municipality=towns["bocholt"], latitude=51.84, longitude=6.6
    )
    assert selectors.initiative_counts()[towns["bocholt"].pk] == 4
    bump_version(selectors.INITIATIVES_VERSION)
    with django_assert_num_queries(2):  # version and a new count
        selectors.initiative_counts()


def test_the_list_pages_by_count_and_name(client, towns):
    active = selectors.municipalities_with_counts(only_active=True)
    assert [(m.name, m.initiative_count) for m in active[0:5]] == [("Bocholt", 3), ("Bochum", 1)]
    everyone = selectors.municipalities_with_counts()
    assert len(everyone) == 4 and everyone[-1].initiative_count == 0
    page = client.get("/kommunen/", {"alle": "1"}).content.decode()
    assert page.index("Bocholt") < page.index("Bochum") < page.index("Neustadt")
