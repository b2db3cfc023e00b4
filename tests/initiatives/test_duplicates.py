import pytest
from hypothesis import given
from hypothesis import strategies as st

from mitmachkarte.initiatives.duplicates import (
    find_duplicates,
    normalise_website,
    similar_names,
)
from mitmachkarte.initiatives.models import Status
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

LAT, LON = 51.4818, 7.2162  # Bochum centre
METRE_LAT = 1 / 111_320


def test_similar_name_within_100_m_is_a_duplicate():
    other = InitiativeFactory(name="Repair-Café Bochum", latitude=LAT, longitude=LON)
    found = find_duplicates(name="Repair Cafe Bochum", latitude=LAT + 60 * METRE_LAT, longitude=LON)
    assert [(d.initiative, d.reason) for d in found] == [(other, "name")]
    assert 55 < found[0].distance_m < 65


def test_similar_name_farther_than_100_m_is_not():
    InitiativeFactory(name="Repair-Café Bochum", latitude=LAT, longitude=LON)
    assert (
        find_duplicates(name="Repair Café Bochum", latitude=LAT + 150 * METRE_LAT, longitude=LON)
        == []
    )


def test_different_name_nearby_is_not():
    InitiativeFactory(name="Foodsharing Ehrenfeld", latitude=LAT, longitude=LON)
    assert find_duplicates(name="Gemeinschaftsgarten Linden", latitude=LAT, longitude=LON) == []


@pytest.mark.parametrize(
    "given_site", ["https://www.repair.example/", "http://repair.example", "repair.example"]
)
def test_same_website_within_1_km(given_site):
    other = InitiativeFactory(
        name="Reparaturtreff", website="https://repair.example", latitude=LAT, longitude=LON
    )
    found = find_duplicates(
        name="Ganz anders", website=given_site, latitude=LAT + 800 * METRE_LAT, longitude=LON
    )
    assert [(d.initiative, d.reason) for d in found] == [(other, "website")]


def test_same_email_within_1_km_but_not_beyond():
    other = InitiativeFactory(contact_email="Info@Garten.example", latitude=LAT, longitude=LON)
    near = find_duplicates(
        name="x", contact_email="info@garten.example", latitude=LAT + 900 * METRE_LAT, longitude=LON
    )
    far = find_duplicates(
        name="x",
        contact_email="info@garten.example",
        latitude=LAT + 1200 * METRE_LAT,
        longitude=LON,
    )
    assert [(d.initiative, d.reason) for d in near] == [(other, "email")]
    assert far == []


def test_excludes_itself_archived_and_drafts():
    own = InitiativeFactory(name="Tauschring", latitude=LAT, longitude=LON)
    InitiativeFactory(name="Tauschring", latitude=LAT, longitude=LON, status=Status.ARCHIVED)
    assert find_duplicates(name="Tauschring", latitude=LAT, longitude=LON, exclude_id=own.pk) == []


def test_pending_proposals_count_as_duplicates():
    pending = InitiativeFactory(
        name="Tauschring", latitude=LAT, longitude=LON, status=Status.PENDING
    )
    assert [
        d.initiative for d in find_duplicates(name="Tauschring", latitude=LAT, longitude=LON)
    ] == [pending]


def test_extra_word_still_matches():
    assert similar_names("Repair Café", "Repair Café Ehrenfeld")
    assert not similar_names("Café", "Café Ehrenfeld Repair Bochum")  # one word is too little
    assert not similar_names("", "Repair")


def test_website_normalisation():
    assert normalise_website("HTTPS://WWW.Example.org/") == "example.org"


@given(st.text(max_size=40))
def test_a_name_is_similar_to_itself_unless_empty(name):
    from mitmachkarte.initiatives.duplicates import normalise_name

    assert similar_names(name, name) == bool(normalise_name(name))


# A point geocoded from a postcode is the centre of the postcode area, often hundreds of
# metres from the real place: similar names count within 1 km or at the same postcode then.
CENTRE_44787 = (51.482061, 7.217132)


def test_a_geocoded_point_finds_the_same_name_at_the_same_postcode_500_m_away():
    other = InitiativeFactory(
        name="Repair Café Bochum-Mitte",
        postcode="44787",
        latitude=CENTRE_44787[0] + 500 * METRE_LAT,
        longitude=CENTRE_44787[1],
    )
    ask = {"name": "Repair Cafe Bochum Mitte", "latitude": CENTRE_44787[0]}
    ask |= {"longitude": CENTRE_44787[1], "postcode": "44787"}
    assert find_duplicates(**ask) == []  # a point placed on the map: 100 m as before
    found = find_duplicates(**ask, geocoded=True)
    assert [(d.initiative, d.reason) for d in found] == [(other, "name")]
    assert found[0].distance_m == pytest.approx(500, abs=5)


def test_a_geocoded_point_finds_the_name_anywhere_in_its_postcode_and_within_1_km():
    far_same_postcode = InitiativeFactory(
        name="Foodsharing Bochum",
        postcode="44787",
        latitude=CENTRE_44787[0] + 3000 * METRE_LAT,
        longitude=CENTRE_44787[1],
    )
    near_other_postcode = InitiativeFactory(
        name="Foodsharing Bochum",
        postcode="44789",
        latitude=CENTRE_44787[0] - 900 * METRE_LAT,
        longitude=CENTRE_44787[1],
    )
    InitiativeFactory(  # far away and another postcode: not the same
        name="Foodsharing Bochum",
        postcode="44791",
        latitude=CENTRE_44787[0] + 3000 * METRE_LAT,
        longitude=CENTRE_44787[1] + 0.01,
    )
    InitiativeFactory(  # same postcode, another name
        name="Lastenrad Bochum",
        postcode="44787",
        latitude=CENTRE_44787[0],
        longitude=CENTRE_44787[1],
    )
    found = find_duplicates(
        name="Foodsharing Bochum",
        latitude=CENTRE_44787[0],
        longitude=CENTRE_44787[1],
        postcode=" 44787 ",
        geocoded=True,
    )
    assert {d.initiative for d in found} == {far_same_postcode, near_other_postcode}
