import pytest

from mitmachkarte.organisations.services import add_member, create_organisation
from tests.factories import InitiativeFactory, MunicipalityFactory, UserFactory


@pytest.fixture
def towns(db):
    """Bochum, its neighbour Herne (~8 km) and far-away Münster (~60 km), as points."""
    return {
        "bochum": MunicipalityFactory(
            name="Bochum", slug="bochum", ags="05911000", latitude=51.4818, longitude=7.2162
        ),
        "herne": MunicipalityFactory(
            name="Herne", slug="herne", ags="05916000", latitude=51.5388, longitude=7.2257
        ),
        "witten": MunicipalityFactory(
            name="Witten", slug="witten", ags="05954036", latitude=51.4436, longitude=7.3526
        ),
        "muenster": MunicipalityFactory(
            name="Münster", slug="muenster", ags="05515000", latitude=51.9625, longitude=7.6256
        ),
    }


@pytest.fixture
def city(towns):
    """The city of Bochum's sustainability office with one member."""
    org = create_organisation(
        name="Stadt Bochum – Nachhaltigkeitsmanagement",
        type="municipality",
        municipality=towns["bochum"],
    )
    user = UserFactory(email="manager@bochum.example")
    add_member(organisation=org, user=user)
    org.member = user
    return org


@pytest.fixture
def herne_city(towns):
    org = create_organisation(name="Stadt Herne", type="municipality", municipality=towns["herne"])
    user = UserFactory(email="amt@herne.example")
    add_member(organisation=org, user=user)
    org.member = user
    return org


@pytest.fixture
def repair_cafe(towns, reference_data):
    initiative = InitiativeFactory(
        name="Repair Café Bochum-Mitte", latitude=51.48, longitude=7.21, sdgs=[12]
    )
    org = create_organisation(name=initiative.name, type="initiative", initiative=initiative)
    user = UserFactory(email="team@repaircafe.example")
    add_member(organisation=org, user=user)
    org.member = user
    return org
