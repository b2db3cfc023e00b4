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
    """Two municipalities with one entry each and one user per role."""
    town_a = MunicipalityFactory(name="A-Stadt", latitude=51.0, longitude=7.0, with_boundary=True)
    town_b = MunicipalityFactory(name="B-Dorf", latitude=52.0, longitude=8.0, with_boundary=True)
    in_a = InitiativeFactory(
        name="Garten A", latitude=51.0, longitude=7.0, contact_email="garten-a@initiative.example"
    )
    in_b = InitiativeFactory(
        name="Repair B", latitude=52.0, longitude=8.0, contact_email="repair-b@initiative.example"
    )

    def member(**org):
        return MembershipFactory(organisation=OrganisationFactory(**org), role="owner").user

    users = {
        "network": member(type="network_team"),
        "municipal_a": member(type="municipality", municipality=town_a),
        "municipal_b": member(type="municipality", municipality=town_b),
        "editor_a": member(type="initiative", initiative=in_a),
        "plain": UserFactory(),
        "anonymous": AnonymousUser(),
    }
    return {"users": users, "a": in_a, "b": in_b, "town_a": town_a, "town_b": town_b}
