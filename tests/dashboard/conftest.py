import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture
def world(reference_data):
    """Two municipalities, an entry in the first, a pending proposal there, one user per role."""
    town_a = MunicipalityFactory(name="A-Stadt", latitude=51.0, longitude=7.0, with_boundary=True)
    town_b = MunicipalityFactory(name="B-Dorf", latitude=52.0, longitude=8.0, with_boundary=True)
    entry = InitiativeFactory(name="Garten A", latitude=51.0, longitude=7.0)
    pending = InitiativeFactory(name="Neu in A", latitude=51.001, longitude=7.0, status="pending")
    organisations = {
        "network": OrganisationFactory(type="network_team", name="Netzwerkteam"),
        "municipal_a": OrganisationFactory(
            type="municipality", municipality=town_a, name="Stadt A"
        ),
        "municipal_b": OrganisationFactory(type="municipality", municipality=town_b, name="B"),
        "editor_a": OrganisationFactory(type="initiative", initiative=entry, name="Garten A"),
        "advice": OrganisationFactory(type="advice_centre", name="Beratung"),
    }
    users = {
        role: MembershipFactory(organisation=organisation, role="owner").user
        for role, organisation in organisations.items()
    }
    users |= {"plain": UserFactory(), "anonymous": AnonymousUser()}
    return {
        "users": users,
        "organisations": organisations,
        "town_a": town_a,
        "town_b": town_b,
        "entry": entry,
        "pending": pending,
    }
