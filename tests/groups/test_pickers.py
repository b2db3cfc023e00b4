"""The partner picker of the cooperation form: same municipality first, then the nearest,
searchable by name (htmx fragment, also rendered on the page for browsers without JS)."""

import pytest
from django.test import Client

from mitmachkarte.groups import selectors
from mitmachkarte.groups.models import Cooperation
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def places(db):
    koeln = MunicipalityFactory(name="Köln", latitude=50.94, longitude=6.96, with_boundary=True)
    bonn = MunicipalityFactory(name="Bonn", latitude=50.73, longitude=7.10, with_boundary=True)
    muenster = MunicipalityFactory(name="Münster", latitude=51.96, longitude=7.63)
    garden = InitiativeFactory(name="Garten Ehrenfeld", latitude=50.94, longitude=6.96)
    initiative = OrganisationFactory(type="initiative", name="Garten Ehrenfeld", initiative=garden)
    partners = {
        "muenster": OrganisationFactory(
            type="municipality", municipality=muenster, name="Stadt Münster"
        ),
        "bonn": OrganisationFactory(
            type="municipality", municipality=bonn, name="Bundesstadt Bonn"
        ),
        "koeln": OrganisationFactory(type="municipality", municipality=koeln, name="Stadt Köln"),
    }
    return {
        "initiative": initiative,
        "partners": partners,
        "user": MembershipFactory(organisation=initiative).user,
    }


def test_same_municipality_first_then_the_nearest(places):
    found = selectors.partner_candidates(places["initiative"])
    assert [p.organisation.name for p in found] == [
        "Stadt Köln",
        "Bundesstadt Bonn",
        "Stadt Münster",
    ]
    assert found[0].same_municipality and found[1].distance_km == pytest.approx(25.4, abs=1)


def test_search_by_name_ignores_accents_and_case(places):
    found = selectors.partner_candidates(places["initiative"], q="munster")
    assert [p.organisation.name for p in found] == ["Stadt Münster"]
    assert (
        selectors.partner_candidates(places["initiative"], q="koeln")[0].organisation.name
        == "Stadt Köln"
    )


def test_the_search_fragment_and_recording_by_picking(places):
    client = Client()
    client.force_login(places["user"])
    initiative = places["initiative"]
    fragment = client.get(f"/kooperationen/partner/?organisation={initiative.pk}&q=bonn")
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert "Bundesstadt Bonn" in html and "Stadt Köln" not in html and "<html" not in html
    page = client.get("/kooperationen/").content.decode()
    assert page.index("Stadt Köln") < page.index("Bundesstadt Bonn")  # picker's first view
    assert 'hx-get="/kooperationen/partner/"' in page
    response = client.post(
        "/kooperationen/",
        {
            "organisation": initiative.pk,
            "q": "bonn",
            "counterpart": places["partners"]["bonn"].pk,
            "type": "room",
            "since": "2026-01-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Cooperation.objects.get().partner == places["partners"]["bonn"]


def test_the_search_is_only_for_ones_own_organisation(places):
    client = Client()
    client.force_login(MembershipFactory(organisation=OrganisationFactory(type="initiative")).user)
    response = client.get(f"/kooperationen/partner/?organisation={places['initiative'].pk}")
    assert response.status_code == 403
    assert Client().get("/kooperationen/partner/?organisation=1").status_code == 302


def test_a_chosen_partner_stays_in_the_list(places):
    far = places["partners"]["muenster"]
    found = selectors.partner_candidates(places["initiative"], limit=1, keep=str(far.pk))
    assert [p.organisation for p in found] == [far, places["partners"]["koeln"]]
