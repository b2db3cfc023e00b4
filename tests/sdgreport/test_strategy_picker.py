"""The strategy's targets are picked from the 169 official titles, grouped by goal."""

import re

import pytest
from django.test import Client

from mitmachkarte.sdgreport.models import StrategyPriority
from tests.factories import MembershipFactory, MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def manager(db):
    town = MunicipalityFactory(name="Bochum", slug="bochum")
    return MembershipFactory(
        organisation=OrganisationFactory(type="municipality", municipality=town)
    ).user


def test_the_169_targets_grouped_by_goal_and_searchable(manager):
    client = Client()
    client.force_login(manager)
    html = client.get("/kommunen/bochum/strategie/prioritaeten/").content.decode()
    assert len(re.findall(r'name="targets" value="[^"]+"', html)) == 169
    assert html.count("data-filter-group") == 17
    assert "data-filter-input" in html and "filter-list.js" in html
    # German and English titles are searchable text of each target
    assert re.search(r'data-text="11\.6 umweltbelastung[^"]*environmental impact', html, re.I)


def test_picking_targets_saves_them_and_shows_them_checked(manager):
    client = Client()
    client.force_login(manager)
    response = client.post(
        "/kommunen/bochum/strategie/prioritaeten/", {"goals": ["13"], "targets": ["11.6", "12.5"]}
    )
    assert response.status_code == 302
    assert sorted(
        StrategyPriority.objects.exclude(target=None).values_list("target__number", flat=True)
    ) == ["11.6", "12.5"]
    html = client.get("/kommunen/bochum/strategie/prioritaeten/").content.decode()
    assert 'value="11.6" checked' in html and 'value="12.5" checked' in html
    assert 'value="11.7" checked' not in html
